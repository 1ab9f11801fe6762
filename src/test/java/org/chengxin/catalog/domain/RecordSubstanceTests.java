package org.chengxin.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What a record says, labelled in Chinese, the decision's substance first. */
class RecordSubstanceTests {

    private static final Item PENALTY = new Item("YY-GN-902", "行政处罚信息（一般）", "GENERAL", ItemKind.DISHONESTY, Severity.GENERAL,
            DisclosureScope.PUBLIC, 3, 12, Set.of("scjg"), Set.of(), false, null, List.of(
                    new ItemField("penaltyType", "处罚类别", FieldType.STRING, false, FieldRole.KIND),
                    new ItemField("remark", "备注", FieldType.STRING, false, FieldRole.OTHER),
                    new ItemField("facts", "违法事实", FieldType.STRING, true, FieldRole.FACTS),
                    new ItemField("penaltyResult", "处罚结果", FieldType.STRING, false, FieldRole.RESULT),
                    new ItemField("fineAmount", "罚款金额（元）", FieldType.DECIMAL, false, FieldRole.AMOUNT),
                    new ItemField("authority", "处罚机关", FieldType.STRING, false, FieldRole.AUTHORITY),
                    new ItemField("basis", "处罚依据", FieldType.STRING, false, FieldRole.DECISION_BASIS),
                    new ItemField("licenseRevoked", "是否吊销", FieldType.BOOLEAN, false, FieldRole.OTHER)),
            new LegalBasis("《中华人民共和国行政处罚法》", "第四十八条"), "");

    private static Map<String, Object> content() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("penaltyType", "罚款");
        c.put("remark", "");
        c.put("facts", "销售超过保质期的食品");
        c.put("penaltyResult", "罚款人民币五千元");
        c.put("fineAmount", "5000");
        c.put("authority", "岳阳市市场监督管理局");
        c.put("basis", "《中华人民共和国食品安全法》第一百二十四条");
        c.put("licenseRevoked", "false");
        return c;
    }

    @Test
    void theDecisionsSubstanceComesFirstEachLineUnderItsCatalogLabel() {
        RecordSubstance s = RecordSubstance.of(PENALTY, content());

        assertThat(s.texts()).containsExactly("违法事实：销售超过保质期的食品", "处罚依据：《中华人民共和国食品安全法》第一百二十四条",
                "处罚类别：罚款", "处罚结果：罚款人民币五千元", "罚款金额（元）：5000", "处罚机关：岳阳市市场监督管理局", "是否吊销：否");
        assertThat(s.facts()).isEqualTo("销售超过保质期的食品");
        assertThat(s.decisionBasis()).isEqualTo("《中华人民共和国食品安全法》第一百二十四条");
        assertThat(s.kind()).isEqualTo("罚款");
        assertThat(s.result()).isEqualTo("罚款人民币五千元");
        assertThat(s.amount()).isEqualTo("罚款金额（元）：5000");
        assertThat(s.authority()).isEqualTo("岳阳市市场监督管理局");
        assertThat(s.others()).extracting(RecordSubstance.Line::label).containsExactly("是否吊销");
        assertThat(s.summary()).startsWith("违法事实：销售超过保质期的食品；处罚依据：").doesNotContain("{").doesNotContain("=");
    }

    @Test
    void theReportsBasisIsTheDecisionsOwnElseTheItemsBasisForCollectingIt() {
        Map<String, Object> withoutBasis = content();
        withoutBasis.remove("basis");

        assertThat(RecordSubstance.of(PENALTY, content()).basisOr(PENALTY.legalBasis()))
                .isEqualTo("《中华人民共和国食品安全法》第一百二十四条");
        assertThat(RecordSubstance.of(PENALTY, withoutBasis).basisOr(PENALTY.legalBasis()))
                .isEqualTo("《中华人民共和国行政处罚法》第四十八条");
    }

    @Test
    void fieldsOfAnOlderCatalogVersionTakeTheRoleOfTheirWellKnownName() {
        ItemField old = new ItemField("penaltyResult", "处罚结果", FieldType.STRING, false);

        assertThat(old.role()).isNull();
        assertThat(old.effectiveRole()).isEqualTo(FieldRole.RESULT);
        assertThat(FieldRole.byName("honourLevel")).isEqualTo(FieldRole.OTHER);
        assertThat(FieldRole.byName("authority")).isEqualTo(FieldRole.AUTHORITY);
    }

    @Test
    void withoutItsItemARecordStillReadsAsLabelledLinesNeverAsAMap() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("honourLevel", "市级");
        c.put("remark", "无");
        c.put("facts", "事实");

        RecordSubstance s = RecordSubstance.of(null, c);

        assertThat(s.texts()).containsExactly("facts：事实", "honourLevel：市级", "备注：无");
        assertThat(s.facts()).isEqualTo("事实");
    }

    @Test
    void fieldsTheCatalogDoesNotNameComeLastAndBlankOnesAreLeftOut() {
        Map<String, Object> c = content();
        c.put("regionCode", "430600");
        c.put("facts", "  ");

        RecordSubstance s = RecordSubstance.of(PENALTY, c);

        assertThat(s.facts()).isNull();
        assertThat(s.lines().get(s.lines().size() - 1).text()).isEqualTo("地方编码：430600");
        assertThat(RecordSubstance.of(PENALTY, Map.of()).isEmpty()).isTrue();
        assertThat(RecordSubstance.of(PENALTY, Map.of()).summary()).isEmpty();
    }

    @Test
    void valuesReadAsPeopleWriteThem() {
        assertThat(RecordSubstance.text(Boolean.TRUE, null)).isEqualTo("是");
        assertThat(RecordSubstance.text(5000.0, null)).isEqualTo("5000");
        assertThat(RecordSubstance.text("true", FieldType.BOOLEAN)).isEqualTo("是");
        assertThat(RecordSubstance.text("是", FieldType.BOOLEAN)).isEqualTo("是");
        assertThat(FieldRole.parse("事由")).isEqualTo(FieldRole.FACTS);
        assertThat(FieldRole.parse("decision_basis")).isEqualTo(FieldRole.DECISION_BASIS);
        assertThat(FieldRole.parse("？")).isNull();
    }

    @Test
    void theNationalStatusCodesReadAsWords() {
        assertThat(RecordSubstance.coded("currentStatus", "0")).isEqualTo("正常");
        assertThat(RecordSubstance.coded("currentStatus", "1")).isEqualTo("撤销");
        assertThat(RecordSubstance.coded("currentStatus", "2")).isEqualTo("异议");
        assertThat(RecordSubstance.coded("currentStatus", "正常")).isEqualTo("正常");
        assertThat(RecordSubstance.coded("fineAmount", "1")).as("only the status field").isEqualTo("1");
        assertThat(RecordSubstance.of(null, Map.of("currentStatus", "0")).texts()).containsExactly("当前状态：正常");
    }
}
