package org.chengxin.inquiry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.identity.Citizens;
import org.chengxin.inquiry.Authorizations;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;
import org.chengxin.shared.upload.FileNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Authorizations in {@code inquiry_authorization}; every grant, paper record and withdrawal is audited with the person's blind index. */
@Service
class JdbcAuthorizations implements Authorizations {

    static final int MAX_SCAN_BYTES = 5 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcAuthorizations(JdbcClient jdbc, Citizens citizens, Departments departments, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Authorization grant(SubjectKey subject, String granteeName, String granteeCode, String purpose, ReportScope scope,
            LocalDate validUntil) {
        Checked c = check(granteeName, granteeCode, purpose, scope, validUntil);
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                insert into inquiry_authorization (subject_index, grantee_name, grantee_code, purpose, scope, valid_until, channel, granted_at)
                values (:s, :name, :code, :purpose, :scope, :until, 'ONLINE', :at) returning id""")
                .param("s", subject.bytes()).param("name", c.name()).param("code", c.code()).param("purpose", c.purpose())
                .param("scope", scope.name()).param("until", validUntil).param("at", Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(AuditEvent.of(actor, now, "inquiry.authorization-grant", subject, c.purpose(), AuditOutcome.SUCCESS,
                "本人在线授权 #" + id + "：" + c.name() + "，范围 " + scope.label() + "，至 " + validUntil));
        return find(id, subject).orElseThrow();
    }

    @Override
    @Transactional
    public Authorization recordPaper(IdNumber person, String granteeName, String granteeCode, String purpose, ReportScope scope,
            LocalDate validUntil, byte[] scan, String scanName, String contentType) {
        Checked c = check(granteeName, granteeCode, purpose, scope, validUntil);
        if (scan == null || scan.length == 0) {
            throw ChengxinException.badRequest("INQUIRY_SCAN_REQUIRED", "请上传本人签字的书面授权书扫描件");
        }
        if (scan.length > MAX_SCAN_BYTES) {
            throw ChengxinException.badRequest("INQUIRY_SCAN_TOO_LARGE", "授权书扫描件不得超过 5 MB");
        }
        if (!isPdfOrImage(scan)) {
            throw ChengxinException.badRequest("INQUIRY_SCAN_TYPE", "授权书扫描件须为 PDF、JPEG 或 PNG 文件");
        }
        Actor clerk = CurrentActor.get();
        if (clerk.department() == null) {
            throw ChengxinException.forbidden("INQUIRY_CLERK_REQUIRED", "书面授权须由窗口工作人员核验后登记");
        }
        SubjectKey subject = citizens.subjectKeyOf(person);
        Instant now = Instant.now(clock);
        String name = scanName == null ? "授权书" : scanName.replaceAll("[\\\\/\\r\\n]", "_");
        long id = jdbc.sql("""
                insert into inquiry_authorization (subject_index, grantee_name, grantee_code, purpose, scope, valid_until, channel,
                    scan_sha256, scan_name, scan, attested_by, attested_department, granted_at)
                values (:s, :name, :code, :purpose, :scope, :until, 'PAPER', :sha, :scanName, :scan, :by, :dept, :at)
                returning id""")
                .param("s", subject.bytes()).param("name", c.name()).param("code", c.code()).param("purpose", c.purpose())
                .param("scope", scope.name()).param("until", validUntil).param("sha", Sha256.hex(scan))
                .param("scanName", FileNames.fitted(name)).param("scan", scan)
                .param("by", clerk.name()).param("dept", clerk.department().value()).param("at", Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(AuditEvent.of(clerk, now, "inquiry.authorization-paper", subject, c.purpose(), AuditOutcome.SUCCESS,
                "窗口登记书面授权 #" + id + "：" + c.name() + "，范围 " + scope.label() + "，至 " + validUntil + "，经办人核验签字"));
        return find(id, subject).orElseThrow();
    }

    @Override
    @Transactional
    public Authorization withdraw(long id, SubjectKey subject, String reason) {
        Authorization a = find(id, subject)
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_AUTHORIZATION_NOT_FOUND", "没有编号为 " + id + " 的授权"));
        if (a.withdrawnAt() != null) {
            throw ChengxinException.conflict("INQUIRY_AUTHORIZATION_WITHDRAWN", "该授权已撤回");
        }
        String why = reason == null || reason.isBlank() ? "本人撤回" : reason.strip();
        if (UnicodeText.longerThan(why, 500)) {
            throw ChengxinException.badRequest("INQUIRY_REASON_TOO_LONG", "撤回理由不超过 500 字");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("update inquiry_authorization set withdrawn_at = :at, withdraw_reason = :r where id = :id and withdrawn_at is null")
                .param("at", Timestamp.from(now)).param("r", why).param("id", id).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "inquiry.authorization-withdraw", subject, a.purpose(),
                AuditOutcome.SUCCESS, "撤回授权 #" + id + "（" + a.granteeName() + "）：" + why));
        return find(id, subject).orElseThrow();
    }

    @Override
    public List<Authorization> of(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s order by granted_at desc, id desc")
                .param("s", subject.bytes()).query(this::map).list();
    }

    @Override
    public Optional<Authorization> find(long id, SubjectKey subject) {
        return jdbc.sql(SELECT + " where id = :id and subject_index = :s").param("id", id).param("s", subject.bytes())
                .query(this::map).optional();
    }

    private static final String SELECT = """
            select id, subject_index as subject, grantee_name, grantee_code, purpose, scope, valid_until, channel,
                granted_at, attested_by, withdrawn_at, withdraw_reason from inquiry_authorization""";

    private Authorization map(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Authorization(rs.getLong("id"), SubjectKeys.read(rs, "subject"), rs.getString("grantee_name"), rs.getString("grantee_code"),
                rs.getString("purpose"), ReportScope.valueOf(rs.getString("scope")), rs.getObject("valid_until", LocalDate.class),
                rs.getString("channel"), rs.getTimestamp("granted_at").toInstant(), rs.getString("attested_by"),
                withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdraw_reason"));
    }

    private record Checked(String name, String code, String purpose) {
    }

    private Checked check(String granteeName, String granteeCode, String purpose, ReportScope scope, LocalDate validUntil) {
        String name = granteeName == null ? "" : granteeName.strip();
        if (name.isEmpty() || UnicodeText.longerThan(name, 200)) {
            throw ChengxinException.badRequest("INQUIRY_GRANTEE_REQUIRED", "请填写被授权的机构或个人名称（不超过 200 字）");
        }
        String code = granteeCode == null || granteeCode.isBlank() ? null : granteeCode.strip();
        // a code no organization can have is refused like one no organization has
        if (code != null && DepartmentCode.parse(code).flatMap(departments::find).isEmpty()) {
            throw ChengxinException.badRequest("INQUIRY_GRANTEE_UNKNOWN", "平台上没有编码为 " + code + " 的机构；外部机构或个人只填名称");
        }
        String why = purpose == null ? "" : purpose.strip();
        if (why.isEmpty() || UnicodeText.longerThan(why, 200)) {
            throw ChengxinException.badRequest("INQUIRY_PURPOSE_REQUIRED", "请写明授权查询的用途（不超过 200 字）");
        }
        if (scope != ReportScope.PUBLIC && scope != ReportScope.AUTHORIZED) {
            throw ChengxinException.badRequest("INQUIRY_SCOPE_INVALID", "授权范围只能是公开信息，或公开信息及授权查询信息");
        }
        LocalDate today = LocalDate.now(clock);
        if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(1))) {
            throw ChengxinException.badRequest("INQUIRY_VALIDITY_INVALID", "授权有效期须在今天至一年之内");
        }
        return new Checked(name, code, why);
    }

    static boolean isPdfOrImage(byte[] b) {
        boolean pdf = b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        return pdf || jpeg || png;
    }
}
