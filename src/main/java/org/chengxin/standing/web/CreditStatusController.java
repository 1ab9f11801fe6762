package org.chengxin.standing.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.text.MaxChars;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.CreditStatusQueried;
import org.chengxin.standing.Standings;
import org.chengxin.statements.Statements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's credit status for a department system (scope {@code reports:read}). The number travels in
 * the body; every answer is audited under the person's blind index with the purpose the caller gave and
 * written to the person's query log (through {@link CreditStatusQueried}, heard by {@code inquiry} in the
 * same transaction); a credit agency on the blacklist is refused, and the refusal logged as refused.
 */
@RestController
@Tag(name = "信用状况", description = "查询个人信用等级、积分、名单状态")
class CreditStatusController {

    private final Clock clock;
    private final Citizens citizens;
    private final Standings standings;
    private final ApplicationEventPublisher events;
    private final Statements statements;
    private final AgencyBlacklist blacklist;
    private final TransactionTemplate transactions;

    CreditStatusController(Clock clock, Citizens citizens, Standings standings, ApplicationEventPublisher events,
            Statements statements, AgencyBlacklist blacklist, TransactionTemplate transactions) {
        this.statements = statements;
        this.clock = clock;
        this.citizens = citizens;
        this.standings = standings;
        this.events = events;
        this.blacklist = blacklist;
        this.transactions = transactions;
    }

    @ApiAnswers(scopes = "reports:read")
    @PostMapping("/api/v1/credit-status")
    @Operation(summary = "查询个人信用状况", description = "号码与查询用途放在请求体中（不得放入 URL）。返回信用等级、积分、"
            + "所在名单、连续三年无不良记录标志、异议标志和有效的优良信用记录（附当事人已公布的本人声明）；每次查询均记入审计日志"
            + "和当事人的查询记录（谁查询了我）。列入信用服务机构黑名单的机构的查询被拒绝（AGENCY_BLACKLISTED）。")
    StatusResponse status(@RequestBody @Validated StatusRequest request) {
        String purpose = request.purpose() == null ? "" : request.purpose().strip();
        if (purpose.isEmpty()) {
            throw ChengxinException.badRequest("CREDIT_STATUS_PURPOSE_REQUIRED", "请填写查询用途（purpose），查询将以该用途记入审计日志");
        }
        // an invalid number is answered by the shared problem handler, with every error's code and never the number
        IdNumber number = IdNumber.parse(request.idNumber(), clock);
        SubjectKey subject = citizens.subjectKeyOf(number);
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        try {
            // a system has no named member of staff: only the organization itself can be listed
            blacklist.refuseIfListed(actor.department(), null);
        } catch (ChengxinException refused) {
            // the refusal is the person's business too: logged as refused (never as answered), in a transaction of its own
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(new CreditStatusQueried(now, actor, subject, number.masked(), purpose, refused.code()));
                events.publishEvent(AuditEvent.of(actor, now, "lists.credit-status", subject, purpose, AuditOutcome.DENIED,
                        "拒绝（" + refused.code() + "）：" + refused.getMessage()));
            });
            throw refused;
        }
        // one transaction: the standing read, the entry of the person's query log and the audit entry written together
        return transactions.execute(tx -> {
            CreditStanding s = standings.of(subject);
            Map<Long, List<String>> stated = statements.publishedFor(subject);
            events.publishEvent(new CreditStatusQueried(now, actor, subject, number.masked(), purpose, null));
            // the action keeps the name it was first audited under, so the trail reads the same before and after
            events.publishEvent(AuditEvent.of(actor, now, "lists.credit-status", subject, purpose,
                    AuditOutcome.SUCCESS, "等级 " + s.grade() + "，积分 " + s.points() + "，名单 " + s.lists().size() + " 个"));
            return new StatusResponse(number.masked(), s.day().toString(), s.modelVersion(), s.grade(), s.gradeLabel(), s.points(),
                    s.threeYearsClean(), s.disputed(), s.recordsCounted(), s.seriouslyDishonest(),
                    s.lists().stream().map(m -> new ListMembership(m.list(), m.listName(), m.entryId(), m.departmentCode(),
                            m.documentNumber(), m.startDate().toString(), m.endDate().toString())).toList(),
                    s.goodCredit().stream().map(g -> new GoodCreditRecord(g.recordId(), g.itemCode(), g.itemName(), g.departmentCode(),
                            g.documentNumber(), g.decisionDate().toString(), g.lastDay().toString(),
                            stated.getOrDefault(g.recordId(), List.of()))).toList());
        });
    }

    record StatusRequest(@NotNull(message = "idNumber 不能为空") @MaxChars(value = 64, message = "idNumber 过长") String idNumber,
            @MaxChars(value = 200, message = "purpose 不能超过 200 个字符") String purpose) {
    }

    record StatusResponse(String idNumber, String asOf, String modelVersion, String grade, String gradeLabel, int points,
            boolean threeYearsClean, boolean disputed, int recordsCounted, boolean seriouslyDishonest,
            List<ListMembership> lists, List<GoodCreditRecord> goodCredit) {
    }

    /** A good-credit record in force, with the person's own statements (本人声明) published about it. */
    record GoodCreditRecord(long recordId, String itemCode, String itemName, DepartmentCode departmentCode, String documentNumber,
            String decisionDate, String lastDay, List<String> statements) {
    }

    record ListMembership(String list, String listName, long entryId, DepartmentCode departmentCode, String documentNumber,
            String startDate, String endDate) {
    }
}
