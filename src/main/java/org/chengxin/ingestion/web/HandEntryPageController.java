package org.chengxin.ingestion.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.ingestion.BatchFormat;
import org.chengxin.ingestion.BatchReport;
import org.chengxin.ingestion.BatchReport.BatchStatus;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.ingestion.RecordBatches.Submission;
import org.chengxin.records.Records;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 逐条录入: a data officer types one record (an honour or recommendation, mostly) instead of uploading a
 * file. It is pushed as an all-or-nothing JSON batch of one row through {@link RecordBatches}, so the
 * row checks, the name check, enrolment, audit and recomputation are those of every push. The ID
 * number comes only in the POST body and is shown back only in the form that refused it.
 */
@Controller
class HandEntryPageController {

    static final String FILE_NAME = "逐条录入";

    private final RecordBatches batches;
    private final Records records;
    private final Catalog catalog;
    private final PushableItems pushable;
    private final Clock clock;

    HandEntryPageController(RecordBatches batches, Records records, Catalog catalog, PushableItems pushable, Clock clock) {
        this.batches = batches;
        this.records = records;
        this.catalog = catalog;
        this.pushable = pushable;
        this.clock = clock;
    }

    @GetMapping("/ingestion/entry")
    String form(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam(required = false) String item, Model model) {
        String code = item == null ? "" : item.strip();
        return page(who, HandEntry.blank(code, LocalDate.now(clock).toString()), model);
    }

    @PostMapping("/ingestion/entry")
    String submit(@AuthenticationPrincipal ChengxinPrincipal who, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) throws IOException {
        Item item = catalog.item(form.getOrDefault("itemCode", "").strip()).orElse(null);
        HandEntry entry = HandEntry.of(form, item);
        Path file = Files.createTempFile("chengxin-batch-", ".json");
        try {
            Files.writeString(file, entry.toJson(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        // the runner deletes the file whatever happens
        BatchReport report;
        try {
            report = batches.submitAndWait(new Submission(file, BatchFormat.JSON, FILE_NAME, null, null, true));
        } catch (ChengxinException e) {
            // refused before any row was read (no department, queue full): said on the form, with its code
            model.addAttribute("error", e);
            return page(who, entry, model);
        }
        if (report.status() != BatchStatus.COMPLETED) {
            model.addAttribute("report", report);
            return page(who, entry, model);
        }
        Map<String, Object> entered = new LinkedHashMap<>();
        entered.put("batchId", report.id());
        records.findBySource(who.departmentCode(), entry.sourceId()).ifPresent(r -> entered.put("recordId", r.id()));
        entered.put("itemName", item == null ? entry.itemCode() : item.name());
        entered.put("maskedId", Masking.idNumber(entry.idNumber().strip().toUpperCase(Locale.ROOT)));
        entered.put("outcome", report.accepted() > 0 ? "已入库" : report.corrected() > 0 ? "已更正" : "与已入库的记录相同，未重复入库");
        redirect.addFlashAttribute("entered", entered);
        redirect.addAttribute("item", entry.itemCode());
        return "redirect:/ingestion/entry";
    }

    private String page(ChengxinPrincipal who, HandEntry entry, Model model) {
        model.addAttribute("items", pushable.of(who.departmentCode()));
        model.addAttribute("item", catalog.item(entry.itemCode()).orElse(null));
        model.addAttribute("entry", entry);
        model.addAttribute("today", LocalDate.now(clock));
        Map<String, String> labels = new LinkedHashMap<>(Map.of("sourceId", "来源编号", "itemCode", "信息项", "idNumber", "身份证号",
                "name", "姓名", "decisionDate", "决定日期", "documentNumber", "决定书文号"));
        catalog.item(entry.itemCode()).ifPresent(i -> i.fields().forEach(f -> labels.put(f.name(), f.label())));
        model.addAttribute("labels", labels);
        return "ingestion/entry";
    }
}
