package org.chengxin.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The columns of an item's upload template: the envelope, then the item's own fields. */
class TemplateColumnsTests {

    private static final Item PENALTY = new Item("YY-FD-901", "测试失信信息", "FOOD_DRUG", ItemKind.DISHONESTY, Severity.SERIOUS,
            DisclosureScope.PUBLIC, 12, 36, Set.of("scjg"), Set.of(), false, null, List.of(
                    new ItemField("facts", "违法事实", FieldType.STRING, true),
                    new ItemField("fineAmount", "罚款金额（元）", FieldType.DECIMAL, false)),
            ItemFixture.FOOD_SAFETY_LAW, "");

    @Test
    void startsWithTheEnvelopeThenTheItemsFieldsInOrder() {
        assertThat(TemplateColumns.of(PENALTY)).extracting(TemplateColumns.Column::name).containsExactly(
                "sourceId", "itemCode", "idNumber", "name", "decisionDate", "documentNumber", "repairNotice", "facts",
                "fineAmount");
    }

    @Test
    void headersReadLabelThenNameInParentheses() {
        assertThat(TemplateColumns.of(PENALTY)).extracting(TemplateColumns.Column::header).containsExactly(
                "来源编号(sourceId)", "信息项代码(itemCode)", "身份证号(idNumber)", "姓名(name)", "决定日期(decisionDate)",
                "文书号(documentNumber)", "信用修复告知书(repairNotice)", "违法事实(facts)", "罚款金额（元）(fineAmount)");
    }

    @Test
    void onlyDishonestyItemsOfferTheRepairNoticeColumnAndItIsOptional() {
        Item goodCredit = ItemFixture.ofKind(ItemKind.GOOD_CREDIT, 0, 36);

        assertThat(column(PENALTY, "repairNotice").required()).isFalse();
        assertThat(TemplateColumns.of(goodCredit)).extracting(TemplateColumns.Column::name).doesNotContain("repairNotice");
    }

    @Test
    void theDocumentNumberIsRequiredForDishonestyOnly() {
        Item goodCredit = ItemFixture.ofKind(ItemKind.GOOD_CREDIT, 0, 36);

        assertThat(column(PENALTY, "documentNumber").required()).isTrue();
        assertThat(column(goodCredit, "documentNumber").required()).isFalse();
        assertThat(TemplateColumns.of(goodCredit)).filteredOn(c -> !c.name().equals("documentNumber"))
                .allMatch(TemplateColumns.Column::required);
    }

    @Test
    void fieldColumnsCarryTheirRequirementAndTypeAsHint() {
        assertThat(TemplateColumns.of(PENALTY)).filteredOn(c -> c.name().equals("facts") || c.name().equals("fineAmount"))
                .extracting(TemplateColumns.Column::required, TemplateColumns.Column::hint)
                .containsExactly(tuple(true, "文本；记载事由"), tuple(false, "数值；记载金额"));
        assertThat(column(PENALTY, "itemCode").hint()).isEqualTo("YY-FD-901");
    }

    private static TemplateColumns.Column column(Item item, String name) {
        return TemplateColumns.of(item).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
