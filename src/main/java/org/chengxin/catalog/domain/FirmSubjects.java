package org.chengxin.catalog.domain;

import java.util.Set;

/**
 * Which catalog items hold records about firms (法人和非法人组织, named by their unified social credit code), and which of
 * them reach the firm's responsible persons (policy 十四: 企业法定代表人及相关责任人). An item holds firms' records when
 * the 双公示 publishes its decisions (licences and penalties are given to firms as to persons) or when the catalog names
 * the responsible persons of firms or institutions among its key groups; only the latter reach a person: a firm's
 * ordinary licence or penalty stays the firm's.
 */
public final class FirmSubjects {

    /** The key groups of the catalog that are the responsible persons of firms and public institutions. */
    public static final Set<String> RESPONSIBLE_GROUPS = Set.of("ENTERPRISE_LEGAL_REP", "INSTITUTION_LEGAL_REP");

    private FirmSubjects() {
    }

    /** Whether a row about a firm may be pushed under the item. */
    public static boolean allows(Item item) {
        return reachesResponsiblePersons(item) || PublicDecisionType.of(item).isPresent();
    }

    /** Whether a firm's record under the item becomes a record of the legal representative or responsible person named. */
    public static boolean reachesResponsiblePersons(Item item) {
        return item != null && item.groups().stream().anyMatch(RESPONSIBLE_GROUPS::contains);
    }
}
