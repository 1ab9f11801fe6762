package org.chengxin.ingestion.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a header as people write it into the canonical column name: {@code 身份证号(idNumber)}
 * (the template's form), {@code idNumber}, or the Chinese label alone ({@code 身份证号}); and maps
 * the national 双公示 columns (CF_*, XK_*) onto the record envelope and the items' fields: the penalty's facts
 * (CF_SY), its own legal basis (CF_YJ), kind (CF_CFLB1, CF_CFLB), content (CF_JG, CF_NR) and authority (CF_XZJG,
 * CF_CFJG) land in the fields whose catalog roles say so; the fine and the confiscated amount, given in 万元 (CF_NR_FK,
 * CF_NR_WFFF), become the items' amounts in 元.
 */
public final class ColumnNames {

    /**
     * The prefix of a column whose amount the file gives in 万元 (CF_NR_FK 罚款金额, CF_NR_WFFF 没收违法所得、没收非法财物的金额):
     * the field after it is the item's amount in 元.
     */
    public static final String TEN_THOUSAND_YUAN_PREFIX = "万元:";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("来源编号", "sourceId"), Map.entry("信息项代码", "itemCode"), Map.entry("身份证号", "idNumber"),
            Map.entry("身份证号码", "idNumber"), Map.entry("公民身份号码", "idNumber"), Map.entry("姓名", "name"),
            Map.entry("决定日期", "decisionDate"), Map.entry("文书号", "documentNumber"), Map.entry("决定书文号", "documentNumber"),
            Map.entry("信用修复告知书", "repairNotice"), Map.entry("两书同达", "repairNotice"),
            // an upstream platform's list (issue 18 item 2): whether the entry is still on it, and the day it came off
            Map.entry("名单状态", InboundEnd.STATUS), Map.entry("状态", InboundEnd.STATUS),
            Map.entry("移出日期", InboundEnd.END_DATE), Map.entry("结束日期", InboundEnd.END_DATE),
            Map.entry("撤销日期", InboundEnd.END_DATE), Map.entry("屏蔽日期", InboundEnd.END_DATE),
            // a row about a firm (issue 18 item 3): its code, and the natural persons it names as responsible
            Map.entry("统一社会信用代码", FirmColumns.USCC), Map.entry("法定代表人", FirmColumns.REPRESENTATIVE),
            Map.entry("法定代表人身份证号", FirmColumns.REPRESENTATIVE_ID),
            Map.entry("法定代表人身份证号码", FirmColumns.REPRESENTATIVE_ID),
            Map.entry("直接责任人", FirmColumns.RESPONSIBLE), Map.entry("直接责任人身份证号", FirmColumns.RESPONSIBLE_ID),
            Map.entry("直接责任人身份证号码", FirmColumns.RESPONSIBLE_ID));

    /** The 双公示 administrative-penalty and licensing columns. */
    public static final Map<String, String> DOUBLE_PUBLICITY = Map.ofEntries(
            Map.entry("CF_WSH", "documentNumber"), Map.entry("CF_XDR_SFZ", "idNumber"), Map.entry("CF_XDR_MC", "name"),
            Map.entry("CF_JDRQ", "decisionDate"), Map.entry("CF_CFMC", "penaltyName"), Map.entry("CF_CFLB1", "penaltyType"),
            Map.entry("CF_SY", "facts"), Map.entry("CF_YJ", "basis"), Map.entry("CF_JG", "penaltyResult"),
            Map.entry("CF_XZJG", "authority"), Map.entry("CF_ZT", "currentStatus"), Map.entry("DFBM", "regionCode"),
            // the later edition of the standard: 处罚类别, 处罚内容 and 处罚机关 under these names
            Map.entry("CF_CFLB", "penaltyType"), Map.entry("CF_NR", "penaltyResult"), Map.entry("CF_CFJG", "authority"),
            Map.entry("SJC", "timestamp"), Map.entry("BZ", "remark"),
            // the later edition: the person's number as 证件号码, a firm's code and its legal representative
            Map.entry("CF_XDR_ZJHM", "idNumber"), Map.entry("CF_XDR_ZJLX", FirmColumns.SUBJECT_ID_TYPE),
            Map.entry("CF_XDR_LB", FirmColumns.SUBJECT_CATEGORY), Map.entry("CF_XDR_SHXYM", FirmColumns.USCC),
            Map.entry("CF_FRDB", FirmColumns.REPRESENTATIVE), Map.entry("CF_FR_ZJHM", FirmColumns.REPRESENTATIVE_ID),
            Map.entry("CF_FR_ZJLX", FirmColumns.REPRESENTATIVE_ID_TYPE),
            // amounts in 万元: the row defaults turn them into the items' amounts in 元
            Map.entry("CF_NR_FK", TEN_THOUSAND_YUAN_PREFIX + "fineAmount"),
            Map.entry("CF_NR_WFFF", TEN_THOUSAND_YUAN_PREFIX + "confiscatedAmount"),
            Map.entry("XK_WSH", "documentNumber"), Map.entry("XK_XDR_SFZ", "idNumber"), Map.entry("XK_XDR_MC", "name"),
            Map.entry("XK_JDRQ", "decisionDate"), Map.entry("XK_XMMC", "licenseName"), Map.entry("XK_SPLB", "approvalCategory"),
            Map.entry("XK_NR", "licenseContent"), Map.entry("XK_JZQ", "validTo"), Map.entry("XK_XZJG", "authority"),
            Map.entry("XK_ZT", "currentStatus"), Map.entry("XK_XKBH", "licenseNumber"),
            Map.entry("XK_XDR_ZJHM", "idNumber"), Map.entry("XK_XDR_ZJLX", FirmColumns.SUBJECT_ID_TYPE),
            Map.entry("XK_XDR_LB", FirmColumns.SUBJECT_CATEGORY), Map.entry("XK_XDR_SHXYM", FirmColumns.USCC),
            Map.entry("XK_FRDB", FirmColumns.REPRESENTATIVE), Map.entry("XK_FR_ZJHM", FirmColumns.REPRESENTATIVE_ID),
            Map.entry("XK_FR_ZJLX", FirmColumns.REPRESENTATIVE_ID_TYPE));

    private ColumnNames() {
    }

    public static String canonical(String header) {
        String h = header.replace("\uFEFF", "").strip();
        int open = Math.max(h.lastIndexOf('('), h.lastIndexOf('（'));
        if (open >= 0 && (h.endsWith(")") || h.endsWith("）"))) {
            String inside = h.substring(open + 1, h.length() - 1).strip();
            if (inside.matches("[A-Za-z][A-Za-z0-9]*")) {
                return inside;
            }
            // "罚款金额（元）": the brackets hold a unit, not a field name
            h = h.substring(0, open).strip();
        }
        String upper = h.toUpperCase(Locale.ROOT);
        if (DOUBLE_PUBLICITY.containsKey(upper)) {
            return DOUBLE_PUBLICITY.get(upper);
        }
        return LABELS.getOrDefault(h, h);
    }

    /** Whether a header row is in the national 双公示 penalty (CF) or licensing (XK) format. */
    public static String doublePublicityKind(Iterable<String> headers) {
        for (String h : headers) {
            String u = h.replace("\uFEFF", "").strip().toUpperCase(Locale.ROOT);
            if (u.equals("CF_WSH") || u.equals("CF_XDR_MC")) {
                return "CF";
            }
            if (u.equals("XK_WSH") || u.equals("XK_XDR_MC")) {
                return "XK";
            }
        }
        return null;
    }
}
