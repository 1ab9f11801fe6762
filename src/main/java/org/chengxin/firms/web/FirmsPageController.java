package org.chengxin.firms.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.firms.FirmRecord;
import org.chengxin.firms.FirmRecords;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff's page of firms: found by code or name, each with its records and the persons' records they made. */
@Controller
class FirmsPageController {

    private final FirmRecords firms;
    private final Records records;
    private final Catalog catalog;
    private final Clock clock;

    FirmsPageController(FirmRecords firms, Records records, Catalog catalog, Clock clock) {
        this.firms = firms;
        this.records = records;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/firms")
    String search(@RequestParam(name = "q", required = false) String words, Model model) {
        model.addAttribute("q", words == null ? "" : words);
        model.addAttribute("found", firms.search(words, 50));
        model.addAttribute("searched", words != null && !words.isBlank());
        return "firms/search";
    }

    @GetMapping("/firms/{uscc}")
    String firm(@PathVariable String uscc, Model model) {
        Uscc code = FirmsApiController.code(uscc);
        var firm = firms.firm(code).orElseThrow(() -> ChengxinException.notFound("FIRM_NOT_FOUND", "平台没有该统一社会信用代码的单位的记录"));
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        for (FirmRecord r : firms.ofFirm(code)) {
            Item item = catalog.current().item(r.itemCode()).orElse(null);
            List<Person> persons = new ArrayList<>();
            for (ResponsibleRole role : ResponsibleRole.values()) {
                String source = r.personSources().get(role);
                if (source != null) {
                    var held = records.findBySource(r.departmentCode(), source);
                    persons.add(new Person(role.label(), held.map(p -> p.id()).orElse(null),
                            held.map(p -> p.status().label()).orElse("未入库")));
                }
            }
            rows.add(new Row(r, item == null ? r.itemCode() : item.name(),
                    RecordSubstance.of(item, new LinkedHashMap<String, Object>(r.content())).lines().stream()
                            .map(RecordSubstance.Line::text).toList(),
                    "REVOKED".equals(r.status()) ? "已撤销" : r.inForceOn(today) ? "有效" : "已过公示期", persons));
        }
        model.addAttribute("firm", firm);
        model.addAttribute("rows", rows);
        return "firms/firm";
    }

    record Row(FirmRecord record, String itemName, List<String> substance, String state, List<Person> persons) {
    }

    record Person(String role, Long recordId, String status) {
    }
}
