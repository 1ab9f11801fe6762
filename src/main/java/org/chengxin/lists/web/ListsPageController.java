package org.chengxin.lists.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.lists.Candidate;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department reviewer sees the machine's candidates, tells the person of an intended listing (告知), reads
 * their statement and decides or drops the listing, and removes entries with reasons.
 */
@Controller
class ListsPageController {

    private final SeriousDishonestyList list;
    private final Clock clock;
    private final Records records;
    private final Catalog catalog;

    ListsPageController(SeriousDishonestyList list, Clock clock, Records records, Catalog catalog) {
        this.list = list;
        this.clock = clock;
        this.records = records;
        this.catalog = catalog;
    }

    /** A record a candidate rests on, as the reviewer reads it before telling the person: what the decision was. */
    record BasisRecord(long id, String itemName, LocalDate decisionDate, String documentNumber, String severity,
            RecordSubstance substance, String collectionBasis) {
    }

    @GetMapping("/lists")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        List<Candidate> candidates = list.candidates(who.departmentCode());
        Map<Long, BasisRecord> basisRecords = new HashMap<>();
        candidates.forEach(c -> c.recordIds().forEach(id -> records.findOfDepartment(id, who.departmentCode())
                .ifPresent(r -> basisRecords.put(id, basisRecord(r)))));
        model.addAttribute("candidates", candidates);
        model.addAttribute("basisRecords", basisRecords);
        model.addAttribute("entries", list.ofDepartment(who.departmentCode()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("inOneYear", LocalDate.now(clock).plusYears(1));
        return "lists/index";
    }

    @PostMapping("/lists/notices")
    String notice(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam String subjectIndex,
            @RequestParam(required = false) List<String> recordIds, @RequestParam String documentNumber, @RequestParam String legalBasis,
            @RequestParam String criteria, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, RedirectAttributes redirect) {
        try {
            List<Long> ids = recordIds == null ? List.of() : recordIds.stream().flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::strip).filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
            ListEntry noticed = list.notice(who.departmentCode(),
                    new Decision(keyOrNull(subjectIndex), documentNumber, legalBasis, criteria, startDate, endDate, ids));
            redirect.addFlashAttribute("notice", "已向当事人发出认定告知（决定书 " + noticed.documentNumber() + "），陈述申辩期限至 "
                    + noticed.noticeDue() + "；期满或收到陈述申辩后方可作出认定");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/lists";
    }

    @PostMapping("/lists/entries/{id}/decision")
    String decide(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, RedirectAttributes redirect) {
        try {
            ListEntry decided = list.decide(who.departmentCode(), id, startDate, endDate);
            redirect.addFlashAttribute("notice", "已依决定书 " + decided.documentNumber() + " 列入严重失信主体名单");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/lists";
    }

    @PostMapping("/lists/entries/{id}/drop")
    String drop(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            list.drop(who.departmentCode(), id, reason);
            redirect.addFlashAttribute("notice", "已决定不予列入，当事人将收到通知");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/lists";
    }

    private BasisRecord basisRecord(CreditRecord r) {
        Item item = catalog.versions().stream().filter(v -> v.id() == r.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(r.itemCode())).or(() -> catalog.item(r.itemCode())).orElse(null);
        return new BasisRecord(r.id(), item == null ? r.itemCode() : item.name(), r.decisionDate(), r.documentNumber(),
                r.severity() == null ? null : Severity.valueOf(r.severity()).label(), RecordSubstance.of(item, r.content()),
                item == null ? null : item.legalBasis().toString());
    }

    /** A forged or damaged key names nobody: no record matches it, so the decision is refused for its records. */
    private static SubjectKey keyOrNull(String hex) {
        try {
            return SubjectKey.fromHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/lists/entries/{id}/removal")
    String remove(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam String reason,
            RedirectAttributes redirect) {
        try {
            list.remove(id, who.departmentCode(), reason);
            redirect.addFlashAttribute("notice", "已移出名单");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/lists";
    }
}
