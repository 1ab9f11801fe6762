/**
 * The public figures of the city's credit work (信用岳阳, 数据统计): records collected per domain and month, good-credit
 * versus dishonesty records in force, list entries in force, checks and measures applied, objections and repairs
 * decided on time. Counts only, never a person; read from the other modules' APIs and kept for a few minutes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "公开统计 figures",
        allowedDependencies = { "shared", "catalog", "catalog :: domain", "records", "lists", "measures", "remedies" })
package org.chengxin.figures;
