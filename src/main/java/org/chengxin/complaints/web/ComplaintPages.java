package org.chengxin.complaints.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.stereotype.Component;

/** What the complaints pages share: who the citizen is, their query log, the department names and today. */
@Component
class ComplaintPages {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final Citizens citizens;
    private final QueryLog queryLog;
    private final Departments departments;
    private final Complaints complaints;
    private final Clock clock;

    ComplaintPages(Citizens citizens, QueryLog queryLog, Departments departments, Complaints complaints, Clock clock) {
        this.citizens = citizens;
        this.complaints = complaints;
        this.queryLog = queryLog;
        this.departments = departments;
        this.clock = clock;
    }

    CitizenRef me(ChengxinPrincipal who) {
        return citizens.signedIn(who);
    }

    /** The uses of the person's data by others in the last two years, which a complaint may name. */
    List<QueryLog.Entry> queriesOf(CitizenRef person) {
        Instant since = clock.instant().atZone(CITY).minusYears(2).toInstant();
        return queryLog.of(person.subject(), since).stream().filter(e -> !"SELF".equals(e.kind())).toList();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CITY);
    }

    String departmentName(DepartmentCode code) {
        if (code == null) {
            return "平台管理员";
        }
        return departments.find(code).map(Department::name).orElse(code.value());
    }

    List<Department> departments() {
        return departments.all();
    }

    /** The cases as the person (or the clerk at the window) follows them. */
    List<ComplaintView> views(List<Complaint> cases) {
        LocalDate today = today();
        return cases.stream().map(c -> ComplaintView.of(c, departmentName(c.department()), today, null)).toList();
    }

    /** The cases as staff handle them: with the auditor's finding on the query-log entry each names. */
    List<ComplaintView> staffViews(List<Complaint> cases) {
        LocalDate today = today();
        return cases.stream()
                .map(c -> ComplaintView.of(c, departmentName(c.department()), today, complaints.findingOf(c).orElse(null))).toList();
    }

    /** A number typed in a form, or null when there is none or it is no number. */
    static Long parseId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ChengxinException.badRequest("COMPLAINT_QUERY_INVALID", "所选查询记录无效，请从列表中选择");
        }
    }
}
