/**
 * The rules of joint reward and punishment in plain Java: the measures, what triggers each, and which
 * measures apply to a person for a matter handled by a department on a day.
 */
package org.chengxin.measures.domain;
