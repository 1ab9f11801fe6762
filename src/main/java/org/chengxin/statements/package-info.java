/**
 * The person's own statements (本人声明) about their records: written by the person, screened by the
 * platform's staff for others' personal data and abuse, shown beside the record on every output once
 * published, kept with every version, and withdrawable by the person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "本人声明 statements",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "records" })
package org.chengxin.statements;
