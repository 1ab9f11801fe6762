/**
 * A person's credit standing today, in one shape (policy 十三, 十四): grade and points, the lists in
 * force, the good-credit and dishonesty records in force, three-years-clean and disputed. Above
 * evaluation and lists, which it combines; measures, inquiry and the credit-status API read it here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "信用状况 standing",
        allowedDependencies = { "shared", "identity", "catalog", "catalog :: domain", "records", "evaluation", "lists", "statements" })
package org.chengxin.standing;
