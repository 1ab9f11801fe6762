/**
 * Joint reward and punishment (policy 十三, 十四, 十五): the incentive and punishment measure lists kept by
 * the administrator, the check a department runs while handling a matter for a person ("trigger"),
 * and the department's report of what it applied ("feedback"). Every check is an entry of the person's query log:
 * the module publishes {@code MeasureChecked} in the check's transaction and the log's owner,
 * {@code inquiry}, hears it; {@code inquiry} is not among the allowed dependencies, so the arrow runs one way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "联合奖惩 measures",
        allowedDependencies = { "shared", "identity", "organization", "lists", "standing" })
package org.chengxin.measures;
