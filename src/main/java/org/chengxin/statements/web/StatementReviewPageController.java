package org.chengxin.statements.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.statements.Statements;
import org.chengxin.statements.domain.OwnStatement;
import org.chengxin.statements.domain.RejectionGround;
import org.chengxin.statements.domain.StatementHistory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 本人声明审核: the platform's staff read each statement under review beside its record, with the automatic
 * pre-check's hints and what is shown today, and publish it or reject it for a named ground. Reading the
 * queue is a read of people's data: audited.
 */
@Controller
class StatementReviewPageController {

    private final Statements statements;
    private final Records records;
    private final Citizens citizens;
    private final RecordLines lines;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementReviewPageController(Statements statements, Records records, Citizens citizens, RecordLines lines,
            ApplicationEventPublisher events, Clock clock) {
        this.statements = statements;
        this.records = records;
        this.citizens = citizens;
        this.lines = lines;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/statements/review")
    String page(Model model) {
        List<ReviewCase> queue = statements.pending().stream().map(this::reviewCase).toList();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "statements.review-view", null, "本人声明审核",
                AuditOutcome.SUCCESS, "查看待审核的本人声明（" + queue.size() + " 件）"));
        model.addAttribute("queue", queue);
        model.addAttribute("grounds", RejectionGround.values());
        return "statements/review";
    }

    @PostMapping("/statements/review/{id}/publication")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            statements.publish(id);
            redirect.addFlashAttribute("notice", "本人声明 #" + id + " 已公布，随记录显示");
        } catch (ChengxinException refused) {
            redirect.addFlashAttribute("error", refused);
        }
        return "redirect:/statements/review";
    }

    @PostMapping("/statements/review/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String ground, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            statements.reject(id, groundOf(ground), reason);
            redirect.addFlashAttribute("notice", "本人声明 #" + id + " 不予公布，已告知当事人理由");
        } catch (ChengxinException refused) {
            redirect.addFlashAttribute("error", refused);
        }
        return "redirect:/statements/review";
    }

    private ReviewCase reviewCase(OwnStatement s) {
        CreditRecord record = records.find(s.recordId()).orElse(null);
        StatementHistory history = statements.historyOf(s.subject(), s.recordId());
        String masked = record == null ? "—" : citizens.findById(record.subjectId()).map(CitizenRef::maskedId).orElse("—");
        return new ReviewCase(s, record == null ? null : lines.of(record, history), masked,
                history.shown().stream().map(OwnStatement::text).toList());
    }

    private static RejectionGround groundOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return RejectionGround.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A version under review with what the reviewer reads beside it: the record, the person's masked number, what is shown now. */
    record ReviewCase(OwnStatement statement, RecordLines.RecordLine record, String maskedId, List<String> shownNow) {
    }
}
