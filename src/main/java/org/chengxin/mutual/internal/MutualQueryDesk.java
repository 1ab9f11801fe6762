package org.chengxin.mutual.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.identity.PopulationRegister.NameMatch;
import org.chengxin.mutual.MutualQueryAnswered;
import org.chengxin.mutual.domain.CrossRegionSharing;
import org.chengxin.mutual.domain.MutualQuery;
import org.chengxin.mutual.domain.SharedStatus;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.Standings;
import org.chengxin.statements.Statements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers another city's mutual query: only a system of an active external credit platform asks; a name given must be
 * the registered one; the person's standing is read, shared as {@link CrossRegionSharing} allows, and the answer logged
 * in the person's query log (through {@link MutualQueryAnswered}) and audited ({@code mutual.query}) in one transaction.
 */
@Service
public class MutualQueryDesk {

    static final String AUDIT_ACTION = "mutual.query";

    private final Clock clock;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Departments departments;
    private final Standings standings;
    private final Statements statements;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    MutualQueryDesk(Clock clock, Citizens citizens, PopulationRegister register, Departments departments, Standings standings,
            Statements statements, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.clock = clock;
        this.citizens = citizens;
        this.register = register;
        this.departments = departments;
        this.standings = standings;
        this.statements = statements;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * The answer, with what the other city needs to read it: the departments' names and the person's published statements.
     *
     * @param nameCheck MATCH (the name given is the registered one), NOT_REGISTERED (the register does not hold the person)
     *                  or NOT_GIVEN
     */
    public record Answer(String maskedId, MutualQuery query, String nameCheck, SharedStatus shared,
            Map<DepartmentCode, String> departmentNames, Map<Long, List<String>> statements) {
    }

    public Answer answer(MutualQuery query, IdNumber number, Actor actor) {
        Department platform = platformOf(actor);
        SubjectKey subject = citizens.subjectKeyOf(number);
        Instant now = Instant.now(clock);
        String nameCheck = query.name() == null ? "NOT_GIVEN" : register.checkName(number, query.name()).name();
        if (NameMatch.MISMATCH.name().equals(nameCheck)) {
            ChengxinException refused = ChengxinException.badRequest("MUTUAL_NAME_MISMATCH",
                    "所填姓名与人口基础信息中该身份证号码登记的姓名不一致，不予答复：请核对当事人的姓名和号码");
            // the refusal is the person's business too: logged as refused (never as answered), in a transaction of its own
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(logged(now, actor, subject, number, platform, query, null, refused.code()));
                events.publishEvent(AuditEvent.of(actor, now, AUDIT_ACTION, subject, query.purpose(), AuditOutcome.DENIED,
                        detail(platform, query) + "；拒绝（" + refused.code() + "）"));
            });
            throw refused;
        }
        // one transaction: the standing read, the entry of the person's query log and the audit entry written together
        return transactions.execute(tx -> {
            CreditStanding standing = standings.of(subject);
            SharedStatus shared = CrossRegionSharing.share(standing, number, LocalDate.now(clock));
            Map<Long, List<String>> stated = statements.publishedFor(subject);
            events.publishEvent(logged(now, actor, subject, number, platform, query, shared.summary(), null));
            events.publishEvent(AuditEvent.of(actor, now, AUDIT_ACTION, subject, query.purpose(), AuditOutcome.SUCCESS,
                    detail(platform, query) + "；答复：" + shared.summary()));
            return new Answer(number.masked(), query, nameCheck, shared, namesOf(shared), stated);
        });
    }

    /** The asking system's organization: an active external credit platform, or the query is refused. */
    private Department platformOf(Actor actor) {
        return (actor.department() == null ? Optional.<Department>empty() : departments.find(actor.department()))
                .filter(d -> d.kind() == DepartmentKind.EXTERNAL_PLATFORM && d.active())
                .orElseThrow(() -> ChengxinException.forbidden("MUTUAL_PLATFORM_REQUIRED",
                        "异地互查只向已登记且有效的外部信用平台开放：贵方接入客户端不属于外部信用平台"));
    }

    private static MutualQueryAnswered logged(Instant now, Actor actor, SubjectKey subject, IdNumber number, Department platform,
            MutualQuery query, String answer, String refusalCode) {
        return new MutualQueryAnswered(now, actor, subject, number.masked(), platform.name(), query.duty().code(),
                query.duty().label(), query.caseNumber(), query.purpose(), answer, refusalCode);
    }

    private static String detail(Department platform, MutualQuery query) {
        return platform.name() + "；事项 " + query.duty().label() + "（" + query.duty().code() + "）；办件编号 " + query.caseNumber();
    }

    private Map<DepartmentCode, String> namesOf(SharedStatus shared) {
        Map<DepartmentCode, String> names = new HashMap<>();
        Stream.concat(shared.lists().stream().map(CreditStanding.Listing::departmentCode),
                        Stream.concat(shared.dishonesty().stream(), shared.goodCredit().stream()).map(CreditStanding.RecordInForce::departmentCode))
                .distinct().forEach(code -> names.put(code, departments.find(code).map(Department::name).orElse(code.value())));
        return names;
    }
}
