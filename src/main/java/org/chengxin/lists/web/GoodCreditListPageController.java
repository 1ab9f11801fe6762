package org.chengxin.lists.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PersonFilters;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.GoodCreditFilter.Standing;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.XlsxExports;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 优良信用记录名单 (policy 十三): the good-credit records of the city with the records list's tools: a filter (the
 * person by ID number or name through a POSTed form and a short-lived token, never in an address; item, department,
 * decision date, in force or ended), numbered pages with the total and the page size, sorting, and a streamed XLSX
 * export with the person masked. Opening, the list shows the records in force with how many there are of each item.
 * A search for a person and every export are audited.
 */
@Controller
class GoodCreditListPageController {

    private static final String PURPOSE = "优良信用记录名单管理";

    private final Records records;
    private final Catalog catalog;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Departments departments;
    private final PersonLookups lookups;
    private final PersonFilters personFilters;
    private final GoodCreditExport exporter;
    private final ApplicationEventPublisher events;
    private final GoodCreditCounts goodCreditCounts;
    private final Clock clock;

    GoodCreditListPageController(Records records, Catalog catalog, Citizens citizens, PopulationRegister register,
            Departments departments, PersonLookups lookups, PersonFilters personFilters, GoodCreditExport exporter, ApplicationEventPublisher events,
            GoodCreditCounts goodCreditCounts, Clock clock) {
        this.goodCreditCounts = goodCreditCounts;
        this.records = records;
        this.catalog = catalog;
        this.citizens = citizens;
        this.register = register;
        this.departments = departments;
        this.lookups = lookups;
        this.personFilters = personFilters;
        this.exporter = exporter;
        this.events = events;
        this.clock = clock;
    }

    /** One line of the list. */
    record Line(long recordId, String itemCode, String itemName, String department, String documentNumber,
            LocalDate decisionDate, LocalDate lastDay, String maskedId, String maskedName, String statusCode, String statusLabel) {
    }

    /** An item of the filter, with its count in force. */
    record ItemCount(String code, String name, long count) {
    }

    @GetMapping("/lists/good-credit")
    String page(@RequestParam Map<String, String> params, HttpSession session, Model model) {
        List<Item> items = goodCreditItems();
        Map<String, String> itemNames = itemNames(items);
        Map<String, String> departmentNames = departmentNames();
        GoodCreditQuery query = query(params, session, itemNames, departmentNames);
        PageRequest request = pageRequest(params);
        Map<String, Long> counts = goodCreditCounts.byItem();
        Long known = goodCreditCounts.totalOf(query.filter(), counts);
        PageResult<CreditRecord> result = known == null ? records.goodCreditList(query.filter(), request)
                : records.goodCreditList(query.filter(), request, known);
        String described = query.describe(itemNames, departmentNames);
        if (query.hasPerson()) {
            audit("lists.good-credit-browse", AuditOutcome.SUCCESS, "查询优良信用记录名单（" + result.total() + " 条）；筛选：" + described);
        }
        PageResult<Line> page = new PageResult<>(lines(result.items(), itemNames, departmentNames), result.total(), request);
        Listing<Line> listing = Listing.of(page, "/lists/good-credit", query.params());
        model.addAttribute("items", items.stream().map(i -> new ItemCount(i.code(), i.name(), counts.getOrDefault(i.code(), 0L))).toList());
        model.addAttribute("departments", departmentNames);
        model.addAttribute("standings", standings());
        model.addAttribute("listing", listing);
        model.addAttribute("query", query);
        model.addAttribute("described", described);
        model.addAttribute("exportUrl", listing.urlOf("/lists/good-credit/export.xlsx"));
        model.addAttribute("today", LocalDate.now(clock));
        return "lists/good-credit";
    }

    /** The filter form: the ID number and the name come in this POST body only and leave as a token. */
    @PostMapping("/lists/good-credit/filter")
    String filter(@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : List.of("item", "dept", "from", "to", "standing", "sort", "dir", "size")) {
            params.put(key, form.get(key));
        }
        PersonFilters.Result person = personFilters.byNumberOrName(session, form);
        if (person.hasError()) {
            redirect.addFlashAttribute("filterError", person.error());
        }
        params.put("who", person.token());
        if ("IN_FORCE".equals(params.get("standing"))) {
            params.remove("standing");
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/lists/good-credit");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.queryParam(k, v.strip());
            }
        });
        return "redirect:" + url.encode().build().toUriString();
    }

    /** The list as filtered and sorted, every page, as XLSX (streamed); the person masked. Audited. */
    @GetMapping("/lists/good-credit/export.xlsx")
    void export(@RequestParam Map<String, String> params, HttpSession session, HttpServletResponse response) throws IOException {
        Map<String, String> itemNames = itemNames(goodCreditItems());
        Map<String, String> departmentNames = departmentNames();
        GoodCreditQuery query = query(params, session, itemNames, departmentNames);
        String fileName = "优良信用记录名单-" + LocalDate.now(clock) + ".xlsx";
        XlsxExports.attach(response, fileName);
        long written = 0;
        AuditOutcome outcome = AuditOutcome.FAILED;
        try {
            written = exporter.write(query.filter(), pageRequest(params), chunk -> lines(chunk, itemNames, departmentNames),
                    response.getOutputStream());
            outcome = AuditOutcome.SUCCESS;
        } finally {
            audit("lists.good-credit-export", outcome, "导出优良信用记录名单 " + written + " 条（XLSX，身份证号和姓名已遮蔽）；筛选："
                    + query.describe(itemNames, departmentNames));
        }
    }

    private void audit(String action, AuditOutcome outcome, String detail) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), action, null, PURPOSE, outcome,
                detail.length() <= 500 ? detail : detail.substring(0, 499) + "…"));
    }

    private GoodCreditQuery query(Map<String, String> params, HttpSession session, Map<String, String> itemNames,
            Map<String, String> departmentNames) {
        return GoodCreditQuery.parse(params, lookups.find(session, params.get("who")), itemNames.keySet(), departmentNames.keySet());
    }

    private static PageRequest pageRequest(Map<String, String> params) {
        return PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"), params.get("dir"),
                Records.GOOD_CREDIT_SORT);
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<Item> goodCreditItems() {
        return catalog.current().allItems().stream().filter(i -> i.kind() == ItemKind.GOOD_CREDIT).toList();
    }

    private static Map<String, String> itemNames(List<Item> items) {
        Map<String, String> names = new LinkedHashMap<>();
        items.forEach(i -> names.put(i.code(), i.name()));
        return names;
    }

    private Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        departments.all().forEach(d -> names.put(d.code().value(), d.name()));
        return names;
    }

    /** The lines of some records: the masked numbers and names looked up in one query each. */
    private List<Line> lines(List<CreditRecord> chunk, Map<String, String> itemNames, Map<String, String> departmentNames) {
        List<Long> ids = chunk.stream().map(CreditRecord::subjectId).toList();
        Map<Long, String> maskedIds = citizens.maskedIds(ids);
        Map<Long, String> names = new HashMap<>();
        register.namesOf(ids).forEach((id, name) -> names.put(id, Masking.name(name)));
        return chunk.stream().map(r -> new Line(r.id(), r.itemCode(), itemNames.getOrDefault(r.itemCode(),
                catalog.item(r.itemCode()).map(Item::name).orElse(r.itemCode())),
                departmentNames.getOrDefault(r.departmentCode().value(), departments.find(r.departmentCode()).map(Department::name)
                        .orElse(r.departmentCode().value())),
                r.documentNumber(), r.decisionDate(), r.expiresOn().minusDays(1), maskedIds.getOrDefault(r.subjectId(), "—"),
                names.getOrDefault(r.subjectId(), "—"), r.status().name(), r.status().label())).toList();
    }

    /** The standings the filter offers, code to words. */
    static Map<String, String> standings() {
        Map<String, String> s = new LinkedHashMap<>();
        for (Standing st : Standing.values()) {
            s.put(st.name(), st.label());
        }
        s.put("ALL", "全部");
        return s;
    }
}
