package org.chengxin.statements.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.statements.Statements;
import org.chengxin.statements.domain.StatementHistory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的本人声明: the person's records with their statement on each, its status (审核中 / 已公布 / 未通过 with the
 * reason) and every version; write or edit one (a new version, reviewed again) and withdraw it. The same form
 * opens in a dialog on every page that lists the person's records; without script, the button leads to the
 * record's own statement page.
 */
@Controller
class MyStatementsPageController {

    /** The pages a statement form may send the person back to (never an address taken from the request as it is). */
    private static final Set<String> BACK = Set.of("/my/statements", "/my/report", "/my/credit", "/my/objections");

    private final Statements statements;
    private final Citizens citizens;
    private final Records records;
    private final RecordLines lines;

    MyStatementsPageController(Statements statements, Citizens citizens, Records records, RecordLines lines) {
        this.statements = statements;
        this.citizens = citizens;
        this.records = records;
        this.lines = lines;
    }

    @GetMapping("/my/statements")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        CitizenRef me = me(who);
        Map<Long, StatementHistory> histories = statements.historiesOf(me.subject());
        Set<Long> shown = new LinkedHashSet<>();
        List<RecordLines.RecordLine> rows = new ArrayList<>();
        for (CreditRecord r : records.inForceFor(me.subject())) {
            shown.add(r.id());
            rows.add(lines.of(r, histories.getOrDefault(r.id(), StatementHistory.empty(me.subject(), r.id()))));
        }
        // a statement on a record no longer in force (expired, revoked, repaired) stays in the person's history
        histories.forEach((recordId, history) -> {
            if (!shown.contains(recordId)) {
                records.find(recordId).ifPresent(r -> rows.add(lines.of(r, history)));
            }
        });
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("rows", rows);
        return "statements/my-statements";
    }

    /** The statement of one record on a page of its own: where the dialog's button leads without script. */
    @GetMapping("/my/statements/records/{recordId}")
    String record(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long recordId,
            @RequestParam(required = false) String back, Model model) {
        CitizenRef me = me(who);
        CreditRecord record = records.find(recordId).filter(r -> r.subject().equals(me.subject()))
                .orElseThrow(() -> ChengxinException.notFound("STATEMENT_RECORD_NOT_FOUND", "您名下没有编号为 " + recordId + " 的记录"));
        model.addAttribute("maskedId", me.maskedId());
        model.addAttribute("row", lines.of(record, statements.historyOf(me.subject(), recordId)));
        model.addAttribute("back", backTo(back));
        return "statements/record";
    }

    @PostMapping("/my/statements")
    String submit(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) Long recordId,
            @RequestParam(required = false) String text, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        CitizenRef me = me(who);
        try {
            if (recordId == null) {
                throw ChengxinException.badRequest("STATEMENT_RECORD_NOT_FOUND", "请选择要声明的记录");
            }
            var added = statements.submit(me.subject(), recordId, text);
            redirect.addFlashAttribute("notice", "已提交记录 #" + recordId + " 的本人声明（第 " + added.version()
                    + " 版），平台审核通过后随记录显示。" + ("/my/report".equals(backTo(back)) ? "审核通过后重新生成信用报告即可看到。" : ""));
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
            redirect.addFlashAttribute("typedText", text);
            redirect.addFlashAttribute("typedRecord", recordId);
        }
        return "redirect:" + backTo(back);
    }

    @PostMapping("/my/statements/{id}/withdrawal")
    String withdraw(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        CitizenRef me = me(who);
        try {
            statements.withdraw(id, me.subject());
            redirect.addFlashAttribute("notice", "已撤回本人声明。此后的信用报告等不再显示该声明，原有版本仍保留在您的声明历史中。");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:" + backTo(back);
    }

    private static String backTo(String back) {
        return back != null && BACK.contains(back) ? back : "/my/statements";
    }

    private CitizenRef me(ChengxinPrincipal who) {
        return citizens.signedIn(who);
    }
}
