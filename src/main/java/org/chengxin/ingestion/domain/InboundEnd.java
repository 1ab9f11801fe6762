package org.chengxin.ingestion.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a row of an upstream platform's list (issue 18 item 2) says that its entry has ended, and on which day: a
 * status column (名单状态, the national status codes 0 正常 / 1 撤销, or the words) and an end date (移出日期). A row with
 * neither is an entry in force. Plain Java, each refusal with its own code.
 */
public final class InboundEnd {

    /** The canonical column of the entry's status on the upstream list. */
    public static final String STATUS = "listStatus";
    /** The canonical column of the day the entry came off the upstream list. */
    public static final String END_DATE = "endDate";

    private static final Set<String> IN_FORCE = Set.of("0", "正常", "在列", "有效");
    private static final Set<String> ENDED = Set.of("1", "撤销", "已撤销", "移出", "已移出", "屏蔽", "已屏蔽", "删除", "已删除",
            "结束", "已结束", "失效", "已失效");

    private InboundEnd() {
    }

    /**
     * The day the row's entry ended, or null when it is in force; a status or an end date it cannot take is added to the
     * problems (and null returned). A status saying the entry ended without an end date ends it today.
     */
    public static LocalDate of(RawRow row, LocalDate decisionDate, LocalDate today, List<Rejection> problems) {
        long n = row.rowNo();
        String status = row.get(STATUS);
        Boolean ended = null;
        if (status != null) {
            String s = status.strip().toLowerCase(Locale.ROOT);
            if (IN_FORCE.contains(s)) {
                ended = false;
            } else if (ENDED.contains(s)) {
                ended = true;
            } else {
                problems.add(new Rejection(n, STATUS, "INBOUND_STATUS_INVALID",
                        "名单状态应为 0（正常）或 1（撤销），也可填写“正常”“撤销”“已移出”“已屏蔽”等"));
                return null;
            }
        }
        String raw = row.get(END_DATE);
        LocalDate end = null;
        if (raw != null) {
            end = Dates.parse(raw).orElse(null);
            if (end == null) {
                problems.add(new Rejection(n, END_DATE, "INBOUND_END_DATE_INVALID", "移出日期格式不正确，应为 yyyy-MM-dd"));
                return null;
            }
            if (end.isAfter(today)) {
                problems.add(new Rejection(n, END_DATE, "INBOUND_END_DATE_IN_FUTURE",
                        "移出日期晚于今天：条目在上级平台移出后再随名单送达，移出前按在列报送"));
                return null;
            }
            if (decisionDate != null && end.isBefore(decisionDate)) {
                problems.add(new Rejection(n, END_DATE, "INBOUND_END_DATE_BEFORE_DECISION", "移出日期早于决定日期"));
                return null;
            }
        }
        if (Boolean.FALSE.equals(ended) && end != null) {
            problems.add(new Rejection(n, STATUS, "INBOUND_STATUS_CONFLICT", "名单状态为“正常”却填写了移出日期，请核对该条目是否已移出名单"));
            return null;
        }
        if (Boolean.TRUE.equals(ended)) {
            return end != null ? end : today;
        }
        return end;
    }
}
