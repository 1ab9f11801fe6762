package org.chengxin.lists.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.lists.AgencyListing;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAgencyBlacklist implements AgencyBlacklist {

    private final JdbcClient jdbc;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcAgencyBlacklist(JdbcClient jdbc, Departments departments, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AgencyListing add(AgencyListing.Request r) {
        if (blank(r.agencyCode()) || blank(r.violation()) || blank(r.documentNumber()) || blank(r.legalBasis())
                || r.startDate() == null || r.endDate() == null) {
            throw ChengxinException.badRequest("AGENCY_LISTING_INCOMPLETE", "列入黑名单须写明机构、违规行为、决定书文号、法律依据和起止日期");
        }
        if (UnicodeText.longerThan(r.violation().strip(), 500) || UnicodeText.longerThan(r.documentNumber().strip(), 100) || UnicodeText.longerThan(r.legalBasis().strip(), 300)
                || (r.staffName() != null && UnicodeText.longerThan(r.staffName().strip(), 50))) {
            throw ChengxinException.badRequest("AGENCY_LISTING_TOO_LONG", "违规行为不超过500字、决定书文号不超过100字、法律依据不超过300字、人员姓名不超过50字");
        }
        if (r.endDate().isBefore(r.startDate())) {
            throw ChengxinException.badRequest("LIST_PERIOD_INVALID", "结束日不得早于开始日");
        }
        // a code no department can have is refused like one no department has
        Department agency = DepartmentCode.parse(r.agencyCode().strip()).flatMap(departments::find)
                .orElseThrow(() -> ChengxinException.badRequest("AGENCY_UNKNOWN", "平台上没有该机构：" + r.agencyCode().strip()));
        if (agency.kind() != DepartmentKind.CREDIT_AGENCY) {
            throw ChengxinException.badRequest("AGENCY_NOT_CREDIT_AGENCY", "只有征信机构可以列入信用服务机构黑名单：" + agency.name() + "是" + agency.kind().label());
        }
        String staff = blank(r.staffName()) ? null : r.staffName().strip();
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                insert into lists_agency_blacklist (agency_code, staff_name, violation, document_number, legal_basis,
                    start_date, end_date, status, decided_by, decided_at)
                values (:a, :staff, :v, :doc, :basis, :start, :end, 'ACTIVE', :by, :at) returning id""")
                .param("a", agency.code().value()).param("staff", staff).param("v", Masking.maskIdShaped(r.violation().strip()))
                .param("doc", r.documentNumber().strip()).param("basis", r.legalBasis().strip()).param("start", r.startDate())
                .param("end", r.endDate()).param("by", CurrentActor.get().name()).param("at", Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.agency-add", null, "信用服务机构黑名单", AuditOutcome.SUCCESS,
                "列入：" + agency.name() + (staff == null ? "" : "（从业人员）") + "，决定书 " + r.documentNumber().strip()
                        + "，期限 " + r.startDate() + " 至 " + r.endDate()));
        return find(id);
    }

    @Override
    @Transactional
    public AgencyListing end(long id, String reason) {
        AgencyListing l = jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> ChengxinException.notFound("AGENCY_LISTING_NOT_FOUND", "黑名单条目不存在"));
        if (!"ACTIVE".equals(l.status())) {
            throw ChengxinException.conflict("LIST_ENTRY_ENDED", "该黑名单条目已结束");
        }
        if (blank(reason)) {
            throw ChengxinException.badRequest("LIST_REMOVAL_REASON_REQUIRED", "移出黑名单须说明理由");
        }
        String why = Masking.maskIdShaped(reason.strip());
        if (UnicodeText.longerThan(why, 500)) {
            why = UnicodeText.truncate(why, 500);
        }
        Instant now = Instant.now(clock);
        jdbc.sql("update lists_agency_blacklist set status = 'ENDED', ended_at = :at, end_reason = :r where id = :id")
                .param("at", Timestamp.from(now)).param("r", why).param("id", id).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.agency-end", null, "信用服务机构黑名单", AuditOutcome.SUCCESS,
                "移出黑名单条目 " + id + "：" + why));
        return find(id);
    }

    @Override
    public List<AgencyListing> all() {
        return jdbc.sql(SELECT + " order by b.decided_at desc, b.id desc").query(this::map).list();
    }

    @Override
    public boolean isBlacklisted(String agencyCode) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*) from lists_agency_blacklist where agency_code = :a and staff_name is null and status = 'ACTIVE'
                and start_date <= :d and end_date >= :d""").param("a", agencyCode).param("d", today).query(Long.class).single() > 0;
    }

    @Override
    public boolean isStaffBlacklisted(String agencyCode, String staffName) {
        if (staffName == null || staffName.isBlank()) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*) from lists_agency_blacklist where agency_code = :a and staff_name = :n and status = 'ACTIVE'
                and start_date <= :d and end_date >= :d""").param("a", agencyCode).param("n", staffName.strip()).param("d", today)
                .query(Long.class).single() > 0;
    }

    private static final String SELECT = "select b.* from lists_agency_blacklist b";

    private AgencyListing find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).single();
    }

    private AgencyListing map(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("agency_code");
        String name = departments.find(DepartmentCode.of(code)).map(Department::name).orElse(code);
        return new AgencyListing(rs.getLong("id"), code, name, rs.getString("staff_name"), rs.getString("violation"),
                rs.getString("document_number"), rs.getString("legal_basis"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("status"), rs.getString("decided_by"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("end_reason"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
