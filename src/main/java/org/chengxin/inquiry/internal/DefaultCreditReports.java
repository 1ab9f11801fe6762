package org.chengxin.inquiry.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.QueryKind;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.UnicodeText;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.Standings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queries and the reports. A query is decided first (purpose, authorization, duty, blacklist); a
 * refusal is written to the query log and the audit trail in a transaction of its own and then
 * answered with its code. An allowed query, its report and its audit entry are written together.
 */
@Service
class DefaultCreditReports implements CreditReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final int VALID_DAYS = 30;
    private static final String OBJECTION_NOTE = "本条信息当事人已提出异议，正在核实处理中，处理结果以最终认定为准。";

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Standings standings;
    private final Records records;
    private final Catalog catalog;
    private final Departments departments;
    private final AgencyBlacklist blacklist;
    private final JdbcAuthorizations authorizations;
    private final QueryLog log;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DefaultCreditReports(JdbcClient jdbc, Citizens citizens, PopulationRegister register, Standings standings, Records records,
            Catalog catalog, Departments departments, AgencyBlacklist blacklist, JdbcAuthorizations authorizations, QueryLog log,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.register = register;
        this.standings = standings;
        this.records = records;
        this.catalog = catalog;
        this.departments = departments;
        this.blacklist = blacklist;
        this.authorizations = authorizations;
        this.log = log;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Who asks, as the query log records it. */
    private record Asker(QueryKind kind, String organization, String departmentCode, String clerk, String purpose,
            Long authorizationId, String authorizationText) {
    }

    @Override
    public CreditReport atWindow(IdNumber person, boolean presentAndIdentified, Long authorizationId, String purpose) {
        Actor clerk = CurrentActor.get();
        SubjectKey subject = citizens.subjectKeyOf(person);
        String office = departmentName(clerk.department());
        if (presentAndIdentified && authorizationId == null) {
            Asker asker = new Asker(QueryKind.WINDOW, "本人（窗口）", clerk.department(), clerk.name(), purpose(purpose), null,
                    "本人到场，经办人已核验身份证件");
            requirePurpose(subject, person.masked(), asker, purpose);
            return issue(subject, person.masked(), subjectId(person), ReportScope.SELF, asker, office);
        }
        Asker pending = new Asker(QueryKind.WINDOW, "（未指明）", clerk.department(), clerk.name(), purpose(purpose), authorizationId, null);
        if (authorizationId == null) {
            throw refuse(subject, person.masked(), pending, "INQUIRY_AUTHORIZATION_REQUIRED",
                    "本人未到场：须凭本人的有效授权查询（在线授权或在窗口登记的书面授权）");
        }
        Authorization a = usableAuthorization(subject, person.masked(), pending, authorizationId, null);
        Asker asker = new Asker(QueryKind.WINDOW, a.granteeName(), clerk.department(), clerk.name(), purpose(purpose), a.id(),
                describe(a));
        requirePurpose(subject, person.masked(), asker, purpose);
        return issue(subject, person.masked(), subjectId(person), a.scope(), asker, office);
    }

    @Override
    public CreditReport ofMyself(long subjectId, String purpose) {
        CitizenRef me = citizens.findById(subjectId)
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_SUBJECT_UNKNOWN", "找不到您的信用主体信息"));
        Actor actor = CurrentActor.get();
        String why = purpose == null || purpose.isBlank() ? "本人查询" : purpose.strip();
        Asker asker = new Asker(QueryKind.SELF, "本人", null, actor.name(), why, null, "本人登录查询");
        requirePurpose(me.subject(), me.maskedId(), asker, why);
        return issue(me.subject(), me.maskedId(), Optional.of(me.id()), ReportScope.SELF, asker, null);
    }

    @Override
    public CreditReport forDuty(IdNumber person, String duty, String purpose) {
        Actor actor = CurrentActor.get();
        SubjectKey subject = citizens.subjectKeyOf(person);
        Department dept = actor.department() == null ? null : departments.find(actor.department()).orElse(null);
        String org = dept == null ? "（无所属部门）" : dept.name();
        Asker asker = new Asker(QueryKind.GOVERNMENT, org, actor.department(), actor.name(), purpose(purpose), null,
                duty == null ? null : "履职依据：" + duty.strip());
        if (dept == null || dept.kind() == DepartmentKind.CREDIT_AGENCY || dept.kind() == DepartmentKind.ASSOCIATION) {
            throw refuse(subject, person.masked(), asker, "INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT", "政务共享查询仅限行政机关为履行法定职责使用");
        }
        if (duty == null || duty.isBlank() || UnicodeText.longerThan(duty.strip(), 200)) {
            throw refuse(subject, person.masked(), asker, "INQUIRY_DUTY_REQUIRED", "政务共享查询须写明所履行的法定职责（不超过 200 字）");
        }
        requirePurpose(subject, person.masked(), asker, purpose);
        return issue(subject, person.masked(), subjectId(person), ReportScope.GOVERNMENT, asker, dept.name());
    }

    @Override
    public CreditReport underAuthorization(IdNumber person, Long authorizationId, String purpose) {
        Actor actor = CurrentActor.get();
        SubjectKey subject = citizens.subjectKeyOf(person);
        Department org = actor.department() == null ? null : departments.find(actor.department()).orElse(null);
        Asker pending = new Asker(QueryKind.API, org == null ? actor.name() : org.name(), actor.department(), actor.name(),
                purpose(purpose), authorizationId, null);
        if (org == null) {
            throw refuse(subject, person.masked(), pending, "INQUIRY_ORGANIZATION_REQUIRED", "接入客户端未关联机构，不能授权查询");
        }
        if (authorizationId == null) {
            throw refuse(subject, person.masked(), pending, "INQUIRY_AUTHORIZATION_REQUIRED", "凭本人授权查询须给出授权编号 authorizationId");
        }
        Authorization a = usableAuthorization(subject, person.masked(), pending, authorizationId, org.code());
        Asker asker = new Asker(QueryKind.API, org.name(), org.code(), actor.name(), purpose(purpose), a.id(), describe(a));
        requirePurpose(subject, person.masked(), asker, purpose);
        return issue(subject, person.masked(), subjectId(person), a.scope(), asker, org.name());
    }

    @Override
    public Optional<CreditReport> issuedToMe(String reportNumber) {
        String number = reportNumber == null ? "" : reportNumber.strip();
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Long citizen = auth != null && auth.getPrincipal() instanceof ChengxinPrincipal p ? p.subjectId() : null;
        if (citizen != null) {
            // a citizen's name is their masked number, which others may share: match the person, not the name
            SubjectKey subject = citizens.findById(citizen).map(CitizenRef::subject).orElse(null);
            if (subject == null) {
                return Optional.empty();
            }
            return jdbc.sql("""
                    select r.content from inquiry_report r join inquiry_query q on q.id = r.query_id
                    where r.report_number = :n and r.subject_index = :s and q.kind = 'SELF'""")
                    .param("n", number).param("s", subject.bytes())
                    .query(String.class).optional().map(json -> JSON.readValue(json, CreditReport.class));
        }
        // staff log in by a unique login name; a system by its client id
        return jdbc.sql("""
                select r.content from inquiry_report r join inquiry_query q on q.id = r.query_id
                where r.report_number = :n and q.actor = :actor and q.kind <> 'SELF'""")
                .param("n", number).param("actor", CurrentActor.get().name())
                .query(String.class).optional().map(json -> JSON.readValue(json, CreditReport.class));
    }

    // --- deciding -------------------------------------------------------------------------------

    private Authorization usableAuthorization(SubjectKey subject, String masked, Asker asker, long id, String organizationCode) {
        // another person's authorization, or one not granted to the asking system's organization, is answered as a
        // missing one: neither whether it exists nor its state may tell the caller anything about the number
        Authorization a = authorizations.find(id, subject)
                .filter(found -> organizationCode == null || organizationCode.equals(found.granteeCode()))
                .orElseThrow(() -> refuse(subject, masked, asker, "INQUIRY_AUTHORIZATION_NOT_FOUND", organizationCode == null
                        ? "找不到当事人的该项授权" : "找不到当事人授予贵机构的该项授权"));
        LocalDate today = LocalDate.now(clock);
        if (!a.validOn(today)) {
            throw refuse(subject, masked, asker, "INQUIRY_AUTHORIZATION_INVALID", "该授权" + a.status(today) + "，不能据此查询");
        }
        if (a.granteeCode() != null && departments.find(a.granteeCode()).map(d -> d.kind() == DepartmentKind.CREDIT_AGENCY)
                .orElse(false) && blacklist.isBlacklisted(a.granteeCode())) {
            throw refuse(subject, masked, asker, "INQUIRY_AGENCY_BLACKLISTED", "该信用服务机构已被列入黑名单，不能查询");
        }
        if (organizationCode != null && blacklist.isBlacklisted(organizationCode)) {
            throw refuse(subject, masked, asker, "INQUIRY_AGENCY_BLACKLISTED", "贵机构已被列入信用服务机构黑名单，不能查询");
        }
        if (a.granteeCode() != null && blacklist.isStaffBlacklisted(a.granteeCode(), a.granteeName())) {
            throw refuse(subject, masked, asker, "INQUIRY_AGENCY_BLACKLISTED", "被授权人已被列入信用服务机构从业人员黑名单，不能查询");
        }
        return a;
    }

    private void requirePurpose(SubjectKey subject, String masked, Asker asker, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw refuse(subject, masked, asker, "INQUIRY_PURPOSE_REQUIRED", "查询须写明用途");
        }
        if (UnicodeText.longerThan(purpose.strip(), 200)) {
            throw refuse(subject, masked, asker, "INQUIRY_PURPOSE_REQUIRED", "查询用途不超过 200 字");
        }
    }

    private static String purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return "（未写明用途）";
        }
        String p = purpose.strip();
        return UnicodeText.truncate(p, 200);
    }

    private static String describe(Authorization a) {
        return ("PAPER".equals(a.channel()) ? "书面授权" : "在线授权") + " #" + a.id() + "（" + a.granteeName() + "，"
                + a.scope().label() + "，至 " + a.validUntil() + "）";
    }

    /** Logs and audits a refused query in its own transaction, and returns the exception to throw. */
    private ChengxinException refuse(SubjectKey subject, String masked, Asker asker, String code, String message) {
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        transactions.executeWithoutResult(tx -> {
            insertQuery(subject, masked, asker, true, code, null, now);
            events.publishEvent(AuditEvent.of(actor, now, "inquiry.query", subject, asker.purpose(), AuditOutcome.DENIED,
                    asker.kind().label() + "被拒绝（" + code + "）：" + message));
        });
        if (code.endsWith("_NOT_FOUND")) {
            return ChengxinException.notFound(code, message);
        }
        return code.equals("INQUIRY_AGENCY_BLACKLISTED") || code.equals("INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT")
                ? ChengxinException.forbidden(code, message) : ChengxinException.badRequest(code, message);
    }

    private long insertQuery(SubjectKey subject, String masked, Asker asker, boolean refused, String code, String reportNumber, Instant at) {
        return jdbc.sql("""
                insert into inquiry_query (subject_index, masked_id, kind, organization, department_code, actor, purpose,
                    authorization_id, refused, refusal_code, report_number, queried_at)
                values (:s, :masked, :kind, :org, :dept, :actor, :purpose, :auth, :refused, :code, :report, :at)
                returning id""")
                .param("s", subject.bytes()).param("masked", masked).param("kind", asker.kind().name())
                .param("org", UnicodeText.truncate(asker.organization(), 200))
                .param("dept", asker.departmentCode()).param("actor", asker.clerk()).param("purpose", asker.purpose())
                .param("auth", asker.authorizationId()).param("refused", refused).param("code", code).param("report", reportNumber)
                .param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    // --- issuing --------------------------------------------------------------------------------

    private Optional<Long> subjectId(IdNumber person) {
        return citizens.find(person).map(CitizenRef::id);
    }

    private CreditReport issue(SubjectKey subject, String masked, Optional<Long> subjectId, ReportScope scope, Asker asker,
            String departmentName) {
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        String name = subjectId.flatMap(register::nameOf).orElse("（人口信息库未登记姓名）");
        return transactions.execute(tx -> {
            long seq = jdbc.sql("select nextval('inquiry_report_seq')").query(Long.class).single();
            String number = "YYXY" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%08d", seq);
            String code = verificationCode();
            long queryId = insertQuery(subject, masked, asker, false, null, number, now);
            CreditReport unhashed = assemble(subject, masked, name, scope, asker, departmentName, number, code, now, today, null);
            String hash = Sha256.hex(JSON.writeValueAsBytes(unhashed));
            CreditReport report = withHash(unhashed, hash);
            jdbc.sql("""
                    insert into inquiry_report (report_number, verification_code, issued_at, valid_until, subject_index, masked_id,
                        scope, content_sha256, query_id, content)
                    values (:n, :code, :at, :until, :s, :masked, :scope, :hash, :query, cast(:content as jsonb))""")
                    .param("n", number).param("code", code).param("at", Timestamp.from(now)).param("until", report.validUntil())
                    .param("s", subject.bytes()).param("masked", masked).param("scope", scope.name()).param("hash", hash)
                    .param("query", queryId).param("content", JSON.writeValueAsString(report)).update();
            events.publishEvent(AuditEvent.of(actor, now, "inquiry.query", subject, asker.purpose(), AuditOutcome.SUCCESS,
                    asker.kind().label() + "，出具信用报告 " + number + "（" + scope.label() + "）"
                            + (asker.authorizationText() == null ? "" : "，" + asker.authorizationText())));
            return report;
        });
    }

    private static CreditReport withHash(CreditReport r, String hash) {
        return new CreditReport(r.reportNumber(), r.issuedAt(), r.validUntil(), r.verificationCode(), r.scope(), r.scopeLabel(),
                r.subject(), r.requester(), r.summary(), r.goodCredit(), r.dishonesty(), r.other(), r.queryLog(), hash);
    }

    private String verificationCode() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            b.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return b.toString();
    }

    /** The report as the scope allows: never a revoked, repaired or expired record, never an item outside the scope. */
    CreditReport assemble(SubjectKey subject, String masked, String name, ReportScope scope, Asker asker, String departmentName,
            String number, String code, Instant now, LocalDate today, String hash) {
        CreditStanding status = standings.of(subject);
        Map<Long, List<String>> statements = statementsOf(subject);
        Map<String, String> names = new HashMap<>();
        Function<String, String> nameOf = dept -> dept == null ? null
                : names.computeIfAbsent(dept, c -> departments.find(c).map(Department::name).orElse(c));
        List<CreditReport.ReportRecord> good = new ArrayList<>();
        List<CreditReport.ReportRecord> bad = new ArrayList<>();
        List<CreditReport.ReportRecord> other = new ArrayList<>();
        List<CreditRecord> shown = records.allFor(subject).stream()
                .filter(r -> r.status().counts() && r.expiresOn().isAfter(today))
                .filter(r -> scope.includes(r.scope()))
                .sorted(Comparator.comparing(CreditRecord::decisionDate).reversed().thenComparing(CreditRecord::id))
                .toList();
        for (CreditRecord r : shown) {
            var item = catalog.item(r.itemCode());
            CreditReport.ReportRecord line = new CreditReport.ReportRecord(r.id(), r.itemCode(),
                    item.map(i -> i.name()).orElse(r.itemCode()), severityLabel(r.severity()), r.departmentCode(),
                    nameOf.apply(r.departmentCode()), r.decisionDate(),
                    r.documentNumber(), item.map(i -> i.legalBasis().toString()).orElse(""), r.expiresOn().minusDays(1),
                    r.status() == RecordStatus.OBJECTED ? OBJECTION_NOTE : null, statements.getOrDefault(r.id(), List.of()));
            switch (r.kind()) {
                case "GOOD_CREDIT" -> good.add(line);
                case "DISHONESTY" -> bad.add(line);
                default -> other.add(line);
            }
        }
        bad.sort(Comparator.comparing((CreditReport.ReportRecord l) -> severityRank(l.severity()))
                .thenComparing(CreditReport.ReportRecord::decisionDate, Comparator.reverseOrder()));
        List<String> lists = status.lists().stream()
                .map(m -> m.listName() + "（" + nameOf.apply(m.departmentCode())
                        + " " + m.documentNumber() + "，" + m.startDate() + " 至 " + m.endDate() + "）")
                .toList();
        CreditReport.Summary summary = new CreditReport.Summary(status.grade(), status.gradeLabel(), status.points(),
                status.modelVersion(), status.threeYearsClean(), status.disputed(), lists, good.size(), bad.size(), other.size());
        List<CreditReport.QueryLine> queries = log.of(subject, now.minus(Duration.ofDays(731))).stream()
                .map(e -> new CreditReport.QueryLine(e.at(), e.organization(),
                        nameOf.apply(e.departmentCode()),
                        e.actor(), e.purpose(), e.kindLabel(), e.refused()))
                .toList();
        CreditReport.Requester requester = new CreditReport.Requester(asker.organization(), departmentName, asker.clerk(),
                asker.purpose(), asker.kind().label(), asker.authorizationText());
        return new CreditReport(number, now, today.plusDays(VALID_DAYS), code, scope.name(), scope.label(),
                new CreditReport.Subject(name, masked), requester, summary, good, bad, other, queries, hash);
    }

    private Map<Long, List<String>> statementsOf(SubjectKey subject) {
        Map<Long, List<String>> byRecord = new HashMap<>();
        jdbc.sql("select record_id, text from inquiry_statement where subject_index = :s and withdrawn_at is null "
                        + "order by created_at, id")
                .param("s", subject.bytes())
                .query(rs -> {
                    byRecord.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return byRecord;
    }

    private static String severityLabel(String severity) {
        return severity == null ? null : Severity.valueOf(severity).label();
    }

    /** Most severe first: the catalog's severities run from minor to serious. */
    private static int severityRank(String label) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(label)) {
                return Severity.values().length - 1 - s.ordinal();
            }
        }
        return Severity.values().length;
    }

    private String departmentName(String code) {
        return code == null ? null : departments.find(code).map(Department::name).orElse(code);
    }
}
