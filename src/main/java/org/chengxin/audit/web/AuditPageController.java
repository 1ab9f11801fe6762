package org.chengxin.audit.web;

import java.net.URLEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chengxin.audit.AuditTrail;
import org.chengxin.audit.AuditVerification;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The auditor's view of the trail: entries filtered by action, person, outcome and date, in numbered
 * pages, in words (the stored codes in tooltips), exported to XLSX; and the verification of the chain.
 * Reading and exporting the trail are themselves recorded: who watches the watchers is in the trail too.
 */
@Controller
class AuditPageController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);
    /** An export holds at most this many entries; narrower filters export the rest. */
    static final int EXPORT_LIMIT = 200_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditTrail trail;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLabels labels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditPageController(AuditTrail trail, NamedParameterJdbcTemplate jdbc, AuditLabels labels, ApplicationEventPublisher events,
            Clock clock) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.labels = labels;
        this.events = events;
        this.clock = clock;
    }

    /** The filter as the form sends it (no personal data: login names, action codes and dates only). */
    public record AuditFilter(String action, String actor, String outcome, String from, String to, Integer page, Integer size, String order) {

        public int pageNumber() {
            return page == null || page < 1 ? 1 : page;
        }

        public int pageSize() {
            return size != null && PAGE_SIZES.contains(size) ? size : 50;
        }

        public boolean oldestFirst() {
            return "asc".equals(order);
        }

        public LocalDate fromDate() {
            return date(from, "起始日期");
        }

        public LocalDate toDate() {
            return date(to, "截止日期");
        }

        private static LocalDate date(String text, String what) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw ChengxinException.badRequest("AUDIT_FILTER_INVALID", what + "格式应为 yyyy-MM-dd");
            }
        }

        /** The query string of this filter on another page (or with another order), for links. */
        public String query(int otherPage) {
            StringBuilder q = new StringBuilder("?page=").append(otherPage).append("&size=").append(pageSize());
            append(q, "action", action);
            append(q, "actor", actor);
            append(q, "outcome", outcome);
            append(q, "from", from);
            append(q, "to", to);
            append(q, "order", order);
            return q.toString();
        }

        public String exportQuery() {
            return query(1).replaceFirst("^\\?page=1&size=\\d+&?", "?");
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }

        /** Human words for the filter, for the audit entry of an export. */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (action != null && !action.isBlank()) {
                parts.add("操作=" + action.strip());
            }
            if (actor != null && !actor.isBlank()) {
                parts.add("操作人=" + actor.strip());
            }
            if (outcome != null && !outcome.isBlank()) {
                parts.add("结果=" + outcome.strip());
            }
            if (from != null && !from.isBlank()) {
                parts.add("自" + from.strip());
            }
            if (to != null && !to.isBlank()) {
                parts.add("至" + to.strip());
            }
            return parts.isEmpty() ? "全部" : String.join("，", parts);
        }
    }

    @GetMapping("/audit")
    String view(@ModelAttribute("filter") AuditFilter filter, Model model) {
        try {
            page(filter, model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            page(new AuditFilter(null, null, null, null, null, 1, filter.pageSize(), null), model);
        }
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.view", null, "审计检查",
                AuditOutcome.SUCCESS, "查看审计日志（" + filter.describe() + "，第" + filter.pageNumber() + "页）"));
        return "audit/index";
    }

    @PostMapping("/audit/verification")
    String verify(Model model) {
        AuditVerification result = trail.verify();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.verify", null, "审计检查",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                result.intact() ? "审计链完整，校验 " + result.entriesChecked() + " 条" : "审计链在第 " + result.firstBrokenSeq() + " 条断裂"));
        model.addAttribute("verification", result);
        AuditFilter all = new AuditFilter(null, null, null, null, null, 1, 50, null);
        model.addAttribute("filter", all);
        page(all, model);
        return "audit/index";
    }

    /** The filtered entries as an XLSX file, streamed row by row; the export is recorded with its filter and count. */
    @GetMapping("/audit/export.xlsx")
    void export(@ModelAttribute AuditFilter filter, HttpServletResponse response) throws IOException {
        Where where = where(filter);
        Map<String, String> departments = labels.departmentNames();
        Map<String, String> staff = labels.staffNames();
        String name = "审计日志-" + LocalDate.now(clock.withZone(ZONE)) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        int[] count = {0};
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet("审计日志");
            String[] head = {"序号", "时间", "操作人", "角色", "部门", "操作", "操作代码", "目的", "结果", "说明"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            jdbc.query("select seq, occurred_at, actor, role, department, action, purpose, outcome, detail from audit_entry"
                    + where.sql() + " order by seq " + (filter.oldestFirst() ? "asc" : "desc") + " limit " + EXPORT_LIMIT,
                    where.params(), (ResultSet rs) -> {
                        Row r = sheet.createRow(++count[0]);
                        Entry e = entry(rs, departments, staff);
                        String[] cells = {String.valueOf(e.seq()), e.time(), e.actorName(), e.roleLabel(), e.departmentName(),
                                e.actionLabel(), e.action(), e.purpose(), e.outcomeLabel(), e.detail()};
                        for (int i = 0; i < cells.length; i++) {
                            if (i == 0) {
                                r.createCell(i).setCellValue(e.seq());
                            } else {
                                r.createCell(i).setCellValue(cells[i] == null ? "" : cells[i]);
                            }
                        }
                    });
            try (OutputStream out = response.getOutputStream()) {
                book.write(out);
            }
        }
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "audit.export", null, "审计检查",
                AuditOutcome.SUCCESS, "导出审计日志 " + count[0] + " 条（" + filter.describe() + "）"));
    }

    private void page(AuditFilter filter, Model model) {
        Where where = where(filter);
        long total = trail.size();
        // unfiltered, every entry matches: the trail's size, not a count of millions of entries
        long matching = where.sql().isEmpty() ? total
                : jdbc.queryForObject("select count(*) from audit_entry" + where.sql(), where.params(), Long.class);
        int size = filter.pageSize();
        int pages = (int) Math.max(1, (matching + size - 1) / size);
        int page = Math.min(filter.pageNumber(), pages);
        MapSqlParameterSource params = where.params().addValue("limit", size).addValue("offset", (long) (page - 1) * size);
        Map<String, String> departments = labels.departmentNames();
        Map<String, String> staff = labels.staffNames();
        List<Entry> entries = jdbc.query("select seq, occurred_at, actor, role, department, action, purpose, outcome, detail"
                + " from audit_entry" + where.sql() + " order by seq " + (filter.oldestFirst() ? "asc" : "desc")
                + " limit :limit offset :offset", params, (rs, n) -> entry(rs, departments, staff));
        model.addAttribute("total", total);
        model.addAttribute("matching", matching);
        model.addAttribute("entries", entries);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("pageNumbers", pageNumbers(page, pages));
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("actions", new TreeMap<>(AuditLabels.ACTIONS).entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList());
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (AuditOutcome o : AuditOutcome.values()) {
            outcomes.put(o.name(), AuditLabels.outcome(o.name()));
        }
        model.addAttribute("outcomes", outcomes);
    }

    /** The pages to link: the first, the last, and two either side of the current one (0 = a gap). */
    static List<Integer> pageNumbers(int page, int pages) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
                out.add(p);
            } else if (!out.isEmpty() && out.get(out.size() - 1) != 0) {
                out.add(0);
            }
        }
        return out;
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    private Where where(AuditFilter f) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (f.action() != null && !f.action().isBlank()) {
            conditions.add("action = :action");
            params.addValue("action", f.action().strip());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            String who = f.actor().strip();
            // a login name, or the real name an administrator gave the account
            List<String> logins = new ArrayList<>(labels.staffNames().entrySet().stream()
                    .filter(e -> e.getValue().equals(who)).map(Map.Entry::getKey).toList());
            logins.add(who);
            conditions.add("actor in (:actors)");
            params.addValue("actors", logins);
        }
        if (f.outcome() != null && !f.outcome().isBlank()) {
            conditions.add("outcome = :outcome");
            params.addValue("outcome", f.outcome().strip());
        }
        LocalDate from = f.fromDate();
        LocalDate to = f.toDate();
        if (from != null && to != null && to.isBefore(from)) {
            throw ChengxinException.badRequest("AUDIT_FILTER_INVALID", "截止日期不能早于起始日期");
        }
        if (from != null) {
            conditions.add("occurred_at >= :from");
            params.addValue("from", Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
        }
        if (to != null) {
            conditions.add("occurred_at < :to");
            params.addValue("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    /** One entry as shown: words, with the stored codes kept for tooltips. */
    record Entry(long seq, String time, String actor, String actorName, String role, String roleLabel, String department,
            String departmentName, String action, String actionLabel, String purpose, String outcome, String outcomeLabel,
            String detail) {
    }

    private Entry entry(ResultSet rs, Map<String, String> departments, Map<String, String> staff) throws SQLException {
        String actor = rs.getString("actor");
        String role = rs.getString("role");
        String department = rs.getString("department");
        String action = rs.getString("action");
        String outcome = rs.getString("outcome");
        String time = rs.getTimestamp("occurred_at").toInstant().atZone(ZONE).format(TIME);
        String actorName = staff.containsKey(actor) ? staff.get(actor) + "（" + actor + "）" : actor;
        return new Entry(rs.getLong("seq"), time, actor, actorName, role, labels.role(role), department,
                department == null ? "" : departments.getOrDefault(department, department), action, labels.action(action),
                rs.getString("purpose"), outcome, AuditLabels.outcome(outcome), rs.getString("detail"));
    }
}
