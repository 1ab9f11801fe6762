/**
 * The person answers back (policy 九, 十): objections to a record (异议, 征信业管理条例 第二十五条, PIPL
 * 第四十六条) and credit repair (信用修复, NDRC Order 36). A person files, the platform's staff screen, the
 * department that formed the record decides within its deadline; the record's status changes through
 * the records module's lifecycle, and evaluation, lists and measures follow from its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "异议与信用修复 remedies",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "records", "statements" })
package org.chengxin.remedies;
