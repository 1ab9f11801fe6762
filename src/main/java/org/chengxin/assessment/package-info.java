/**
 * The assessment of departments (考核, policy 十六): per department and per month or quarter, catalog coverage, volume,
 * 双公示 timeliness on the working calendar, rejection rate, measure-check feedback, objections and repairs decided on
 * time and complaints, a documented score and a ranking, for the leading group (领导小组), the administrator and the
 * auditor, with an XLSX export for the third-party evaluator; and the administrator's overview on the workbench (records per
 * domain and month, grades, list entries, queries, measure checks). Reads every figure through the owning module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "部门考核 assessment",
        allowedDependencies = { "shared", "catalog", "catalog :: domain", "organization", "records", "ingestion", "measures",
                "remedies", "complaints", "evaluation", "lists", "inquiry" })
package org.chengxin.assessment;
