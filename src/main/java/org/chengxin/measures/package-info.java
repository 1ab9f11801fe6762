/**
 * Joint reward and punishment (policy 十三, 十四, 十五): the incentive and punishment measure lists kept by
 * the administrator, the check a department runs while handling a matter for a person ("trigger"),
 * and the department's report of what it applied ("feedback").
 */
@org.springframework.modulith.ApplicationModule(displayName = "联合奖惩 measures")
package org.chengxin.measures;
