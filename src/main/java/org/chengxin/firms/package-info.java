/**
 * Firms and their responsible persons (policy 十四, issue 18 item 3): records about legal persons and other organizations,
 * named by their unified social credit code, as a subject of their own kind that holds no personal data; and the link of
 * a firm's record to the records of the natural persons it names (legal representative, directly responsible person),
 * which {@code records} holds like any person's, so that the person's standing and measures follow. Ingestion stores
 * firms' rows here; the firm's records are shown to the staff who may see firms' records, and revoked with the persons'.
 */
@org.springframework.modulith.ApplicationModule(displayName = "法人及责任人 firms",
        allowedDependencies = { "shared", "catalog", "catalog :: domain", "records" })
package org.chengxin.firms;
