package org.chengxin.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.FieldType;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.LegalBasis;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.catalog.domain.TemplateColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers as people write them, mapped onto the canonical column names. */
class ColumnNamesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "身份证号(idNumber)|idNumber",
            "身份证号（idNumber）|idNumber",
            "身份证号（idNumber)|idNumber",
            " 来源编号 ( sourceId ) |sourceId",
            "\uFEFF来源编号(sourceId)|sourceId",
            "罚款金额（元）(fineAmount)|fineAmount",
            "罚款金额(元)（fineAmount）|fineAmount",
            "idNumber|idNumber",
            "facts|facts"})
    void readsTheNameOutOfATemplateHeader(String header, String name) {
        assertThat(ColumnNames.canonical(header)).isEqualTo(name);
    }

    @Test
    void readsEveryHeaderOfAnItemsOwnTemplate() {
        Item item = new Item("YY-FD-901", "食品安全严重违法", "FOOD_DRUG", ItemKind.DISHONESTY, Severity.SERIOUS,
                DisclosureScope.PUBLIC, 12, 36, Set.of("scjg"), Set.of(), false, null,
                List.of(new ItemField("facts", "违法事实", FieldType.STRING, true),
                        new ItemField("fineAmount", "罚款金额（元）", FieldType.DECIMAL, false)),
                new LegalBasis("《中华人民共和国食品安全法》", "第一百二十三条"), "");

        assertThat(TemplateColumns.of(item)).allSatisfy(column ->
                assertThat(ColumnNames.canonical(column.header())).isEqualTo(column.name()));
    }

    @ParameterizedTest
    @CsvSource({"来源编号, sourceId", "信息项代码, itemCode", "身份证号, idNumber", "身份证号码, idNumber", "公民身份号码, idNumber",
            "姓名, name", "决定日期, decisionDate", "文书号, documentNumber", "决定书文号, documentNumber"})
    void readsTheChineseLabelAlone(String label, String name) {
        assertThat(ColumnNames.canonical(label)).isEqualTo(name);
        assertThat(ColumnNames.canonical("\uFEFF " + label + " ")).isEqualTo(name);
    }

    @Test
    void readsTheRepairNoticeColumnByEitherChineseName() {
        assertThat(ColumnNames.canonical("信用修复告知书")).isEqualTo("repairNotice");
        assertThat(ColumnNames.canonical("两书同达")).isEqualTo("repairNotice");
    }

    @Test
    void leavesAnUnknownHeaderAsItIs() {
        assertThat(ColumnNames.canonical("备注说明")).isEqualTo("备注说明");
        assertThat(ColumnNames.canonical(" remark ")).isEqualTo("remark");
    }

    @ParameterizedTest
    @CsvSource({
            "CF_WSH, documentNumber", "CF_XDR_SFZ, idNumber", "CF_XDR_MC, name", "CF_JDRQ, decisionDate",
            "CF_CFMC, penaltyName", "CF_CFLB1, penaltyType", "CF_SY, facts", "CF_YJ, basis", "CF_JG, penaltyResult",
            "CF_XZJG, authority", "CF_ZT, currentStatus", "DFBM, regionCode", "SJC, timestamp", "BZ, remark",
            "XK_WSH, documentNumber", "XK_XDR_SFZ, idNumber", "XK_XDR_MC, name", "XK_JDRQ, decisionDate",
            "XK_XMMC, licenseName", "XK_SPLB, approvalCategory", "XK_NR, licenseContent", "XK_JZQ, validTo",
            "XK_XZJG, authority", "XK_ZT, currentStatus", "XK_XKBH, licenseNumber", "CF_CFLB, penaltyType",
            "CF_NR, penaltyResult", "CF_CFJG, authority", "CF_NR_FK, 万元:fineAmount", "CF_NR_WFFF, 万元:confiscatedAmount",
            // the later edition's party columns: a person's number, a firm's code and its legal representative
            "CF_XDR_ZJHM, idNumber", "CF_XDR_ZJLX, subjectIdType", "CF_XDR_LB, subjectCategory", "CF_XDR_SHXYM, uscc",
            "CF_FRDB, legalRepresentative", "CF_FR_ZJHM, legalRepresentativeIdNumber", "CF_FR_ZJLX, legalRepresentativeIdType",
            "XK_XDR_ZJHM, idNumber", "XK_XDR_ZJLX, subjectIdType", "XK_XDR_LB, subjectCategory", "XK_XDR_SHXYM, uscc",
            "XK_FRDB, legalRepresentative", "XK_FR_ZJHM, legalRepresentativeIdNumber", "XK_FR_ZJLX, legalRepresentativeIdType"})
    void mapsEveryDoublePublicityColumnWhateverItsCase(String column, String name) {
        assertThat(ColumnNames.canonical(column)).isEqualTo(name);
        assertThat(ColumnNames.canonical(column.toLowerCase(Locale.ROOT))).isEqualTo(name);
        assertThat(ColumnNames.canonical("\uFEFF" + column + " ")).isEqualTo(name);
    }

    @Test
    void theDoublePublicityTableHoldsNoColumnBeyondThoseListed() {
        // keeps the test above complete: a column added to the table must be added there too
        assertThat(ColumnNames.DOUBLE_PUBLICITY).hasSize(44);
    }

    @Test
    void tellsAPenaltyFileByItsDocumentNumberOrPartyColumn() {
        assertThat(ColumnNames.doublePublicityKind(List.of("CF_XDR_MC", "CF_XDR_SFZ", "CF_JDRQ"))).isEqualTo("CF");
        assertThat(ColumnNames.doublePublicityKind(List.of("DFBM", "cf_wsh"))).isEqualTo("CF");
        assertThat(ColumnNames.doublePublicityKind(List.of("\uFEFFCF_WSH"))).isEqualTo("CF");
    }

    @Test
    void tellsALicensingFileByItsDocumentNumberOrPartyColumn() {
        assertThat(ColumnNames.doublePublicityKind(List.of("XK_XDR_MC", "XK_XDR_SFZ"))).isEqualTo("XK");
        assertThat(ColumnNames.doublePublicityKind(List.of(" xk_wsh "))).isEqualTo("XK");
    }

    @Test
    void aTemplateFileIsNoDoublePublicityFile() {
        assertThat(ColumnNames.doublePublicityKind(List.of("来源编号(sourceId)", "身份证号(idNumber)", "姓名(name)"))).isNull();
        assertThat(ColumnNames.doublePublicityKind(List.of("sourceId", "CF_JDRQ", "XK_JDRQ", "DFBM"))).isNull();
        assertThat(ColumnNames.doublePublicityKind(List.of())).isNull();
    }
}
