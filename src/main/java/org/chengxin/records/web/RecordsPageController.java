package org.chengxin.records.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PersonFilters;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordListRow;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
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
 * The data officer browses the records the department pushed (ID numbers masked), opens one with
 * its versions, and revokes it with a reason. Every page view is a read of people's data: audited.
 */
@Controller
class RecordsPageController {

    private final Records records;
    private final Citizens citizens;
    private final Catalog catalog;
    private final PopulationRegister register;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final RecordsExport exporter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordsPageController(Records records, Citizens citizens, Catalog catalog, PopulationRegister register, PersonLookups lookups, PersonFilters personFilters,
            RecordsExport exporter, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.citizens = citizens;
        this.catalog = catalog;
        this.register = register;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.exporter = exporter;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/records")
    String list(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            Model model) {
        RecordsQuery query = query(params, session);
        PageRequest request = pageRequest(params);
        PageResult<RecordListRow> page = records.listOfDepartment(query.filter(who.departmentCode()), request);
        Map<String, String> itemNames = itemNames();
        String described = query.describe(itemNames);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "records.browse", null, "核对本部门报送的记录",
                AuditOutcome.SUCCESS, AuditText.cut("查看本部门记录第 " + page.number() + " 页（" + page.items().size() + " 条，共 "
                        + page.total() + " 条）；筛选：" + described)));
        List<Long> subjectIds = page.items().stream().map(RecordListRow::subjectId).toList();
        Map<Long, String> maskedIds = citizens.maskedIds(subjectIds);
        Map<Long, String> maskedNames = new HashMap<>();
        register.namesOf(subjectIds).forEach((id, name) -> maskedNames.put(id, Masking.name(name)));
        model.addAttribute("listing", Listing.of(page, "/records", query.params()));
        model.addAttribute("query", query);
        model.addAttribute("described", described);
        model.addAttribute("maskedIds", maskedIds);
        model.addAttribute("maskedNames", maskedNames);
        model.addAttribute("itemNames", itemNames);
        model.addAttribute("items", new TreeMap<>(itemNames));
        model.addAttribute("statuses", RecordStatus.values());
        model.addAttribute("exportUrl", Listing.of(page, "/records", query.params()).urlOf("/records/export.xlsx"));
        return "records/index";
    }

    /**
     * The filter form: the person's ID number and name come in this POST body only; what they match is kept in the
     * session under a token (PersonLookups), and the browser is sent to the list with the token, never the number
     * or the name, in the address.
     */
    @PostMapping("/records/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : List.of("item", "status", "date", "from", "to", "doc", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumberOrName(session, form);
        if (person.hasError()) {
            redirect.addFlashAttribute("filterError", person.error());
        }
        params.put("who", person.token());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/records");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v.strip());
            }
        });
        return "redirect:" + url.encode().build().toUriString();
    }

    /**
     * The filtered rows as an XLSX file, streamed (SXSSF: a window of rows in memory, the rest on disk until the
     * file is sent; the rows come from a database cursor). ID numbers and names masked: no role of this page may see
     * more. Audited with the filter and the number of rows.
     */
    @GetMapping("/records/export.xlsx")
    void export(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> params, HttpSession session,
            HttpServletResponse response) throws IOException {
        RecordsQuery query = query(params, session);
        PageRequest order = pageRequest(params);
        Map<String, String> itemNames = itemNames();
        String fileName = "本部门信用记录-" + LocalDate.now(clock) + ".xlsx";
        XlsxExports.attach(response, fileName);
        long[] written = {0};
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written[0] = exporter.write(query.filter(who.departmentCode()), order, itemNames, response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "records.export", null, "核对本部门报送的记录",
                    outcome, AuditText.cut("导出本部门记录 " + written[0] + " 条（XLSX，身份证号和姓名已遮蔽）；筛选："
                            + query.describe(itemNames))));
        }
    }

    private RecordsQuery query(Map<String, String> params, HttpSession session) {
        return RecordsQuery.parse(params, lookups.find(session, params.get("who")));
    }

    private static PageRequest pageRequest(Map<String, String> params) {
        return PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"), params.get("dir"),
                Records.LIST_SORT);
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/records/{id}")
    String detail(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, Model model) {
        CreditRecord record = ownRecord(who, id);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "records.view", record.subject(),
                "核对本部门报送的记录", AuditOutcome.SUCCESS, "查看记录 " + id));
        model.addAttribute("record", record);
        model.addAttribute("maskedId", citizens.findById(record.subjectId()).map(CitizenRef::maskedId).orElse("—"));
        Item item = itemOf(record);
        model.addAttribute("item", item);
        model.addAttribute("substance", RecordSubstance.of(item, record.content()));
        List<RecordVersion> versions = records.versionsOf(id);
        Map<Integer, String> versionTexts = new HashMap<>();
        versions.forEach(v -> versionTexts.put(v.version(), RecordSubstance.of(item, v.content()).summary()));
        model.addAttribute("versions", versions);
        model.addAttribute("versionTexts", versionTexts);
        return "records/detail";
    }

    @PostMapping("/records/{id}/revocation")
    String revoke(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id, @RequestParam String reason,
            RedirectAttributes redirect) {
        try {
            records.revoke(id, who.departmentCode(), reason);
            redirect.addFlashAttribute("notice", "记录已撤销");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/records/" + id;
    }

    private CreditRecord ownRecord(ChengxinPrincipal who, long id) {
        return records.findOfDepartment(id, who.departmentCode()).orElseThrow(() -> ChengxinException.notFound("RECORD_NOT_FOUND", "记录不存在或不属于本部门"));
    }

    /** The item as the catalog version the record was pushed under has it, else as it is today. */
    private Item itemOf(CreditRecord record) {
        return catalog.versions().stream().filter(v -> v.id() == record.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(record.itemCode())).or(() -> catalog.item(record.itemCode())).orElse(null);
    }

    private Map<String, String> itemNames() {
        Map<String, String> names = new HashMap<>();
        catalog.versions().forEach(v -> v.allItems().forEach(i -> names.put(i.code(), i.name())));
        return names;
    }

}
