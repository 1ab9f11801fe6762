/**
 * The evaluation rules in plain Java, each a named policy: which records count, the points model,
 * the grade bands, and the explanation of a score.
 */
package org.chengxin.evaluation.domain;
