package org.chengxin.exchange.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns of the files and of the feed's {@code fields}, per kind of thing: the national 双公示 columns for licences
 * (XK_*) and penalties (CF_*) as the platform itself reads them on a push (so that a file can be pushed into another
 * platform of this kind as it is), and columns in the same manner for list entries (MD_*), objection (YY_*) and repair
 * (XF_*) answers. Every file starts with the change's own columns ({@link #CHANGE}).
 */
public final class NationalColumns {

    /** The change's own columns: position, stable identifier, change kind, withdrawn (1/0), time of the change. */
    public static final List<String> CHANGE = List.of("XH", "BSID", "BGLX", "CHBZ", "BGSJ");

    private static final Map<Shared, List<String>> OWN = Map.of(
            Shared.LICENCE, List.of("XK_WSH", "XK_XMMC", "XK_SPLB", "XK_NR", "XK_XDR_MC", "XK_XDR_LB", "XK_XDR_SFZ", "XK_XKBH",
                    "XK_JDRQ", "XK_JZQ", "XK_XZJG", "XK_ZT", "DFBM", "SJC"),
            Shared.PENALTY, List.of("CF_WSH", "CF_CFMC", "CF_CFLB1", "CF_SY", "CF_YJ", "CF_JG", "CF_NR_FK", "CF_NR_WFFF", "CF_XDR_MC",
                    "CF_XDR_LB", "CF_XDR_SFZ", "CF_JDRQ", "CF_GSJZQ", "CF_XZJG", "CF_ZT", "DFBM", "SJC"),
            Shared.LIST_ENTRY, List.of("MD_MC", "MD_XDR_MC", "MD_XDR_SFZ", "MD_RDWSH", "MD_RDYJ", "MD_RDBM", "MD_LRRQ", "MD_YXQZ",
                    "MD_YCRQ", "MD_YCYY", "DFBM", "SJC"),
            Shared.OBJECTION, List.of("YY_BH", "YY_XXBS", "YY_JG", "YY_LY", "YY_JDSJ", "YY_YQ", "DFBM", "SJC"),
            Shared.REPAIR, List.of("XF_BH", "XF_XXBS", "XF_JG", "XF_LY", "XF_JDSJ", "XF_YQ", "DFBM", "SJC"));

    /** What each column holds, in the words of the exchange guide. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("XH", "交换序号"), Map.entry("BSID", "唯一标识"), Map.entry("BGLX", "变更类型"), Map.entry("CHBZ", "撤回标志"),
            Map.entry("BGSJ", "变更时间"), Map.entry("DFBM", "地方编码"), Map.entry("SJC", "数据时间戳"),
            Map.entry("XK_WSH", "行政许可决定文书号"), Map.entry("XK_XMMC", "项目名称"), Map.entry("XK_SPLB", "审批类别"),
            Map.entry("XK_NR", "许可内容"), Map.entry("XK_XDR_MC", "行政相对人名称"), Map.entry("XK_XDR_LB", "行政相对人类别"),
            Map.entry("XK_XDR_SFZ", "居民身份证号"), Map.entry("XK_XKBH", "许可编号"), Map.entry("XK_JDRQ", "许可决定日期"),
            Map.entry("XK_JZQ", "许可截止期"), Map.entry("XK_XZJG", "许可机关"), Map.entry("XK_ZT", "当前状态"),
            Map.entry("CF_WSH", "行政处罚决定书文号"), Map.entry("CF_CFMC", "处罚名称"), Map.entry("CF_CFLB1", "处罚类别"),
            Map.entry("CF_SY", "违法事实"), Map.entry("CF_YJ", "处罚依据"), Map.entry("CF_JG", "处罚结果"),
            Map.entry("CF_NR_FK", "罚款金额（万元）"), Map.entry("CF_NR_WFFF", "没收违法所得、没收非法财物的金额（万元）"),
            Map.entry("CF_XDR_MC", "行政相对人名称"), Map.entry("CF_XDR_LB", "行政相对人类别"), Map.entry("CF_XDR_SFZ", "居民身份证号"),
            Map.entry("CF_JDRQ", "处罚决定日期"), Map.entry("CF_GSJZQ", "公示截止期"), Map.entry("CF_XZJG", "处罚机关"),
            Map.entry("CF_ZT", "当前状态"), Map.entry("MD_MC", "名单名称"), Map.entry("MD_XDR_MC", "当事人姓名"),
            Map.entry("MD_XDR_SFZ", "居民身份证号"), Map.entry("MD_RDWSH", "认定文书号"), Map.entry("MD_RDYJ", "认定依据"),
            Map.entry("MD_RDBM", "认定部门"), Map.entry("MD_LRRQ", "列入日期"), Map.entry("MD_YXQZ", "有效期至"),
            Map.entry("MD_YCRQ", "移出日期"), Map.entry("MD_YCYY", "移出原因"), Map.entry("YY_BH", "异议编号"),
            Map.entry("YY_XXBS", "所涉信息唯一标识"), Map.entry("YY_JG", "处理结果"), Map.entry("YY_LY", "处理理由"),
            Map.entry("YY_JDSJ", "办结时间"), Map.entry("YY_YQ", "是否逾期办结"), Map.entry("XF_BH", "修复申请编号"),
            Map.entry("XF_XXBS", "所涉信息唯一标识"), Map.entry("XF_JG", "处理结果"), Map.entry("XF_LY", "处理理由"),
            Map.entry("XF_JDSJ", "办结时间"), Map.entry("XF_YQ", "是否逾期办结"));

    /** The columns that hold personal data: never filled in a withdrawn change. */
    public static final List<String> PERSONAL = List.of("XK_XDR_MC", "XK_XDR_SFZ", "CF_XDR_MC", "CF_XDR_SFZ", "MD_XDR_MC", "MD_XDR_SFZ");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private NationalColumns() {
    }

    /** The kind's own columns, without the change's. */
    public static List<String> of(Shared shared) {
        return OWN.get(shared);
    }

    /** Every column of the kind's file: the change's, then the kind's own. */
    public static List<String> header(Shared shared) {
        List<String> all = new ArrayList<>(CHANGE);
        all.addAll(OWN.get(shared));
        return all;
    }

    /** One line of the kind's file (an empty string for a value not given). */
    public static List<String> row(DeliveredChange c) {
        List<String> row = new ArrayList<>();
        row.add(Long.toString(c.position()));
        row.add(c.identifier());
        row.add(c.change().name());
        row.add(c.withdrawn() ? "1" : "0");
        row.add(TIME.format(c.occurredAt()));
        for (String column : OWN.get(c.shared())) {
            String v = c.fields().get(column);
            row.add(v == null ? "" : v);
        }
        return row;
    }

    /** A time as the files and fields write it (Beijing time, to the second). */
    public static String time(Instant at) {
        return TIME.format(at);
    }
}
