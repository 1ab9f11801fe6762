package org.chengxin.records.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
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

/**
 * The data officer browses the records the department pushed (ID numbers masked), opens one with
 * its versions, and revokes it with a reason. Every page view is a read of people's data: audited.
 */
@Controller
class RecordsPageController {

    private static final int PAGE_SIZE = 50;

    private final Records records;
    private final Citizens citizens;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordsPageController(Records records, Citizens citizens, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.citizens = citizens;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/records")
    String list(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(page, 0);
        List<CreditRecord> shown = records.ofDepartment(who.departmentCode(), p, PAGE_SIZE);
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "records.browse", null, "核对本部门报送的记录",
                AuditOutcome.SUCCESS, "查看本部门记录第 " + (p + 1) + " 页（" + shown.size() + " 条）"));
        model.addAttribute("records", shown);
        model.addAttribute("masked", masked(shown));
        model.addAttribute("itemNames", itemNames());
        model.addAttribute("page", p);
        model.addAttribute("total", records.countOfDepartment(who.departmentCode()));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "records/index";
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

    private Map<Long, String> masked(List<CreditRecord> shown) {
        Map<Long, String> masked = new HashMap<>();
        shown.forEach(r -> masked.put(r.id(), citizens.findById(r.subjectId()).map(CitizenRef::maskedId).orElse("—")));
        return masked;
    }

    private Map<String, String> itemNames() {
        Map<String, String> names = new HashMap<>();
        catalog.versions().forEach(v -> v.allItems().forEach(i -> names.put(i.code(), i.name())));
        return names;
    }

}
