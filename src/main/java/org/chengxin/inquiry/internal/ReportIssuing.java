package org.chengxin.inquiry.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.CreditReports;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.inquiry.domain.QueryRules;
import org.chengxin.inquiry.domain.ReportCodes;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queries and the reports. A query is decided first by {@link QueryRules}; a refusal is written to
 * the query log and the audit trail in a transaction of its own and then thrown. An allowed query, its
 * report and its audit entry are written together.
 */
@Service
class ReportIssuing implements CreditReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Citizens citizens;
    private final PopulationRegister register;
    private final Departments departments;
    private final JdbcAuthorizations authorizations;
    private final JdbcQueryLog log;
    private final ActorNames names;
    private final JdbcIssuedReports issued;
    private final ReportAssembly assembly;
    private final QueryRules.Organizations organizations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReportIssuing(Citizens citizens, PopulationRegister register, Departments departments, AgencyBlacklist blacklist,
            JdbcAuthorizations authorizations, JdbcQueryLog log, ActorNames names, JdbcIssuedReports issued, ReportAssembly assembly,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.names = names;
        this.citizens = citizens;
        this.register = register;
        this.departments = departments;
        this.authorizations = authorizations;
        this.log = log;
        this.issued = issued;
        this.assembly = assembly;
        this.organizations = organizations(departments, blacklist);
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The person asked about: blind index and masked number. */
    private record Queried(SubjectKey key, String masked) {
    }

    @Override
    public CreditReport atWindow(IdNumber person, boolean presentAndIdentified, Long authorizationId, String purpose) {
        Actor clerk = CurrentActor.get();
        Queried subject = new Queried(citizens.subjectKeyOf(person), person.masked());
        String office = departmentName(clerk.department());
        if (QueryRules.personPresent(presentAndIdentified, authorizationId)) {
            Asker asker = Asker.personAtWindow(clerk, purpose);
            decide(subject, asker, () -> QueryRules.requirePurpose(purpose));
            return issue(subject, subjectId(person), ReportScope.SELF, asker, office);
        }
        Asker pending = Asker.granteeAtWindow(clerk, purpose, authorizationId);
        Authorization a = decide(subject, pending, () -> {
            long id = QueryRules.windowAuthorization(authorizationId);
            return usableAuthorization(subject, id, null);
        });
        Asker asker = Asker.granteeAtWindow(clerk, purpose, a);
        decide(subject, asker, () -> QueryRules.requirePurpose(purpose));
        return issue(subject, subjectId(person), a.scope(), asker, office);
    }

    @Override
    public CreditReport ofMyself(long subjectId, String purpose) {
        CitizenRef me = citizens.findById(subjectId)
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_SUBJECT_UNKNOWN", "找不到您的信用主体信息"));
        String why = purpose == null || purpose.isBlank() ? ReportLabels.SELF_QUERY_PURPOSE : purpose.strip();
        Asker asker = Asker.self(CurrentActor.get(), why);
        Queried subject = new Queried(me.subject(), me.maskedId());
        decide(subject, asker, () -> QueryRules.requirePurpose(why));
        return issue(subject, Optional.of(me.id()), ReportScope.SELF, asker, null);
    }

    @Override
    public CreditReport forDuty(IdNumber person, String duty, String purpose) {
        Actor actor = CurrentActor.get();
        Queried subject = new Queried(citizens.subjectKeyOf(person), person.masked());
        Department dept = departmentOf(actor);
        Asker asker = Asker.government(actor, dept, duty, purpose);
        decide(subject, asker, () -> {
            QueryRules.requireGovernmentDuty(dept, duty);
            QueryRules.requirePurpose(purpose);
        });
        return issue(subject, subjectId(person), ReportScope.GOVERNMENT, asker, dept.name());
    }

    @Override
    public CreditReport underAuthorization(IdNumber person, Long authorizationId, String purpose) {
        Actor actor = CurrentActor.get();
        Queried subject = new Queried(citizens.subjectKeyOf(person), person.masked());
        Department org = departmentOf(actor);
        Asker pending = Asker.system(actor, org, purpose, authorizationId);
        Authorization a = decide(subject, pending, () -> {
            long id = QueryRules.systemAuthorization(org, authorizationId);
            return usableAuthorization(subject, id, org.code().value());
        });
        Asker asker = Asker.system(actor, org, purpose, a);
        decide(subject, asker, () -> QueryRules.requirePurpose(purpose));
        return issue(subject, subjectId(person), a.scope(), asker, org.name());
    }

    @Override
    public Optional<CreditReport> issuedToMe(String reportNumber) {
        String number = reportNumber == null ? "" : reportNumber.strip();
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Long citizen = auth != null && auth.getPrincipal() instanceof ChengxinPrincipal p ? p.subjectId() : null;
        if (citizen != null) {
            // a citizen's name is their masked number, which others may share: match the person, not the name
            return citizens.findById(citizen).map(CitizenRef::subject).flatMap(subject -> issued.selfReport(number, subject));
        }
        // staff log in by a unique login name; a system by its client id
        return issued.reportTo(CurrentActor.get().name(), number);
    }

    // --- deciding -------------------------------------------------------------------------------

    private Authorization usableAuthorization(Queried subject, long id, String organizationCode) {
        return QueryRules.usableAuthorization(authorizations.find(id, subject.key()), organizationCode, LocalDate.now(clock),
                organizations);
    }

    private void decide(Queried subject, Asker asker, Runnable rules) {
        decide(subject, asker, () -> {
            rules.run();
            return null;
        });
    }

    /** Runs the rules of a query; a refusal is logged and audited before it is thrown. */
    private <T> T decide(Queried subject, Asker asker, Supplier<T> rules) {
        try {
            return rules.get();
        } catch (ChengxinException refusal) {
            throw logged(subject, asker, refusal);
        }
    }

    /** Logs and audits a refused query in its own transaction, and returns the refusal to throw. */
    private ChengxinException logged(Queried subject, Asker asker, ChengxinException refusal) {
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        transactions.executeWithoutResult(tx -> {
            log.add(subject.key(), subject.masked(), asker, names.of(actor), true, refusal.code(), null, now);
            events.publishEvent(AuditEvent.of(actor, now, "inquiry.query", subject.key(), asker.purpose(), AuditOutcome.DENIED,
                    asker.kind().label() + "被拒绝（" + refusal.code() + "）：" + refusal.getMessage()));
        });
        return refusal;
    }

    private static QueryRules.Organizations organizations(Departments departments, AgencyBlacklist blacklist) {
        return new QueryRules.Organizations() {
            @Override
            public Optional<DepartmentKind> kindOf(String code) {
                return DepartmentCode.parse(code).flatMap(departments::find).map(Department::kind);
            }

            @Override
            public boolean isBlacklisted(String code) {
                return blacklist.isBlacklisted(code);
            }

            @Override
            public boolean isStaffBlacklisted(String code, String name) {
                return blacklist.isStaffBlacklisted(code, name);
            }
        };
    }

    // --- issuing --------------------------------------------------------------------------------

    private Optional<Long> subjectId(IdNumber person) {
        return citizens.find(person).map(CitizenRef::id);
    }

    private CreditReport issue(Queried subject, Optional<Long> subjectId, ReportScope scope, Asker asker, String departmentName) {
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        String name = subjectId.flatMap(register::nameOf).orElse(ReportLabels.NAME_NOT_REGISTERED);
        return transactions.execute(tx -> {
            String number = ReportCodes.number(today, issued.nextSequence());
            String code = ReportCodes.verificationCode(random);
            long queryId = log.add(subject.key(), subject.masked(), asker, names.of(actor), false, null, number, now);
            CreditReport unhashed = assembly.assemble(subject.key(), subject.masked(), name, scope, asker, departmentName, number,
                    code, now, today);
            CreditReport report = withHash(unhashed, Sha256.hex(JSON.writeValueAsBytes(unhashed)));
            issued.store(report, subject.key(), subject.masked(), scope, queryId);
            events.publishEvent(AuditEvent.of(actor, now, "inquiry.query", subject.key(), asker.purpose(), AuditOutcome.SUCCESS,
                    asker.kind().label() + "，出具信用报告 " + number + "（" + scope.label() + "）"
                            + (asker.authorizationText() == null ? "" : "，" + asker.authorizationText())));
            return report;
        });
    }

    private static CreditReport withHash(CreditReport r, String hash) {
        return new CreditReport(r.reportNumber(), r.issuedAt(), r.validUntil(), r.verificationCode(), r.scope(), r.scopeLabel(),
                r.subject(), r.requester(), r.summary(), r.goodCredit(), r.dishonesty(), r.other(), r.queryLog(), hash);
    }

    private Department departmentOf(Actor actor) {
        return actor.department() == null ? null : departments.find(actor.department()).orElse(null);
    }

    private String departmentName(DepartmentCode code) {
        return code == null ? null : departments.find(code).map(Department::name).orElse(code.value());
    }
}
