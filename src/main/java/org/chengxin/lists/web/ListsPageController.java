package org.chengxin.lists.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Candidate;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.domain.SeriousDishonestyCandidates.Proposal;
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
    private final PopulationRegister register;
    private final Citizens citizens;

    ListsPageController(SeriousDishonestyList list, Clock clock, Records records, Catalog catalog, PopulationRegister register,
            Citizens citizens) {
        this.list = list;
        this.clock = clock;
        this.records = records;
        this.catalog = catalog;
        this.register = register;
        this.citizens = citizens;
    }

    /** A record a candidate rests on, as the reviewer reads it before telling the person: what the decision was. */
    record BasisRecord(long id, long subjectId, String maskedId, String itemName, LocalDate decisionDate, String documentNumber,
            String severity, RecordSubstance substance, String collectionBasis) {
    }

    /** One candidate as a row of the list: what a reviewer needs to choose whom to read first. */
    record CandidateRow(long key, String maskedId, String name, List<String> itemNames, int recordCount, LocalDate earliest,
            List<String> reasons) {
    }

    /** The tabs of the page: candidates, notices awaiting a decision, entries in force, entries ended or dropped. */
    static final List<String> TABS = List.of("candidates", "notices", "entries", "ended");
    static final int PAGE_SIZE = 20;

    @GetMapping("/lists")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(defaultValue = "candidates") String tab,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String shown = TABS.contains(tab) ? tab : "candidates";
        List<Candidate> candidates = newestFirst(list.candidates(who.departmentCode()));
        List<ListEntry> entries = list.ofDepartment(who.departmentCode());
        List<ListEntry> notices = entries.stream().filter(ListEntry::noticed).toList();
        List<ListEntry> inForce = entries.stream().filter(ListEntry::active).toList();
        List<ListEntry> ended = entries.stream().filter(e -> !e.noticed() && !e.active()).toList();
        int total = switch (shown) {
            case "notices" -> notices.size();
            case "entries" -> inForce.size();
            case "ended" -> ended.size();
            default -> candidates.size();
        };
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, pages - 1));
        int from = current * PAGE_SIZE;
        int to = Math.min(total, from + PAGE_SIZE);
        model.addAttribute("tab", shown);
        model.addAttribute("counts", Map.of("candidates", candidates.size(), "notices", notices.size(), "entries", inForce.size(),
                "ended", ended.size()));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        if (shown.equals("candidates")) {
            model.addAttribute("rows", candidates.subList(from, to).stream().map(c -> row(c, who)).toList());
        } else {
            List<ListEntry> shownEntries = shown.equals("notices") ? notices : shown.equals("entries") ? inForce : ended;
            model.addAttribute("entries", shownEntries.subList(from, to));
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "lists/index";
    }

    /** A candidate in full: each record it rests on as decided, and the notice form prefilled from the catalog. */
    @GetMapping("/lists/candidates/{key}")
    String candidate(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long key, Model model, RedirectAttributes redirect) {
        Candidate c = candidateOf(who, key);
        if (c == null) {
            redirect.addFlashAttribute("error", ChengxinException.notFound("LIST_CANDIDATE_NOT_FOUND", "该候选不存在，或已告知、已列入"));
            return "redirect:/lists";
        }
        Map<Long, BasisRecord> basisRecords = new LinkedHashMap<>();
        c.recordIds().forEach(id -> records.findOfDepartment(id, who.departmentCode()).ifPresent(r -> basisRecords.put(id, basisRecord(r))));
        model.addAttribute("candidate", c);
        model.addAttribute("key", key);
        model.addAttribute("name", nameOf(basisRecords.values()));
        model.addAttribute("basisRecords", basisRecords);
        model.addAttribute("legalBasis", basisRecords.values().stream().map(BasisRecord::collectionBasis).filter(b -> b != null)
                .distinct().collect(Collectors.joining("；")));
        model.addAttribute("criteria", c.proposals().stream().map(Proposal::reason).distinct().collect(Collectors.joining("；")));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("inOneYear", LocalDate.now(clock).plusYears(1));
        return "lists/candidate";
    }

    /** The confirmation step: what the notice will say and what follows, before it is sent. */
    @PostMapping("/lists/notices/confirmation")
    String confirmation(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam long key, @RequestParam String subjectIndex,
            @RequestParam(required = false) List<String> recordIds, @RequestParam String documentNumber, @RequestParam String legalBasis,
            @RequestParam String criteria, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, Model model) {
        List<Long> ids = ids(recordIds);
        List<BasisRecord> chosen = new ArrayList<>();
        ids.forEach(id -> records.findOfDepartment(id, who.departmentCode()).ifPresent(r -> chosen.add(basisRecord(r))));
        model.addAttribute("key", key);
        model.addAttribute("subjectIndex", subjectIndex);
        model.addAttribute("chosen", chosen);
        model.addAttribute("name", nameOf(chosen));
        model.addAttribute("maskedId", chosen.isEmpty() ? null : chosen.get(0).maskedId());
        model.addAttribute("documentNumber", documentNumber);
        model.addAttribute("legalBasis", legalBasis);
        model.addAttribute("criteria", criteria);
        model.addAttribute("startDate", startDate);
        model.addAttribute("endDate", endDate);
        return "lists/confirm";
    }

    @PostMapping("/lists/notices")
    String notice(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam String subjectIndex,
            @RequestParam(required = false) Long key, @RequestParam(required = false) List<String> recordIds,
            @RequestParam String documentNumber, @RequestParam String legalBasis,
            @RequestParam String criteria, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, RedirectAttributes redirect) {
        try {
            ListEntry noticed = list.notice(who.departmentCode(),
                    new Decision(keyOrNull(subjectIndex), documentNumber, legalBasis, criteria, startDate, endDate, ids(recordIds)));
            redirect.addFlashAttribute("notice", "已向当事人发出认定告知（决定书 " + noticed.documentNumber() + "），陈述申辩期限至 "
                    + noticed.noticeDue() + "；期满或收到陈述申辩后方可作出认定");
            return "redirect:/lists?tab=notices";
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
            return key == null ? "redirect:/lists" : "redirect:/lists/candidates/" + key;
        }
    }

    private static List<Long> ids(List<String> recordIds) {
        return recordIds == null ? List.of() : recordIds.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    /** Newest first: the candidate whose latest record came last is read first. */
    private static List<Candidate> newestFirst(List<Candidate> candidates) {
        return candidates.stream().sorted(Comparator.comparingLong((Candidate c) -> c.recordIds().stream().mapToLong(Long::longValue)
                .max().orElse(0)).reversed()).toList();
    }

    /** A candidate's key is the lowest id of the records it rests on: a number of the department's own, never the person's. */
    private static long keyOf(Candidate c) {
        return c.recordIds().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private Candidate candidateOf(ChengxinPrincipal who, long key) {
        return list.candidates(who.departmentCode()).stream().filter(c -> keyOf(c) == key).findFirst().orElse(null);
    }

    private CandidateRow row(Candidate c, ChengxinPrincipal who) {
        List<BasisRecord> basis = new ArrayList<>();
        c.recordIds().forEach(id -> records.findOfDepartment(id, who.departmentCode()).ifPresent(r -> basis.add(basisRecord(r))));
        return new CandidateRow(keyOf(c), c.maskedId(), nameOf(basis),
                basis.stream().map(BasisRecord::itemName).distinct().toList(), c.recordIds().size(),
                basis.stream().map(BasisRecord::decisionDate).min(Comparator.naturalOrder()).orElse(null),
                c.proposals().stream().map(Proposal::reason).distinct().toList());
    }

    /** The registered name of the person the records are about, for the department that decided them; null when unknown. */
    private String nameOf(Collection<BasisRecord> basis) {
        return basis.stream().findFirst().flatMap(b -> register.nameOf(b.subjectId())).orElse(null);
    }

    @PostMapping("/lists/entries/{id}/decision")
    String decide(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, RedirectAttributes redirect) {
        try {
            ListEntry decided = list.decide(who.departmentCode(), id, startDate, endDate);
            redirect.addFlashAttribute("notice", "已依决定书 " + decided.documentNumber() + " 列入严重失信主体名单");
            return "redirect:/lists?tab=entries";
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
            return "redirect:/lists?tab=notices";
        }
    }

    @PostMapping("/lists/entries/{id}/drop")
    String drop(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            list.drop(who.departmentCode(), id, reason);
            redirect.addFlashAttribute("notice", "已决定不予列入，当事人将收到通知");
            return "redirect:/lists?tab=ended";
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
            return "redirect:/lists?tab=notices";
        }
    }

    private BasisRecord basisRecord(CreditRecord r) {
        Item item = catalog.versions().stream().filter(v -> v.id() == r.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(r.itemCode())).or(() -> catalog.item(r.itemCode())).orElse(null);
        return new BasisRecord(r.id(), r.subjectId(), citizens.findById(r.subjectId()).map(CitizenRef::maskedId).orElse(null), item == null ? r.itemCode() : item.name(),
                r.decisionDate(), r.documentNumber(),
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
            return "redirect:/lists?tab=ended";
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
            return "redirect:/lists?tab=entries";
        }
    }
}
