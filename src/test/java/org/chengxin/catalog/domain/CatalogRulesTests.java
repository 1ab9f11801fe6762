package org.chengxin.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a catalog version must hold for every item before it can be published. */
class CatalogRulesTests {

    private static final Set<String> DOMAINS = Set.of("FOOD_DRUG", "GENERAL");
    private static final Set<String> GROUPS = Set.of("ENTERPRISE_LEGAL_REP", "LICENSED_PHARMACIST");
    private static final String CODE_RULE = "信息项代码应为3至40位大写字母、数字或连字符";

    @Test
    void anItemKeepingEveryRuleHasNoProblems() {
        assertThat(problemsOf(ItemFixture.seriousDishonesty())).isEmpty();
        assertThat(problemsOf(ItemFixture.ofKind(ItemKind.GOOD_CREDIT, 0, 36))).isEmpty();
    }

    @Test
    void everyProblemNamesTheItem() {
        Item item = new Builder().domain("NOWHERE").departments(Set.of()).build();

        assertThat(problemsOf(item)).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("YY-FD-901："));
    }

    @Test
    void aMissingLegalBasisIsRefused() {
        String missing = "YY-FD-901：必须注明法律依据（法律法规名称及条款）";

        assertThat(problemsOf(new Builder().legalBasis(null).build())).containsExactly(missing);
        assertThat(problemsOf(new Builder().legalBasis(new LegalBasis(" ", "第一条")).build())).containsExactly(missing);
        assertThat(problemsOf(new Builder().legalBasis(new LegalBasis(null, "第一条")).build())).containsExactly(missing);
        assertThat(problemsOf(new Builder().legalBasis(new LegalBasis("《中华人民共和国食品安全法》", "")).build())).containsExactly(missing);
        assertThat(problemsOf(new Builder().legalBasis(new LegalBasis("《中华人民共和国食品安全法》", null)).build())).containsExactly(missing);
    }

    @Test
    void anUnknownDomainIsRefused() {
        assertThat(problemsOf(new Builder().domain("SPACE_TRAVEL").build())).containsExactly("YY-FD-901：所属领域不存在：SPACE_TRAVEL");
    }

    @Test
    void anUnknownGroupIsRefusedEvenBesideAKnownOne() {
        Item item = new Builder().groups(Set.of("ENTERPRISE_LEGAL_REP", "ASTRONAUT")).build();

        assertThat(problemsOf(item)).singleElement().asString().startsWith("YY-FD-901：重点人群不存在：").contains("ASTRONAUT");
        assertThat(problemsOf(new Builder().groups(GROUPS).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "YY", "yy-fd-001", "Yy-FD-001", "1YY-FD", "-YY-FD", "YY_FD_001", "YY FD 001", "YY-食品-001",
            "Y1234567890123456789012345678901234567890"})
    void badCodesAreRefused(String code) {
        assertThat(problemsOf(new Builder().code(code).build())).containsExactly(code + "：" + CODE_RULE);
    }

    @Test
    void aMissingCodeIsRefused() {
        assertThat(problemsOf(new Builder().code(null).build())).containsExactly("null：" + CODE_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"YYF", "YY-FD-001", "A12", "Y123456789012345678901234567890123456789"})
    void codesOfThreeToFortyCapitalsDigitsAndHyphensAreAccepted(String code) {
        assertThat(problemsOf(new Builder().code(code).build())).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aBlankNameIsRefused(String name) {
        assertThat(problemsOf(new Builder().name(name).build())).containsExactly("YY-FD-901：信息项名称不能为空");
    }

    @Test
    void kindAndScopeAreRequired() {
        assertThat(problemsOf(new Builder().kind(null).build())).containsExactly("YY-FD-901：必须标明信息类别和公开范围");
        assertThat(problemsOf(new Builder().scope(null).build())).containsExactly("YY-FD-901：必须标明信息类别和公开范围");
    }

    @Test
    void onlyDishonestyHasASeverity() {
        Item goodCreditWithSeverity = new Builder().kind(ItemKind.GOOD_CREDIT).severity(Severity.MINOR).minMonths(0).build();

        assertThat(problemsOf(goodCreditWithSeverity)).containsExactly("YY-FD-901：只有失信信息有严重程度");
    }

    @Test
    void theDisclosurePeriodRuleIsPartOfTheCatalogRules() {
        assertThat(problemsOf(new Builder().maxMonths(48).build()))
                .contains("YY-FD-901：公开期限不得超过36个月（本市上限3年）", "YY-FD-901：严重失信信息的公开期限应在12至36个月之间");
    }

    @Test
    void someDepartmentMustBeAllowedToPush() {
        assertThat(problemsOf(new Builder().departments(Set.of()).build())).containsExactly("YY-FD-901：必须指定可报送的部门");
    }

    @Test
    void duplicateFieldNamesAreRefused() {
        Item item = new Builder().fields(List.of(field("facts"), field("fineAmount"), field("facts"))).build();

        assertThat(problemsOf(item)).containsExactly("YY-FD-901：字段名重复或与通用字段冲突：facts");
    }

    @ParameterizedTest
    @MethodSource("envelopeNames")
    void aFieldMayNotTakeTheNameOfAnEnvelopeColumn(String envelopeName) {
        Item item = new Builder().fields(List.of(field("facts"), field(envelopeName))).build();

        assertThat(problemsOf(item)).containsExactly("YY-FD-901：字段名重复或与通用字段冲突：" + envelopeName);
    }

    static List<String> envelopeNames() {
        return List.of("sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber");
    }

    @Test
    void theEnvelopeIsTheTemplatesFirstSixColumns() {
        List<String> templateEnvelope = TemplateColumns.of(ItemFixture.seriousDishonesty()).stream()
                .map(TemplateColumns.Column::name).limit(6).toList();

        assertThat(CatalogRules.RecordEnvelope.NAMES).containsExactlyInAnyOrderElementsOf(templateEnvelope);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Facts", "fine_amount", "fine-amount", "1st", "罚款", "a12345678901234567890123456789012345678901"})
    void malformedFieldNamesAreRefused(String name) {
        Item item = new Builder().fields(List.of(field(name))).build();

        assertThat(problemsOf(item)).containsExactly("YY-FD-901：字段定义不正确：" + name);
    }

    @Test
    void aFieldNeedsAType() {
        Item item = new Builder().fields(List.of(new ItemField("facts", "违法事实", null, true))).build();

        assertThat(problemsOf(item)).containsExactly("YY-FD-901：字段定义不正确：facts");
    }

    @Test
    void reportsEveryProblemOfAnItemAtOnce() {
        Item item = new Builder().code("bad").name("").legalBasis(null).domain("NOWHERE").departments(Set.of())
                .fields(List.of(field("idNumber"))).build();

        assertThat(problemsOf(item)).hasSize(6);
    }

    private static List<String> problemsOf(Item item) {
        return CatalogRules.problemsOf(item, DOMAINS, GROUPS);
    }

    private static ItemField field(String name) {
        return new ItemField(name, "字段", FieldType.STRING, false);
    }

    /** The fixture's serious dishonesty item, one component changed at a time. */
    private static final class Builder {
        private String code = "YY-FD-901";
        private String name = "测试失信信息";
        private String domain = "FOOD_DRUG";
        private ItemKind kind = ItemKind.DISHONESTY;
        private Severity severity = Severity.SERIOUS;
        private DisclosureScope scope = DisclosureScope.PUBLIC;
        private int minMonths = 12;
        private int maxMonths = 36;
        private Set<String> departments = Set.of("scjg");
        private Set<String> groups = Set.of("ENTERPRISE_LEGAL_REP");
        private List<ItemField> fields = List.of(new ItemField("facts", "违法事实", FieldType.STRING, true));
        private LegalBasis legalBasis = ItemFixture.FOOD_SAFETY_LAW;

        Builder code(String v) { code = v; return this; }
        Builder name(String v) { name = v; return this; }
        Builder domain(String v) { domain = v; return this; }
        Builder kind(ItemKind v) { kind = v; return this; }
        Builder severity(Severity v) { severity = v; return this; }
        Builder scope(DisclosureScope v) { scope = v; return this; }
        Builder minMonths(int v) { minMonths = v; return this; }
        Builder maxMonths(int v) { maxMonths = v; return this; }
        Builder departments(Set<String> v) { departments = v; return this; }
        Builder groups(Set<String> v) { groups = v; return this; }
        Builder fields(List<ItemField> v) { fields = v; return this; }
        Builder legalBasis(LegalBasis v) { legalBasis = v; return this; }

        Item build() {
            return new Item(code, name, domain, kind, severity, scope, minMonths, maxMonths, departments, groups, false, null,
                    fields, legalBasis, "");
        }
    }
}
