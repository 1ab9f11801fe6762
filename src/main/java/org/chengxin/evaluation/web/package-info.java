/** The citizen's and the administrator's evaluation pages. */
package org.chengxin.evaluation.web;
