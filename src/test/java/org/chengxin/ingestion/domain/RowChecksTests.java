package org.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.FieldType;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.LegalBasis;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.text.UnicodeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check of a pushed row, each with its stable code. All ID numbers here are made up. */
class RowChecksTests {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static final LegalBasis LAW = new LegalBasis("《中华人民共和国食品安全法》", "第一百二十三条");

    /** Serious dishonesty the market regulator (scjg) may push, with a field of every type. */
    static final Item PENALTY = new Item("YY-FD-901", "食品安全严重违法", "FOOD_DRUG", ItemKind.DISHONESTY, Severity.SERIOUS,
            DisclosureScope.PUBLIC, 12, 36, Set.of("scjg"), Set.of(), false, null, List.of(
                    new ItemField("facts", "违法事实", FieldType.STRING, true),
                    new ItemField("fineAmount", "罚款金额", FieldType.DECIMAL, false),
                    new ItemField("detentionDays", "拘留天数", FieldType.INTEGER, false),
                    new ItemField("hearingDate", "听证日期", FieldType.DATE, false),
                    new ItemField("licenseRevoked", "是否吊销许可证", FieldType.BOOLEAN, false),
                    new ItemField("licenseNumber", "许可证编号", FieldType.IDENTIFIER, false)),
            LAW, "");
    static final Item HONOUR = new Item("YY-GN-904", "诚信典型", "GENERAL", ItemKind.GOOD_CREDIT, null, DisclosureScope.PUBLIC,
            0, 36, Set.of("scjg"), Set.of(), false, null, List.of(new ItemField("honourTitle", "荣誉称号", FieldType.STRING, true)),
            LAW, "");
    static final Item EXAM_CHEATING = new Item("YY-ED-901", "考试作弊", "EDUCATION", ItemKind.DISHONESTY, Severity.GRAVE,
            DisclosureScope.AUTHORIZED, 6, 24, Set.of("jyj"), Set.of(), true, null, List.of(), LAW, "");
    static final Item ANY_GOVERNMENT = new Item("YY-GN-902", "一般行政处罚", "GENERAL", ItemKind.DISHONESTY, Severity.GENERAL,
            DisclosureScope.PUBLIC, 3, 12, Set.of(Item.ALL_GOVERNMENT), Set.of(), false, null, List.of(), LAW, "");

    static final Map<String, Item> CATALOG = Map.of(PENALTY.code(), PENALTY, HONOUR.code(), HONOUR,
            EXAM_CHEATING.code(), EXAM_CHEATING, ANY_GOVERNMENT.code(), ANY_GOVERNMENT);

    static final RowChecks.Pusher MARKET_REGULATOR = new RowChecks.Pusher(DepartmentCode.of("scjg"), true);
    static final RowChecks.Pusher EDUCATION_BUREAU = new RowChecks.Pusher(DepartmentCode.of("jyj"), true);

    /** Born 1990-01-01 in Yueyanglou district. */
    static final String ADULT = valid("43060219900101123");

    private final RowChecks checks = checksFor(MARKET_REGULATOR);

    static String valid(String first17) {
        return first17 + IdNumber.checkCharacterOf(first17);
    }

    static RowChecks checksFor(RowChecks.Pusher pusher) {
        return new RowChecks(CATALOG::get, pusher, TODAY);
    }

    // ---- a row that passes

    @Test
    void aValidRowBecomesACandidate() {
        RowChecks.Result result = checks.check(row("fineAmount", "5000.50", "detentionDays", "10", "hearingDate", "2026-11-01",
                "licenseRevoked", "是"));

        assertThat(result.passed()).isTrue();
        assertThat(result.rejections()).isEmpty();
        Candidate c = result.candidate();
        assertThat(c.rowNo()).isEqualTo(7);
        assertThat(c.idNumber().value()).isEqualTo(ADULT);
        assertThat(c.name()).isEqualTo("张三");
        assertThat(c.item()).isSameAs(PENALTY);
        assertThat(c.sourceId()).isEqualTo("SCJG-2026-0001");
        assertThat(c.decisionDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(c.documentNumber()).isEqualTo("岳市监罚〔2026〕12号");
        assertThat(c.content()).containsExactly(Map.entry("facts", "销售超过保质期的食品"), Map.entry("fineAmount", "5000.50"),
                Map.entry("detentionDays", "10"), Map.entry("hearingDate", "2026-11-01"), Map.entry("licenseRevoked", "是"));
    }

    @Test
    void valuesAreStrippedAndDecisionDatesReadInAnyAcceptedFormat() {
        Candidate c = passed(row("sourceId", "  SCJG-2026-0001 ", "name", " 张三\u3000", "decisionDate", "2026年11月20日",
                "facts", "\t销售超过保质期的食品 "));

        assertThat(c.sourceId()).isEqualTo("SCJG-2026-0001");
        assertThat(c.name()).isEqualTo("张三");
        assertThat(c.decisionDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(c.content()).containsEntry("facts", "销售超过保质期的食品");
    }

    @Test
    void aNumberOfAnUnknownCountyIsOnlyAWarning() {
        Candidate c = passed(row("idNumber", valid("43069919900101123")));

        assertThat(c.idNumber().regionCode()).isEqualTo("430699");
    }

    @Test
    void aGoodCreditItemNeedsNoDocumentNumber() {
        Candidate c = passed(row("itemCode", HONOUR.code(), "documentNumber", null, "facts", null, "honourTitle", "岳阳好人"));

        assertThat(c.documentNumber()).isNull();
        assertThat(c.content()).containsExactly(Map.entry("honourTitle", "岳阳好人"));
    }

    @Test
    void aRepairNoticeServedWithTheDecisionIsReadAsYesOrNo() {
        assertThat(passed(row()).repairNotice()).isFalse();
        assertThat(passed(row("repairNotice", "是")).repairNotice()).isTrue();
        assertThat(passed(row("repairNotice", "true")).repairNotice()).isTrue();
        assertThat(passed(row("repairNotice", " Y ")).repairNotice()).isTrue();
        assertThat(passed(row("repairNotice", "否")).repairNotice()).isFalse();
        assertThat(passed(row("repairNotice", "0")).repairNotice()).isFalse();
        assertThat(codesOf(row("repairNotice", "已送达"))).containsExactly("REPAIR_NOTICE_INVALID");
    }

    @Test
    void onlyADishonestyRecordCarriesARepairNotice() {
        assertThat(codesOf(row("itemCode", HONOUR.code(), "documentNumber", null, "facts", null, "honourTitle", "岳阳好人",
                "repairNotice", "是"))).containsExactly("REPAIR_NOTICE_NOT_APPLICABLE");
        assertThat(passed(row("itemCode", HONOUR.code(), "documentNumber", null, "facts", null, "honourTitle", "岳阳好人",
                "repairNotice", "否")).repairNotice()).isFalse();
    }

    // ---- what a reader marks on a row

    @Test
    void aRecordThatIsNotAnObjectIsRejectedAlone() {
        RawRow row = new RawRow(3, Map.of(RawRow.NOT_AN_OBJECT, "true"));

        assertThat(rejectionsOf(row)).containsExactly(tuple(3L, null, "ROW_NOT_AN_OBJECT"));
    }

    @Test
    void aLineWithTheWrongNumberOfCellsIsRejectedAloneWhateverElseItHolds() {
        assertThat(rejectionsOf(row(RawRow.COLUMN_COUNT_MISMATCH, "5", "sourceId", null, "idNumber", "12345")))
                .containsExactly(tuple(7L, null, "ROW_WRONG_COLUMN_COUNT"));
    }

    @Test
    void aDoublePublicityRowWithNeitherAnIdNumberNorACreditCodeNamesNobody() {
        assertThat(rejectionsOf(row(RawRow.DOUBLE_PUBLICITY, "CF", "idNumber", null)))
                .containsExactly(tuple(7L, "idNumber", "SUBJECT_CODE_MISSING"));
    }

    @Test
    void aDoublePublicityRowOfAPersonIsCheckedAsAnyOther() {
        assertThat(checks.check(row(RawRow.DOUBLE_PUBLICITY, "CF")).passed()).isTrue();
        assertThat(codesOf(row(RawRow.DOUBLE_PUBLICITY, "XK", "name", null))).containsExactly("NAME_MISSING");
    }

    // ---- the envelope

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingSourceIdIsRejected(String sourceId) {
        assertThat(rejectionsOf(row("sourceId", sourceId))).containsExactly(tuple(7L, "sourceId", "SOURCE_ID_MISSING"));
        assertThat(rejectionsOf(row("sourceId", null))).containsExactly(tuple(7L, "sourceId", "SOURCE_ID_MISSING"));
    }

    @Test
    void aSourceIdMayHoldAHundredCharactersAndNoMore() {
        assertThat(checks.check(row("sourceId", "S".repeat(RowChecks.MAX_SOURCE_ID))).passed()).isTrue();
        assertThat(rejectionsOf(row("sourceId", "S".repeat(RowChecks.MAX_SOURCE_ID + 1))))
                .containsExactly(tuple(7L, "sourceId", "SOURCE_ID_TOO_LONG"));
    }

    @Test
    void aMissingItemCodeIsRejected() {
        assertThat(rejectionsOf(row("itemCode", " "))).containsExactly(tuple(7L, "itemCode", "ITEM_CODE_MISSING"));
    }

    @Test
    void anItemOutsideTheCatalogIsRejected() {
        RowChecks.Result result = checks.check(row("itemCode", "YY-XX-999"));

        assertThat(result.rejections()).extracting(Rejection::field, Rejection::code).containsExactly(tuple("itemCode", "ITEM_UNKNOWN"));
        assertThat(result.rejections().get(0).message()).endsWith("YY-XX-999");
    }

    @Test
    void aDepartmentMayPushOnlyItsOwnItems() {
        RowChecks taxBureau = checksFor(new RowChecks.Pusher(DepartmentCode.of("swj"), true));

        // the item's own field checks are not run for an item the department may not push
        assertThat(taxBureau.check(row("facts", null)).rejections()).extracting(Rejection::code)
                .containsExactly("ITEM_NOT_ALLOWED_FOR_DEPARTMENT");
        assertThat(checksFor(EDUCATION_BUREAU).check(row()).rejections()).extracting(Rejection::code)
                .containsExactly("ITEM_NOT_ALLOWED_FOR_DEPARTMENT");
    }

    @Test
    void anItemOpenToAllGovernmentIsOpenOnlyToGovernment() {
        RawRow row = row("itemCode", ANY_GOVERNMENT.code(), "facts", null);

        assertThat(checksFor(new RowChecks.Pusher(DepartmentCode.of("swj"), true)).check(row).passed()).isTrue();
        assertThat(checksFor(new RowChecks.Pusher(DepartmentCode.of("lsxh"), false)).check(row).rejections()).extracting(Rejection::code)
                .containsExactly("ITEM_NOT_ALLOWED_FOR_DEPARTMENT");
    }

    @Test
    void aListedAssociationMayPushItsItemThoughNotGovernment() {
        RowChecks association = checksFor(new RowChecks.Pusher(DepartmentCode.of("scjg"), false));

        assertThat(association.check(row()).passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIdNumbers")
    void eachIdNumberFaultIsRejectedWithItsOwnCode(String code, String idNumber) {
        RowChecks.Result result = checks.check(row("idNumber", idNumber));

        assertThat(result.passed()).isFalse();
        assertThat(result.rejections()).extracting(Rejection::field, Rejection::code).containsExactly(tuple("idNumber", code));
    }

    static Stream<Arguments> badIdNumbers() {
        String body = "43060219900101123";
        char wrongCheck = IdNumber.checkCharacterOf(body) == '0' ? '1' : '0';
        return Stream.of(
                Arguments.of("ID_EMPTY", "\u3000 "),
                Arguments.of("ID_WRONG_LENGTH", body.substring(0, 16)),
                Arguments.of("ID_BAD_CHARACTERS", body + "Y"),
                Arguments.of("ID_BAD_CHECK_CHARACTER", body + wrongCheck),
                Arguments.of("ID_IMPOSSIBLE_DATE", valid("43060219900230123")),
                Arguments.of("ID_BIRTH_DATE_IN_FUTURE", valid("43060220261129123")),
                Arguments.of("ID_BIRTH_DATE_TOO_EARLY", valid("43060218991231123")),
                Arguments.of("ID_UNKNOWN_REGION", valid("99060219900101123")));
    }

    @Test
    void aMissingNameIsRejected() {
        assertThat(rejectionsOf(row("name", null))).containsExactly(tuple(7L, "name", "NAME_MISSING"));
    }

    @Test
    void aNameMayHoldFiftyCharactersAndNoMore() {
        assertThat(checks.check(row("name", "阿".repeat(50))).passed()).isTrue();
        assertThat(rejectionsOf(row("name", "阿".repeat(51)))).containsExactly(tuple(7L, "name", "NAME_TOO_LONG"));
    }

    @Test
    void aMissingDecisionDateIsRejected() {
        assertThat(rejectionsOf(row("decisionDate", ""))).containsExactly(tuple(7L, "decisionDate", "DECISION_DATE_MISSING"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026/13/01", "昨天", "28/11/2026", "1899-12-31", "0001-01-01"})
    void anUnreadableOrAncientDecisionDateIsInvalid(String date) {
        assertThat(rejectionsOf(row("decisionDate", date))).containsExactly(tuple(7L, "decisionDate", "DATE_INVALID"));
    }

    @Test
    void aDecisionMayBeDatedTodayButNotTomorrow() {
        assertThat(checks.check(row("decisionDate", "2026-11-28")).passed()).isTrue();
        assertThat(rejectionsOf(row("decisionDate", "2026-11-29")))
                .containsExactly(tuple(7L, "decisionDate", "DECISION_DATE_IN_FUTURE"));
    }

    @Test
    void dishonestyNeedsItsDocumentNumber() {
        assertThat(rejectionsOf(row("documentNumber", null))).containsExactly(tuple(7L, "documentNumber", "DOCUMENT_NUMBER_MISSING"));
    }

    @Test
    void aDocumentNumberMayHoldAHundredCharactersAndNoMore() {
        assertThat(checks.check(row("documentNumber", "文".repeat(100))).passed()).isTrue();
        assertThat(rejectionsOf(row("documentNumber", "文".repeat(101))))
                .containsExactly(tuple(7L, "documentNumber", "DOCUMENT_NUMBER_TOO_LONG"));
        assertThat(rejectionsOf(row("itemCode", HONOUR.code(), "honourTitle", "岳阳好人", "documentNumber", "文".repeat(101))))
                .containsExactly(tuple(7L, "documentNumber", "DOCUMENT_NUMBER_TOO_LONG"));
    }

    // ---- the item's own fields

    @Test
    void aRequiredFieldMustBeFilled() {
        assertThat(rejectionsOf(row("facts", null))).containsExactly(tuple(7L, "facts", "FIELD_REQUIRED"));
        assertThat(rejectionsOf(row("facts", "  "))).containsExactly(tuple(7L, "facts", "FIELD_REQUIRED"));
    }

    @Test
    void anOptionalFieldMayBeLeftOut() {
        assertThat(passed(row()).content()).containsOnlyKeys("facts");
    }

    @Test
    void aFieldMayHoldTwoThousandCharactersAndNoMore() {
        assertThat(passed(row("facts", "事".repeat(RowChecks.MAX_TEXT))).content().get("facts")).hasSize(RowChecks.MAX_TEXT);
        assertThat(rejectionsOf(row("facts", "事".repeat(RowChecks.MAX_TEXT + 1))))
                .containsExactly(tuple(7L, "facts", "FIELD_TOO_LONG"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"fineAmount, 五千元", "fineAmount, 5000元", "detentionDays, 3.5", "detentionDays, 十", "hearingDate, 明天",
            "hearingDate, 2026-02-30", "licenseRevoked, 吊销", "licenseRevoked, 1"})
    void aFieldValueOfTheWrongTypeIsRejected(String field, String value) {
        assertThat(rejectionsOf(row(field, value))).containsExactly(tuple(7L, field, "FIELD_INVALID_TYPE"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"2026/11/01", "20261101", "2026年11月1日", "2026-11-01 09:30:00"})
    void aDateFieldIsReadInTheFormatsSpreadsheetsWriteAndKeptAsIsoDate(String value) {
        assertThat(passed(row("hearingDate", value)).content()).containsEntry("hearingDate", "2026-11-01");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"fineAmount, 5000", "fineAmount, -0.5", "detentionDays, 15", "hearingDate, 2024-02-29", "licenseRevoked, TRUE",
            "licenseRevoked, 否"})
    void aFieldValueOfTheRightTypeIsKeptAsText(String field, String value) {
        assertThat(passed(row(field, value)).content()).containsEntry(field, value);
    }

    @Test
    void contentKeepsOnlyTheItemsOwnFields() {
        Candidate c = passed(row("remark", "备注", "honourTitle", "岳阳好人", "authority", "岳阳市市场监督管理局"));

        assertThat(c.content()).containsOnlyKeys("facts");
    }

    @Test
    void anIdNumberTypedIntoAFreeTextFieldIsMasked() {
        String other = valid("43060619850505456");
        Candidate c = passed(row("facts", "当事人" + other + "拒不整改"));

        assertThat(c.content().get("facts").contains(other)).as("the full number is kept in content").isFalse();
        assertThat(c.content().get("facts")).isEqualTo("当事人" + Masking.idNumber(other) + "拒不整改");
    }

    // ---- the item's period and age limits

    @Test
    void aDecisionOlderThanTheLongestDisclosurePeriodIsNotCollected() {
        // 36 months after 2023-11-28 is today: the record would already have expired
        assertThat(rejectionsOf(row("decisionDate", "2023-11-28")))
                .containsExactly(tuple(7L, "decisionDate", "PAST_DISCLOSURE_PERIOD"));
        assertThat(checks.check(row("decisionDate", "2023-11-29")).passed()).isTrue();
    }

    @Test
    void anAdultsOnlyItemRefusesASubjectUnderEighteenOnTheDecisionDate() {
        RowChecks education = checksFor(EDUCATION_BUREAU);
        String bornNovember2008 = valid("43060220081121123");

        RawRow decidedOnTheEveOfTheBirthday = row("itemCode", EXAM_CHEATING.code(), "idNumber", bornNovember2008,
                "decisionDate", "2026-11-20");
        assertThat(education.check(decidedOnTheEveOfTheBirthday).rejections()).extracting(Rejection::field, Rejection::code)
                .containsExactly(tuple("idNumber", "SUBJECT_UNDER_18"));
        RawRow decidedOnTheBirthday = row("itemCode", EXAM_CHEATING.code(), "idNumber", bornNovember2008,
                "decisionDate", "2026-11-21");
        assertThat(education.check(decidedOnTheBirthday).rejections()).as("满18周岁 from the day after the birthday")
                .extracting(Rejection::code).containsExactly("SUBJECT_UNDER_18");
        RawRow decidedTheDayAfterTheBirthday = row("itemCode", EXAM_CHEATING.code(), "idNumber", bornNovember2008,
                "decisionDate", "2026-11-22");
        assertThat(education.check(decidedTheDayAfterTheBirthday).passed()).isTrue();
    }

    @Test
    void otherItemsApplyToMinorsToo() {
        assertThat(checks.check(row("idNumber", valid("43060220100601123"))).passed()).isTrue();
    }

    // ---- several faults at once

    @Test
    void reportsEveryFaultOfARowAtOnce() {
        String body = "43060219900101123";
        String wrongCheck = body + (IdNumber.checkCharacterOf(body) == '0' ? '1' : '0');

        RowChecks.Result result = checks.check(row("sourceId", null, "idNumber", wrongCheck, "name", null,
                "decisionDate", "2026-12-01", "documentNumber", null, "facts", null, "fineAmount", "很多"));

        assertThat(result.passed()).isFalse();
        assertThat(result.candidate()).isNull();
        assertThat(result.rejections()).allSatisfy(r -> assertThat(r.rowNo()).isEqualTo(7L))
                .extracting(Rejection::field, Rejection::code).containsExactlyInAnyOrder(
                        tuple("sourceId", "SOURCE_ID_MISSING"),
                        tuple("idNumber", "ID_BAD_CHECK_CHARACTER"),
                        tuple("name", "NAME_MISSING"),
                        tuple("decisionDate", "DECISION_DATE_IN_FUTURE"),
                        tuple("documentNumber", "DOCUMENT_NUMBER_MISSING"),
                        tuple("facts", "FIELD_REQUIRED"),
                        tuple("fineAmount", "FIELD_INVALID_TYPE"));
    }

    @Test
    void everyRejectionCarriesAChineseMessageWithoutTheIdNumber() {
        String body = "43060219900101123";
        String wrongCheck = body + (IdNumber.checkCharacterOf(body) == '0' ? '1' : '0');

        List<Rejection> rejections = checks.check(row("idNumber", wrongCheck, "sourceId", null, "facts", null)).rejections();

        assertThat(rejections).hasSize(3).allSatisfy(r -> {
            assertThat(r.message()).isNotBlank();
            assertThat(r.message().contains(wrongCheck)).as("the message holds the full number").isFalse();
        });
    }

    // ---- identifiers are text or nothing

    @Test
    void anIdNumberTheFileHeldAsANumberIsRefusedNeverConverted() {
        RawRow row = new RawRow(7, row().values(), Set.of("idNumber"));

        assertThat(rejectionsOf(row)).containsExactly(tuple(7L, "idNumber", "ID_CELL_NOT_TEXT"));
        assertThat(checks.check(row).rejections().get(0).message()).contains("15 位有效数字").contains("文本");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.30602E+17", "4.30602198507150E+17", "4,30602E+17", "430602E17"})
    void anIdNumberInScientificNotationIsRefusedWithTheSameCode(String exported) {
        assertThat(rejectionsOf(row("idNumber", exported))).containsExactly(tuple(7L, "idNumber", "ID_CELL_NOT_TEXT"));
    }

    @Test
    void otherIdentifiersHeldAsNumbersOrInScientificNotationAreRefusedByName() {
        RawRow numbers = new RawRow(7, row("licenseNumber", "430602198507150000").values(),
                Set.of("sourceId", "documentNumber", "licenseNumber", "fineAmount"));

        assertThat(rejectionsOf(numbers)).containsExactlyInAnyOrder(tuple(7L, "sourceId", "IDENTIFIER_CELL_NOT_TEXT"),
                tuple(7L, "documentNumber", "IDENTIFIER_CELL_NOT_TEXT"), tuple(7L, "licenseNumber", "IDENTIFIER_CELL_NOT_TEXT"));
        assertThat(rejectionsOf(row("sourceId", "1.23E+17"))).containsExactly(tuple(7L, "sourceId", "IDENTIFIER_CELL_NOT_TEXT"));
    }

    @Test
    void anAmountHeldAsANumberIsStillAnAmount() {
        Candidate c = passed(new RawRow(7, row("fineAmount", "5000").values(), Set.of("fineAmount", "decisionDate")));

        assertThat(c.content()).containsEntry("fineAmount", "5000");
    }

    @Test
    void invisibleCharactersAroundIdentifiersAreRemovedAndFullWidthDigitsNormalised() {
        String fullWidth = ADULT.chars().mapToObj(ch -> String.valueOf((char) (ch + 0xFEE0))).reduce("", String::concat);
        Candidate c = passed(row("idNumber", "\uFEFF\u200B" + fullWidth + "\u00A0", "sourceId", "\u200BSCJG-2026-0001\uFEFF",
                "documentNumber", "\u00A0岳市监罚〔2026〕12号\u200B", "name", "\uFEFF张三\u00A0", "licenseNumber", "\u2060XK-0001\u202F"));

        assertThat(c.idNumber().value()).isEqualTo(ADULT);
        assertThat(c.sourceId()).isEqualTo("SCJG-2026-0001");
        assertThat(c.documentNumber()).isEqualTo("岳市监罚〔2026〕12号");
        assertThat(c.name()).isEqualTo("张三");
        assertThat(c.content()).containsEntry("licenseNumber", "XK-0001");
    }

    @Test
    void anIdentifierWithAnInvisibleCharacterInsideIsRefusedNeverMatchedToSomeoneElse() {
        assertThat(rejectionsOf(row("idNumber", ADULT.substring(0, 6) + "\u200B" + ADULT.substring(6))))
                .containsExactly(tuple(7L, "idNumber", "ID_INVISIBLE_CHARACTER"));
        assertThat(rejectionsOf(row("sourceId", "SCJG\u200B-1", "documentNumber", "岳市监罚\u00A0〔2026〕12号", "licenseNumber", "XK\uFEFF1")))
                .containsExactlyInAnyOrder(tuple(7L, "sourceId", "IDENTIFIER_INVISIBLE_CHARACTER"),
                        tuple(7L, "documentNumber", "IDENTIFIER_INVISIBLE_CHARACTER"),
                        tuple(7L, "licenseNumber", "IDENTIFIER_INVISIBLE_CHARACTER"));
        assertThat(rejectionsOf(row("name", "张\u200B三"))).containsExactly(tuple(7L, "name", "NAME_INVISIBLE_CHARACTER"));
    }

    // ---- no field holds a control character, a lone surrogate or a non-character

    static Stream<Arguments> controlCharactersInEveryField() {
        List<String> fields = List.of("sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber", "facts",
                "fineAmount", "licenseNumber", "anUnusedColumn");
        List<Integer> controls = new ArrayList<>();
        for (int c = 0; c <= 0x1F; c++) {
            controls.add(c);
        }
        controls.addAll(List.of(0x7F, 0x80, 0x85, 0x9F));
        return fields.stream().flatMap(f -> controls.stream().map(c -> Arguments.of(f, c)));
    }

    @ParameterizedTest(name = "{0} U+{1}")
    @MethodSource("controlCharactersInEveryField")
    void aControlCharacterInsideAnyFieldRejectsTheRowNamingTheField(String field, int control) {
        String value = row().values().getOrDefault(field, Map.of("fineAmount", "5000", "licenseNumber", "XK-0001",
                "anUnusedColumn", "备注说明").get(field));
        String dirty = value.substring(0, 1) + (char) control + value.substring(1);
        RowChecks.Result result = checks.check(row(field, dirty));

        boolean freeText = field.equals("facts") || field.equals("anUnusedColumn");
        if (freeText && (control == '\t' || control == '\n' || control == '\r')) {
            assertThat(result.passed()).as(result.rejections().toString()).isTrue();
        } else {
            assertThat(result.rejections()).extracting(Rejection::field, Rejection::code)
                    .containsExactly(tuple(field, "FIELD_CONTROL_CHARACTER"));
            assertThat(result.rejections().get(0).message()).contains(String.format("U+%04X", control)).doesNotContain("\u0000");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber", "facts", "licenseNumber"})
    void aLoneSurrogateOrANonCharacterInAnyFieldRejectsTheRowNamingTheField(String field) {
        for (String bad : new String[] {"\uD842", "\uDFB7", "\uFFFF", "\uFDD1"}) {
            String value = row().values().getOrDefault(field, "XK-1");
            assertThat(rejectionsOf(row(field, value + bad))).as(field).containsExactly(tuple(7L, field, "FIELD_INVALID_CHARACTER"));
        }
    }

    @Test
    void unfitTextDoesNotHideTheRowsOtherFaults() {
        // issue 19 item 5: a rejected row reports every fault it has, not only its first
        String body = "43060219900101123";
        String wrongCheck = body + (IdNumber.checkCharacterOf(body) == '0' ? '1' : '0');

        assertThat(rejectionsOf(row("name", "张\u0007三", "idNumber", wrongCheck, "fineAmount", "很多", "documentNumber", null)))
                .containsExactlyInAnyOrder(
                        tuple(7L, "name", "FIELD_CONTROL_CHARACTER"),
                        tuple(7L, "idNumber", "ID_BAD_CHECK_CHARACTER"),
                        tuple(7L, "fineAmount", "FIELD_INVALID_TYPE"),
                        tuple(7L, "documentNumber", "DOCUMENT_NUMBER_MISSING"));
    }

    @Test
    void aFieldWithUnfitTextIsReportedOnceNotAlsoAsMissing() {
        assertThat(rejectionsOf(row("sourceId", "SCJG\uFFFF-1", "facts", "事实\u0000")))
                .containsExactlyInAnyOrder(
                        tuple(7L, "sourceId", "FIELD_INVALID_CHARACTER"),
                        tuple(7L, "facts", "FIELD_CONTROL_CHARACTER"));
    }

    @Test
    void aRowWithAColumnNameInAnotherEncodingIsJudgedNoFurther() {
        Map<String, String> values = new HashMap<>(row("name", null).values());
        values.put("姓" + UnicodeText.UNDECODABLE, "张三");

        assertThat(rejectionsOf(new RawRow(7, values))).containsExactly(tuple(7L, null, RowChecks.BAD_ENCODING));
    }

    @Test
    void bytesTheDecoderCouldNotReadRejectTheRowAsBadEncoding() {
        assertThat(rejectionsOf(row("name", "张" + UnicodeText.UNDECODABLE + "三")))
                .containsExactly(tuple(7L, "name", RowChecks.BAD_ENCODING));
    }

    @Test
    void aControlCharacterInAColumnNameIsRefusedWithoutEchoingIt() {
        Map<String, String> values = new HashMap<>(row().values());
        values.put("bad\u0000column", "x");

        assertThat(rejectionsOf(new RawRow(7, values))).containsExactly(tuple(7L, null, "COLUMN_NAME_INVALID_CHARACTER"));
    }

    // ---- lengths are counted in characters

    @Test
    void lengthLimitsCountCharactersNotUtf16Units() {
        String ji = "𠮷";
        assertThat(passed(row("name", ji.repeat(RowChecks.MAX_NAME))).name()).isEqualTo(ji.repeat(RowChecks.MAX_NAME));
        assertThat(codesOf(row("name", ji.repeat(RowChecks.MAX_NAME + 1)))).containsExactly("NAME_TOO_LONG");
        assertThat(passed(row("sourceId", ji.repeat(RowChecks.MAX_SOURCE_ID))).sourceId()).hasSize(2 * RowChecks.MAX_SOURCE_ID);
        assertThat(codesOf(row("sourceId", ji.repeat(RowChecks.MAX_SOURCE_ID + 1)))).containsExactly("SOURCE_ID_TOO_LONG");
        assertThat(passed(row("facts", ji.repeat(RowChecks.MAX_TEXT))).content().get("facts")).hasSize(2 * RowChecks.MAX_TEXT);
        assertThat(codesOf(row("facts", ji.repeat(RowChecks.MAX_TEXT + 1)))).containsExactly("FIELD_TOO_LONG");
    }

    // ---- helpers

    /** A valid row of the market regulator's serious item, changed by name/value pairs (a null value removes the column). */
    private static RawRow row(String... changes) {
        Map<String, String> values = new HashMap<>(Map.of("sourceId", "SCJG-2026-0001", "itemCode", PENALTY.code(),
                "idNumber", ADULT, "name", "张三", "decisionDate", "2026-11-20", "documentNumber", "岳市监罚〔2026〕12号",
                "facts", "销售超过保质期的食品"));
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                values.remove(changes[i]);
            } else {
                values.put(changes[i], changes[i + 1]);
            }
        }
        return new RawRow(7, values);
    }

    private List<Tuple> rejectionsOf(RawRow row) {
        RowChecks.Result result = checks.check(row);
        assertThat(result.candidate()).isNull();
        return result.rejections().stream().map(r -> tuple(r.rowNo(), r.field(), r.code())).toList();
    }

    private List<String> codesOf(RawRow row) {
        return checks.check(row).rejections().stream().map(Rejection::code).toList();
    }

    private Candidate passed(RawRow row) {
        RowChecks.Result result = checks.check(row);
        assertThat(result.rejections()).isEmpty();
        return result.candidate();
    }
}
