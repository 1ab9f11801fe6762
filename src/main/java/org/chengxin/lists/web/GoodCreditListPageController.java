package org.chengxin.lists.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemKind;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 优良信用记录名单 (policy 十三): every good-credit record in force in the city, page by page, with how
 * many there are of each item. The person is shown by the masked number only.
 */
@Controller
class GoodCreditListPageController {

    static final int PAGE_SIZE = 50;

    private final Records records;
    private final Catalog catalog;
    private final Citizens citizens;
    private final Departments departments;
    private final Clock clock;

    GoodCreditListPageController(Records records, Catalog catalog, Citizens citizens, Departments departments, Clock clock) {
        this.records = records;
        this.catalog = catalog;
        this.citizens = citizens;
        this.departments = departments;
        this.clock = clock;
    }

    /** One line of the list. */
    record Line(long recordId, String itemCode, String itemName, String department, String documentNumber,
            LocalDate decisionDate, LocalDate lastDay, String maskedId) {
    }

    /** An item of the filter, with its count in force. */
    record ItemCount(String code, String name, long count) {
    }

    @GetMapping("/lists/good-credit")
    String page(@RequestParam(required = false) String item, @RequestParam(defaultValue = "0") int page, Model model) {
        List<Item> items = catalog.current().allItems().stream().filter(i -> i.kind() == ItemKind.GOOD_CREDIT).toList();
        Map<String, Long> counts = records.goodCreditInForceByItem();
        String chosen = item != null && items.stream().anyMatch(i -> i.code().equals(item)) ? item : null;
        long total = chosen == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.getOrDefault(chosen, 0L);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        Map<DepartmentCode, String> departmentNames = new HashMap<>();
        List<Line> lines = records.goodCreditInForce(chosen, current, PAGE_SIZE).stream()
                .map(r -> line(r, departmentNames)).toList();
        model.addAttribute("items", items.stream().map(i -> new ItemCount(i.code(), i.name(), counts.getOrDefault(i.code(), 0L))).toList());
        model.addAttribute("item", chosen);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("lines", lines);
        model.addAttribute("today", LocalDate.now(clock));
        return "lists/good-credit";
    }

    private Line line(CreditRecord r, Map<DepartmentCode, String> departmentNames) {
        String department = departmentNames.computeIfAbsent(r.departmentCode(),
                code -> departments.find(code).map(Department::name).orElse(code.value()));
        String masked = citizens.findById(r.subjectId()).map(CitizenRef::maskedId).orElse("—");
        return new Line(r.id(), r.itemCode(), catalog.item(r.itemCode()).map(Item::name).orElse(r.itemCode()), department,
                r.documentNumber(), r.decisionDate(), r.expiresOn().minusDays(1), masked);
    }
}
