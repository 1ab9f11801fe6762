package org.chengxin.lists.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PersonFilters;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.lists.Candidate;
import org.chengxin.lists.CandidateFilter;
import org.chengxin.lists.Decision;
import org.chengxin.lists.EntryFilter;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.ListEntryRow;
import org.chengxin.lists.NoticeFilter;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.domain.SeriousDishonestyCandidates.Proposal;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

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
    private final Departments departments;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final ListsExport exporter;
    private final ApplicationEventPublisher events;

    ListsPageController(SeriousDishonestyList list, Clock clock, Records records, Catalog catalog, PopulationRegister register,
            Citizens citizens, Departments departments, PersonLookups lookups, PersonFilters personFilters, ListsExport exporter,
            ApplicationEventPublisher events) {
        this.departments = departments;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.exporter = exporter;
        this.events = events;
        this.list = list;
        this.clock = clock;
        this.records = records;
        this.catalog = catalog;
        this.register = register;
        this.citizens = citizens;
    }

    /** A record a candidate rests on, as the reviewer reads it before telling the person: what the decision was. */
    record BasisRecord(long id, long subjectId, String maskedId, String itemCode, String itemName, LocalDate decisionDate, String documentNumber,
            String severity, RecordSubstance substance, String collectionBasis) {
    }

    /** An item in words, with its code for the tooltip. */
    record Named(String code, String name) {
    }

    /** One candidate as a row of the list: what a reviewer needs to choose whom to read first. */
    record CandidateRow(long key, String maskedId, String name, List<Named> items, int recordCount, LocalDate earliest,
            List<String> reasons) {

        public List<String> itemNames() {
            return items.stream().map(Named::name).toList();
        }
    }

    /** One entry as a row of the list: the entry, the person masked, the items of its records in words. */
    record EntryLine(ListEntry entry, String maskedId, String maskedName, List<Named> items) {

        /** The day the person was told (Beijing time); null for an entry without a notice. */
        public LocalDate noticedOn() {
            return entry.noticedAt() == null ? null : entry.noticedAt().atZone(BEIJING).toLocalDate();
        }
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The tabs of the page: candidates, notices awaiting a decision, entries in force, entries ended or dropped. */
    static final List<String> TABS = List.of("candidates", "notices", "entries", "ended");
    /** The candidates' sorts: the newest record first (default), the earliest record date, the number of records. */
    static final SortColumns CANDIDATE_SORT = SeriousDishonestyList.CANDIDATE_SORT;
    private static final String PURPOSE = "严重失信主体认定";

    @GetMapping("/lists")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(defaultValue = "candidates") String tab,
            @RequestParam Map<String, String> params, HttpSession session, Model model) {
        String shown = TABS.contains(tab) ? tab : "candidates";
        DepartmentCode dept = who.departmentCode();
        Map<String, String> itemNames = itemNames();
        ListsQuery query = ListsQuery.parse(shown, params, lookups.find(session, params.get("who")), itemNames.keySet());
        // the candidates' page counts them too: unfiltered, its total is the tab's count (one grouping of the department's
        // serious records fewer; over the city's records each takes about 0.2 s)
        PageResult<Candidate> candidates = shown.equals("candidates")
                ? list.candidates(dept, query.candidateFilter(), pageRequest(params, CANDIDATE_SORT)) : null;
        long allCandidates = candidates != null && CandidateFilter.NONE.equals(query.candidateFilter()) ? candidates.total()
                : list.countCandidates(dept);
        long notices = list.notices(dept, NoticeFilter.NONE, PageRequest.of(1, 20, null, null, SeriousDishonestyList.NOTICE_SORT)).total();
        long inForce = list.entries(dept, EntryFilter.inForce(), PageRequest.of(1, 20, null, null, SeriousDishonestyList.ENTRY_SORT)).total();
        long ended = list.entries(dept, EntryFilter.endedOrDropped(), PageRequest.of(1, 20, null, null, SeriousDishonestyList.ENTRY_SORT)).total();
        model.addAttribute("tab", shown);
        model.addAttribute("counts", Map.of("candidates", allCandidates, "notices", notices, "entries", inForce,
                "ended", ended));
        if (shown.equals("candidates")) {
            List<CandidateRow> rows = candidates.items().stream().map(c -> row(c, who)).toList();
            Listing<CandidateRow> listing = Listing.of(new PageResult<>(rows, candidates.total(), candidates.request()), "/lists",
                    query.params());
            model.addAttribute("listing", listing);
            model.addAttribute("rows", rows);
            model.addAttribute("exportUrl", listing.urlOf("/lists/candidates/export.xlsx"));
        } else if (shown.equals("notices")) {
            PageResult<ListEntryRow> result = list.notices(dept, query.noticeFilter(), pageRequest(params, SeriousDishonestyList.NOTICE_SORT));
            List<EntryLine> lines = entryLines(result.items(), itemNames);
            Listing<EntryLine> listing = Listing.of(new PageResult<>(lines, result.total(), result.request()), "/lists", query.params());
            model.addAttribute("listing", listing);
            model.addAttribute("lines", lines);
            model.addAttribute("exportUrl", listing.urlOf("/lists/notices/export.xlsx"));
        } else {
            PageRequest request = pageRequest(params, SeriousDishonestyList.ENTRY_SORT);
            PageResult<ListEntryRow> result = list.entries(dept, query.entryFilter(), request);
            List<EntryLine> lines = entryLines(result.items(), itemNames);
            Listing<EntryLine> listing = Listing.of(new PageResult<>(lines, result.total(), request), "/lists", query.params());
            model.addAttribute("listing", listing);
            model.addAttribute("lines", lines);
            model.addAttribute("exportUrl", listing.urlOf("/lists/entries/export.xlsx"));
        }
        model.addAttribute("query", query);
        model.addAttribute("described", query.describe(itemNames));
        model.addAttribute("items", filterItems(itemNames));
        model.addAttribute("department", departments.find(dept).map(Department::name).orElse("本部门"));
        model.addAttribute("departmentCode", dept.value());
        model.addAttribute("today", LocalDate.now(clock));
        return "lists/index";
    }

    /** The filter form: the ID number and the name come in this POST body only and leave as a token. */
    @PostMapping("/lists/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        String tab = form.getOrDefault("tab", "candidates");
        if (!"candidates".equals(tab) && !"notices".equals(tab)) {
            tab = "ended".equals(form.get("status")) ? "ended" : "entries";
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tab", tab);
        for (String key : List.of("item", "from", "to", "endFrom", "endTo", "state", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumberOrName(session, form);
        if (person.hasError()) {
            redirect.addFlashAttribute("filterError", person.error());
        }
        params.put("who", person.token());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/lists");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v.strip());
            }
        });
        return "redirect:" + url.encode().build().toUriString();
    }

    static final String[] CANDIDATE_HEADER = {"候选编号", "当事人姓名", "身份证号", "涉及事项", "记录数", "最早决定日期", "候选理由"};
    static final String[] ENTRY_HEADER = {"编号", "当事人姓名", "身份证号", "涉及事项", "决定书", "法律依据", "开始日期", "结束日期", "状态",
            "结束原因"};

    /** The candidates as filtered and sorted, as XLSX (streamed); the person masked. Audited. */
    @GetMapping("/lists/candidates/export.xlsx")
    void exportCandidates(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        Map<String, String> itemNames = itemNames();
        ListsQuery query = ListsQuery.parse("candidates", params, lookups.find(session, params.get("who")), itemNames.keySet());
        attachment(response, "严重失信主体认定候选-" + LocalDate.now(clock) + ".xlsx");
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try (ListsExport.Sheet1 sheet = exporter.sheet("候选", CANDIDATE_HEADER)) {
            PageRequest order = pageRequest(params, CANDIDATE_SORT);
            List<Candidate> kept = list.candidates(who.departmentCode(), query.candidateFilter(), order, ListsExport.MAX_ROWS);
            for (int i = 0; i < kept.size(); i += ListsExport.CHUNK) {
                List<Candidate> chunk = kept.subList(i, Math.min(kept.size(), i + ListsExport.CHUNK));
                Map<Long, String> names = maskedNames(chunk.stream().map(Candidate::subjectId).toList());
                sheet.add(chunk.stream().map(c -> List.<Object>of(keyOf(c), names.getOrDefault(c.subjectId(), "—"), c.maskedId(),
                        String.join("、", named(c.itemCodes(), itemNames).stream().map(Named::name).toList()), c.recordIds().size(),
                        c.earliest() == null ? "" : c.earliest().toString(),
                        c.proposals().stream().map(Proposal::reason).distinct().collect(Collectors.joining("；")))).toList());
            }
            sheet.leftOut(kept.size() < ListsExport.MAX_ROWS ? 0
                    : list.candidates(who.departmentCode(), query.candidateFilter(), order.withPage(0)).total() - kept.size());
            sheet.writeTo(response.getOutputStream());
            written = sheet.written();
            outcome = AuditOutcome.SUCCESS;
        } finally {
            audit("lists.candidates-export", outcome, "导出严重失信主体认定候选 " + written + " 条（XLSX，身份证号和姓名已遮蔽）；筛选："
                    + query.describe(itemNames));
        }
    }

    /** The entries (in force, or ended and dropped) as filtered and sorted, as XLSX (streamed); the person masked. Audited. */
    @GetMapping("/lists/entries/export.xlsx")
    void exportEntries(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        Map<String, String> itemNames = itemNames();
        String tab = "ended".equals(params.get("tab")) ? "ended" : "entries";
        ListsQuery query = ListsQuery.parse(tab, params, lookups.find(session, params.get("who")), itemNames.keySet());
        attachment(response, "严重失信主体名单" + ("ended".equals(tab) ? "（已结束）-" : "-") + LocalDate.now(clock) + ".xlsx");
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try (ListsExport.Sheet1 sheet = exporter.sheet("ended".equals(tab) ? "已结束或不予列入" : "名单中（有效）", ENTRY_HEADER)) {
            List<ListEntryRow> chunk = new ArrayList<>();
            list.eachEntry(who.departmentCode(), query.entryFilter(), pageRequest(params, SeriousDishonestyList.ENTRY_SORT),
                    ListsExport.MAX_ROWS, r -> {
                        chunk.add(r);
                        if (chunk.size() == ListsExport.CHUNK) {
                            sheet.add(entrySheetLines(chunk, itemNames));
                            chunk.clear();
                        }
                    });
            sheet.add(entrySheetLines(chunk, itemNames));
            written = sheet.written();
            long total = list.entries(who.departmentCode(), query.entryFilter(),
                    PageRequest.of(1, 20, null, null, SeriousDishonestyList.ENTRY_SORT)).total();
            sheet.leftOut(total - written);
            sheet.writeTo(response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            audit("lists.entries-export", outcome, "导出严重失信主体名单 " + written + " 条（XLSX，身份证号和姓名已遮蔽）；筛选："
                    + query.describe(itemNames));
        }
    }

    static final String[] NOTICE_HEADER = {"编号", "当事人姓名", "身份证号", "涉及事项", "决定书", "法律依据", "拟列入期限", "告知日期",
            "陈述申辩期限", "陈述申辩情况"};

    /** The open notices as filtered and sorted, as XLSX (streamed); the person masked, the statement's state in words. Audited. */
    @GetMapping("/lists/notices/export.xlsx")
    void exportNotices(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        Map<String, String> itemNames = itemNames();
        ListsQuery query = ListsQuery.parse("notices", params, lookups.find(session, params.get("who")), itemNames.keySet());
        attachment(response, "严重失信主体认定告知-" + LocalDate.now(clock) + ".xlsx");
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        LocalDate today = LocalDate.now(clock);
        try (ListsExport.Sheet1 sheet = exporter.sheet("已告知待认定", NOTICE_HEADER)) {
            List<ListEntryRow> chunk = new ArrayList<>();
            list.eachNotice(who.departmentCode(), query.noticeFilter(), pageRequest(params, SeriousDishonestyList.NOTICE_SORT),
                    ListsExport.MAX_ROWS, r -> {
                        chunk.add(r);
                        if (chunk.size() == ListsExport.CHUNK) {
                            sheet.add(noticeSheetLines(chunk, itemNames, today));
                            chunk.clear();
                        }
                    });
            sheet.add(noticeSheetLines(chunk, itemNames, today));
            written = sheet.written();
            long total = list.notices(who.departmentCode(), query.noticeFilter(),
                    PageRequest.of(1, 20, null, null, SeriousDishonestyList.NOTICE_SORT)).total();
            sheet.leftOut(total - written);
            sheet.writeTo(response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            audit("lists.notices-export", outcome, "导出严重失信主体认定告知 " + written + " 条（XLSX，身份证号和姓名已遮蔽）；筛选："
                    + query.describe(itemNames));
        }
    }

    private List<List<Object>> noticeSheetLines(List<ListEntryRow> rows, Map<String, String> itemNames, LocalDate today) {
        return entryLines(rows, itemNames).stream().map(l -> List.<Object>of(l.entry().id(), l.maskedName(), l.maskedId(),
                String.join("、", l.items().stream().map(Named::name).toList()), l.entry().documentNumber(), l.entry().legalBasis(),
                l.entry().startDate() + " 至 " + l.entry().endDate(), String.valueOf(l.noticedOn()), l.entry().noticeDue().toString(),
                stateOf(l.entry(), today).label())).toList();
    }

    /** Where a notice's statement stands today, as the page says it. */
    static NoticeFilter.State stateOf(ListEntry e, LocalDate today) {
        return e.statement() != null ? NoticeFilter.State.STATED
                : today.isAfter(e.noticeDue()) ? NoticeFilter.State.LAPSED : NoticeFilter.State.OPEN;
    }

    private List<List<Object>> entrySheetLines(List<ListEntryRow> rows, Map<String, String> itemNames) {
        return entryLines(rows, itemNames).stream().map(l -> List.<Object>of(l.entry().id(), l.maskedName(), l.maskedId(),
                String.join("、", l.items().stream().map(Named::name).toList()), l.entry().documentNumber(), l.entry().legalBasis(),
                l.entry().startDate().toString(), l.entry().endDate().toString(), l.entry().statusLabel(),
                l.entry().endReason() == null ? "" : l.entry().endReason())).toList();
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(ListsExport.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void audit(String action, AuditOutcome outcome, String detail) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), action, null, PURPOSE, outcome,
                detail.length() <= 500 ? detail : detail.substring(0, 499) + "…"));
    }

    private static PageRequest pageRequest(Map<String, String> params, SortColumns columns) {
        return PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"), params.get("dir"), columns);
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every item of the catalog, code to name (the records of a candidate or an entry may be of any version's items). */
    private Map<String, String> itemNames() {
        Map<String, String> names = new LinkedHashMap<>();
        catalog.versions().forEach(v -> v.allItems().forEach(i -> names.putIfAbsent(i.code(), i.name())));
        catalog.current().allItems().forEach(i -> names.put(i.code(), i.name()));
        return names;
    }

    /** The items the filter offers: the dishonesty items of the current catalog. */
    private List<Named> filterItems(Map<String, String> itemNames) {
        return catalog.current().allItems().stream().filter(i -> i.kind() == ItemKind.DISHONESTY)
                .map(i -> new Named(i.code(), i.name())).toList();
    }

    private static List<Named> named(List<String> codes, Map<String, String> itemNames) {
        return codes.stream().map(c -> new Named(c, itemNames.getOrDefault(c, c))).toList();
    }

    private Map<Long, String> maskedNames(List<Long> subjectIds) {
        Map<Long, String> names = new HashMap<>();
        register.namesOf(subjectIds.stream().filter(id -> id > 0).toList()).forEach((id, name) -> names.put(id, Masking.name(name)));
        return names;
    }

    /** The lines of some entries: the masked numbers and names looked up in one query each. */
    private List<EntryLine> entryLines(List<ListEntryRow> rows, Map<String, String> itemNames) {
        List<Long> ids = rows.stream().map(ListEntryRow::subjectId).filter(id -> id > 0).toList();
        Map<Long, String> maskedIds = ids.isEmpty() ? Map.of() : citizens.maskedIds(ids);
        Map<Long, String> names = ids.isEmpty() ? Map.of() : maskedNames(ids);
        return rows.stream().map(r -> new EntryLine(r.entry(), maskedIds.getOrDefault(r.subjectId(), "—"),
                names.getOrDefault(r.subjectId(), "—"), named(r.itemCodes(), itemNames))).toList();
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

    /** A candidate's key is the lowest id of the records it rests on: a number of the department's own, never the person's. */
    private static long keyOf(Candidate c) {
        return c.recordIds().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private Candidate candidateOf(ChengxinPrincipal who, long key) {
        return list.candidate(who.departmentCode(), key).orElse(null);
    }

    private CandidateRow row(Candidate c, ChengxinPrincipal who) {
        List<BasisRecord> basis = new ArrayList<>();
        c.recordIds().forEach(id -> records.findOfDepartment(id, who.departmentCode()).ifPresent(r -> basis.add(basisRecord(r))));
        return new CandidateRow(keyOf(c), c.maskedId(), nameOf(basis),
                basis.stream().map(b -> new Named(b.itemCode(), b.itemName())).distinct().toList(), c.recordIds().size(),
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
        return new BasisRecord(r.id(), r.subjectId(), citizens.findById(r.subjectId()).map(CitizenRef::maskedId).orElse(null), r.itemCode(), item == null ? r.itemCode() : item.name(),
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
