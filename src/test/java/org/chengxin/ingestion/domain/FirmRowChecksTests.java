package org.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.FieldType;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.junit.jupiter.api.Test;

/** The checks of a row about a firm (issue 18 item 3). The codes and ID numbers here are made up. */
class FirmRowChecksTests {

    /** Serious tax evasion, which reaches the responsible persons of firms, for adults only. */
    static final Item TAX_EVASION = new Item("YY-TX-901", "偷税", "TAXATION", ItemKind.DISHONESTY, Severity.SERIOUS,
            DisclosureScope.PUBLIC, 12, 36, Set.of("scjg"), Set.of("ENTERPRISE_LEGAL_REP"), true, null,
            List.of(new ItemField("facts", "违法事实", FieldType.STRING, true)), RowChecksTests.LAW, "");
    /** A minor penalty: never published, so never a firm's. */
    static final Item MINOR = new Item("YY-GN-903", "轻微行政处罚", "GENERAL", ItemKind.DISHONESTY, Severity.MINOR,
            DisclosureScope.PUBLIC, 0, 3, Set.of("scjg"), Set.of(), false, null, List.of(), RowChecksTests.LAW, "");

    static final String FIRM = "91430600MA4L00012" + Uscc.checkCharacter("91430600MA4L00012");
    static final String MINOR_PERSON = RowChecksTests.valid("43060220150101123");

    private final RowChecks checks = new RowChecks(code -> Map.of(TAX_EVASION.code(), TAX_EVASION, MINOR.code(), MINOR,
            RowChecksTests.PENALTY.code(), RowChecksTests.PENALTY).get(code), RowChecksTests.MARKET_REGULATOR, RowChecksTests.TODAY);

    private static RawRow firmRow(String itemCode, String... changes) {
        Map<String, String> values = new HashMap<>(Map.of("sourceId", "SCJG-F-1", "itemCode", itemCode, "uscc", FIRM,
                "name", "岳阳市某某食品贸易有限公司", "decisionDate", "2026-11-20", "documentNumber", "岳市监罚〔2026〕99号",
                "facts", "销售过期食品"));
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                values.remove(changes[i]);
            } else {
                values.put(changes[i], changes[i + 1]);
            }
        }
        return new RawRow(9, values);
    }

    private List<Tuple> rejectionsOf(RawRow row) {
        RowChecks.Result result = checks.check(row);
        assertThat(result.candidate()).isNull();
        return result.rejections().stream().map(r -> tuple(r.field(), r.code())).toList();
    }

    @Test
    void aFirmsRowUnderAnItemReachingItsPersonsNamesTheLegalRepresentativeAndTheResponsiblePerson() {
        RowChecks.Result result = checks.check(firmRow(TAX_EVASION.code(), "legalRepresentative", "贺法人",
                "legalRepresentativeIdNumber", RowChecksTests.ADULT, "responsiblePerson", "钟经理",
                "responsiblePersonIdNumber", RowChecksTests.valid("43060219850505123")));

        assertThat(result.passed()).as(result.rejections().toString()).isTrue();
        Candidate c = result.candidate();
        assertThat(c.aboutFirm()).isTrue();
        assertThat(c.idNumber()).isNull();
        assertThat(c.name()).isEqualTo("岳阳市某某食品贸易有限公司");
        assertThat(c.firm().uscc().value()).isEqualTo(FIRM);
        assertThat(c.firm().persons()).extracting(FirmRow.Responsible::role, p -> p.idNumber().value(), FirmRow.Responsible::name)
                .containsExactly(tuple(ResponsibleRole.LEGAL_REPRESENTATIVE, RowChecksTests.ADULT, "贺法人"),
                        tuple(ResponsibleRole.RESPONSIBLE_PERSON, RowChecksTests.valid("43060219850505123"), "钟经理"));

        Candidate person = ResponsiblePersons.rowOf(c, c.firm().persons().get(0));
        assertThat(person.sourceId()).isEqualTo("SCJG-F-1#FR");
        assertThat(person.idNumber().value()).isEqualTo(RowChecksTests.ADULT);
        assertThat(person.content()).containsEntry("facts", "销售过期食品").containsEntry(ResponsiblePersons.FIRM_USCC, FIRM)
                .containsEntry(ResponsiblePersons.ROLE, "法定代表人").containsEntry(ResponsiblePersons.FIRM_NAME, "岳阳市某某食品贸易有限公司");
    }

    @Test
    void aFirmsOrdinaryPenaltyStaysTheFirmsAndKeepsNoIdNumber() {
        RowChecks.Result result = checks.check(firmRow(RowChecksTests.PENALTY.code(), "legalRepresentative", "贺法人",
                "legalRepresentativeIdNumber", RowChecksTests.ADULT));

        assertThat(result.passed()).as(result.rejections().toString()).isTrue();
        assertThat(result.candidate().firm().persons()).isEmpty();
        assertThat(result.candidate().content().values()).doesNotContain(RowChecksTests.ADULT);
    }

    @Test
    void anItemAboutPersonsAloneRefusesAFirm() {
        assertThat(rejectionsOf(firmRow(MINOR.code()))).containsExactly(tuple("uscc", "LEGAL_PERSON_NOT_SUPPORTED"));
    }

    @Test
    void aCodeThatIsNoCodeIsRefusedWithItsReason() {
        assertThat(rejectionsOf(firmRow(TAX_EVASION.code(), "uscc", FIRM.substring(0, 17) + (FIRM.endsWith("1") ? "2" : "1"))))
                .containsExactly(tuple("uscc", "USCC_BAD_CHECK_CHARACTER"));
        assertThat(rejectionsOf(firmRow(TAX_EVASION.code(), "uscc", "91430600")))
                .containsExactly(tuple("uscc", "USCC_WRONG_LENGTH"));
    }

    @Test
    void everyFaultOfTheNamedPersonsIsReported() {
        String badCheck = RowChecksTests.ADULT.substring(0, 17) + (RowChecksTests.ADULT.endsWith("1") ? "2" : "1");
        assertThat(rejectionsOf(firmRow(TAX_EVASION.code(), "legalRepresentativeIdNumber", badCheck,
                "responsiblePerson", "小某", "responsiblePersonIdNumber", MINOR_PERSON)))
                .containsExactlyInAnyOrder(tuple("legalRepresentative", "RESPONSIBLE_NAME_MISSING"),
                        tuple("legalRepresentativeIdNumber", "ID_BAD_CHECK_CHARACTER"),
                        tuple("responsiblePersonIdNumber", "SUBJECT_UNDER_18"));
    }

    @Test
    void aNameWithoutANumberNamesNobodyAndTheFirmsRecordStands() {
        RowChecks.Result result = checks.check(firmRow(TAX_EVASION.code(), "legalRepresentative", "贺法人"));

        assertThat(result.passed()).isTrue();
        assertThat(result.candidate().firm().persons()).isEmpty();
    }

    @Test
    void aSourceIdLeavesRoomForThePersonsSuffix() {
        assertThat(rejectionsOf(firmRow(TAX_EVASION.code(), "sourceId", "S".repeat(98), "legalRepresentative", "贺法人",
                "legalRepresentativeIdNumber", RowChecksTests.ADULT))).containsExactly(tuple("sourceId", "SOURCE_ID_TOO_LONG"));
    }

    @Test
    void aRowWithAnIdNumberIsAPersonsEvenWhenItGivesACode() {
        RowChecks.Result result = checks.check(firmRow(RowChecksTests.PENALTY.code(), "idNumber", RowChecksTests.ADULT, "name", "个体户甲"));

        assertThat(result.passed()).as(result.rejections().toString()).isTrue();
        assertThat(result.candidate().aboutFirm()).isFalse();
        assertThat(result.candidate().idNumber().value()).isEqualTo(RowChecksTests.ADULT);
    }
}
