/**
 * Mutual credit query with other cities (跨区域互查, policy 十一, issue 18 item 4): another city's credit platform, an
 * OAuth2 client of kind {@code EXTERNAL_PLATFORM} holding the scope {@code mutual:query}, asks for a person's credit
 * status for a named duty of a fixed list ({@link org.chengxin.mutual.domain.MutualDuty}) and receives only what may
 * cross a region ({@link org.chengxin.mutual.domain.CrossRegionSharing}). Each answer, or refusal once the person is
 * known, is published as {@link org.chengxin.mutual.MutualQueryAnswered}, which the query log's owner {@code inquiry}
 * hears in the same transaction, and audited. {@code inquiry} is not among the allowed dependencies: the arrow runs one
 * way, as for {@code measures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "异地信用互查 mutual",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "standing", "statements" })
package org.chengxin.mutual;
