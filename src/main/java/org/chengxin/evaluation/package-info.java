/**
 * Integrity points and credit grades (policy 七, 十二): a person's points from the records that count,
 * the grade they give, and the explanation of both, record by record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "信用评价 evaluation")
package org.chengxin.evaluation;
