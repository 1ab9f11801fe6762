package org.chengxin.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which items hold firms' records, and which of them reach the firms' responsible persons. */
class FirmSubjectsTests {

    private static final LegalBasis LAW = new LegalBasis("《中华人民共和国税收征收管理法》", "第六十三条");

    private static Item item(ItemKind kind, Severity severity, DisclosureScope scope, String domain, Set<String> groups) {
        return new Item("YY-T-1", "测试", domain, kind, severity, scope, 0, 36, Set.of("swj"), groups, false, null, List.of(), LAW, "");
    }

    @Test
    void anItemNamingTheResponsiblePersonsOfFirmsHoldsFirmsAndReachesThePersons() {
        Item taxEvasion = item(ItemKind.DISHONESTY, Severity.SERIOUS, DisclosureScope.PUBLIC, "TAXATION", Set.of("ENTERPRISE_LEGAL_REP"));
        Item defaulters = item(ItemKind.DISHONESTY, Severity.SERIOUS, DisclosureScope.PUBLIC, "JUDICIAL", Set.of("ENTERPRISE_LEGAL_REP"));
        Item grants = item(ItemKind.DISHONESTY, Severity.SERIOUS, DisclosureScope.AUTHORIZED, "GENERAL", Set.of("INSTITUTION_LEGAL_REP"));

        assertThat(List.of(taxEvasion, defaulters, grants)).allMatch(FirmSubjects::allows).allMatch(FirmSubjects::reachesResponsiblePersons);
    }

    @Test
    void aPublishedLicenceOrPenaltyHoldsFirmsButStaysTheFirms() {
        Item penalty = item(ItemKind.DISHONESTY, Severity.GENERAL, DisclosureScope.PUBLIC, "GENERAL", Set.of());
        Item licence = item(ItemKind.BASIC, null, DisclosureScope.PUBLIC, "GENERAL", Set.of());

        assertThat(List.of(penalty, licence)).allMatch(FirmSubjects::allows).noneMatch(FirmSubjects::reachesResponsiblePersons);
    }

    @Test
    void anItemAboutPersonsAloneRefusesFirms() {
        Item minorPenalty = item(ItemKind.DISHONESTY, Severity.MINOR, DisclosureScope.PUBLIC, "GENERAL", Set.of());
        Item honour = item(ItemKind.GOOD_CREDIT, null, DisclosureScope.PUBLIC, "GENERAL", Set.of("TEACHER"));
        Item authorizedPenalty = item(ItemKind.DISHONESTY, Severity.GRAVE, DisclosureScope.AUTHORIZED, "EDUCATION", Set.of());

        assertThat(List.of(minorPenalty, honour, authorizedPenalty)).noneMatch(FirmSubjects::allows);
        assertThat(FirmSubjects.reachesResponsiblePersons(null)).isFalse();
    }
}
