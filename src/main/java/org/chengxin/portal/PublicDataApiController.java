package org.chengxin.portal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chengxin.honours.HonestyModels;
import org.chengxin.shared.error.ApiAnswers;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public lists as open data: JSON and CSV (UTF-8 with BOM), page by page, without a token, rate limited per
 * address. The same rows as the pages, masked the same way; nothing is cached.
 */
@RestController
@Tag(name = "开放数据", description = "信用岳阳公示信息的开放数据（无需令牌，按网络地址限流，超出时返回 429 PUBLIC_RATE_LIMITED）")
@SecurityRequirements
class PublicDataApiController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PublicListings listings;
    private final PublicRateLimit rateLimit;
    private final HonestyModels honesty;

    PublicDataApiController(PublicListings listings, PublicRateLimit rateLimit, HonestyModels honesty) {
        this.honesty = honesty;
        this.listings = listings;
        this.rateLimit = rateLimit;
    }

    /**
     * One page of a list; {@code notice} says why a search answered nothing (an ID number asked for); {@code totalExact}
     * false: the search matched more than 10,000 rows ({@code total} then says 10,000 and {@code pages} the pages that
     * can be turned to).
     */
    record PublicPage<T>(long total, boolean totalExact, int page, int size, int pages, String notice, List<T> items) {

        PublicPage(long total, int page, int size, int pages, String notice, List<T> items) {
            this(total, true, page, size, pages, notice, items);
        }
    }

    @ApiAnswers(open = true, problems = 429)
    @GetMapping("/api/v1/public/double-publicity")
    @Operation(summary = "行政许可和行政处罚信息（双公示）", description = "公示期内的行政许可和行政处罚决定，按决定日期从新到旧分页。"
            + "轻微处罚不予公示；公示期满、撤销或信用修复的即不再返回。姓名和身份证号码已遮蔽。不支持按身份证号码查询：含身份证号码的查询返回空结果。")
    ResponseEntity<PublicPage<PublicListings.Decision>> doublePublicity(
            @Parameter(description = "关键词：事项名称、部门名称或决定文书号") @RequestParam(required = false) String q,
            @Parameter(description = "决定文书号（部分即可）") @RequestParam(required = false) String doc,
            @Parameter(description = "部门代码") @RequestParam(required = false) String dept,
            @Parameter(description = "信息项代码") @RequestParam(required = false) String item,
            @Parameter(description = "决定日期起，yyyy-MM-dd") @RequestParam(required = false) String from,
            @Parameter(description = "决定日期止，yyyy-MM-dd") @RequestParam(required = false) String to,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页条数，1 至 100") @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(decisions(q, doc, dept, item, from, to, page, size, request));
    }

    @ApiAnswers(open = true, problems = 429)
    @GetMapping(value = "/api/v1/public/double-publicity.csv", produces = "text/csv")
    @Operation(summary = "行政许可和行政处罚信息（CSV）", description = "与 JSON 相同的查询条件和分页，UTF-8（带 BOM）。")
    ResponseEntity<byte[]> doublePublicityCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String doc,
            @RequestParam(required = false) String dept, @RequestParam(required = false) String item,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size, HttpServletRequest request) {
        PublicPage<PublicListings.Decision> found = decisions(q, doc, dept, item, from, to, page, size, request);
        return csv(List.of("类别", "行政相对人", "身份证号码", "事项代码", "事项", "决定文书号", "决定内容", "作出决定的部门", "决定日期", "公示截止", "异议处理中"),
                found.items(), d -> List.of(d.type(), d.maskedName(), d.maskedId(), d.itemCode(), d.itemName(),
                        nullToEmpty(d.documentNumber()), d.substance(), d.department(), d.decisionDate().toString(),
                        d.publishedUntil().toString(), d.disputed() ? "是" : "否"),
                "double-publicity-" + found.page() + ".csv");
    }

    @ApiAnswers(open = true, problems = 429)
    @GetMapping("/api/v1/public/serious-dishonesty")
    @Operation(summary = "严重失信主体名单", description = "有效期内的严重失信主体名单条目，按认定时间从新到旧分页；有效期届满或撤下的不再返回。姓名和身份证号码已遮蔽。")
    ResponseEntity<PublicPage<PublicListings.Listed>> seriousDishonesty(
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页条数，1 至 100") @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(listed(page, size, request));
    }

    @ApiAnswers(open = true, problems = 429)
    @GetMapping(value = "/api/v1/public/serious-dishonesty.csv", produces = "text/csv")
    @Operation(summary = "严重失信主体名单（CSV）", description = "与 JSON 相同的分页，UTF-8（带 BOM）。")
    ResponseEntity<byte[]> seriousDishonestyCsv(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            HttpServletRequest request) {
        PublicPage<PublicListings.Listed> found = listed(page, size, request);
        return csv(List.of("失信主体", "身份证号码", "失信事项", "认定部门", "认定文书号", "认定依据", "认定标准", "有效期起", "有效期止"),
                found.items(), e -> List.of(e.maskedName(), e.maskedId(), e.items(), e.department(), e.documentNumber(), e.legalBasis(),
                        e.criteria(), e.startDate().toString(), e.endDate().toString()),
                "serious-dishonesty-" + found.page() + ".csv");
    }

    @ApiAnswers(open = true, problems = 429)
    @GetMapping("/api/v1/public/honesty-models")
    @Operation(summary = "诚信典型", description = "经本人同意公开的诚信典型：每行一条现行有效的守信记录（表彰奖励、诚信道德模范等），按同意时间从新到旧、"
            + "按人分页（page、size 为人数）。本人撤回同意或记录期满、被撤销后即不再返回。身份证号码已遮蔽。")
    ResponseEntity<PublicPage<HonourRow>> honestyModels(
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页人数，1 至 100") @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(honours(page, size, request));
    }

    @ApiAnswers(open = true, problems = 429)
    @GetMapping(value = "/api/v1/public/honesty-models.csv", produces = "text/csv")
    @Operation(summary = "诚信典型（CSV）", description = "与 JSON 相同的分页，UTF-8（带 BOM）。")
    ResponseEntity<byte[]> honestyModelsCsv(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            HttpServletRequest request) {
        PublicPage<HonourRow> found = honours(page, size, request);
        return csv(List.of("姓名", "身份证号码", "守信事项", "认定部门", "认定日期", "文书号", "内容"), found.items(),
                h -> List.of(h.name(), h.maskedId(), h.item(), h.department(), h.decisionDate().toString(), nullToEmpty(h.documentNumber()),
                        h.detail()), "honesty-models-" + found.page() + ".csv");
    }

    /** One good-credit record of a person who consented to be shown. */
    record HonourRow(String name, String maskedId, String item, String department, LocalDate decisionDate, String documentNumber,
            String detail) {
    }

    private PublicPage<HonourRow> honours(int page, int size, HttpServletRequest request) {
        rateLimit.check(request);
        checkPage(page, size);
        long total = honesty.countPublished();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        List<HonourRow> rows = honesty.published(page, size).stream().flatMap(m -> m.honours().stream().map(h -> new HonourRow(m.name(),
                m.maskedId(), h.itemName(), h.department(), h.decisionDate(), h.documentNumber(), h.detail()))).toList();
        return new PublicPage<>(total, page, size, pages, null, rows);
    }

    private PublicPage<PublicListings.Decision> decisions(String q, String doc, String dept, String item, String from, String to,
            int page, int size, HttpServletRequest request) {
        rateLimit.check(request);
        checkPage(page, size);
        if ((long) page * size >= PublicListings.REACHABLE_ROWS) {
            throw ChengxinException.badRequest("PUBLIC_PAGE_TOO_DEEP", "公开查询只能翻阅前 " + PublicListings.REACHABLE_ROWS
                    + " 条，请按部门、事项或决定日期缩小查询范围");
        }
        PublicListings.Search search = new PublicListings.Search(q, doc, dept, item, date(from), date(to));
        PublicListings.Page<PublicListings.Decision> found = listings.decisions(search, page, size);
        String notice = search.asksForIdNumber() ? "为保护个人信息，不支持按身份证号码查询" : null;
        // a page past the end is empty, not the last page again
        List<PublicListings.Decision> items = found.page() == page ? found.items() : List.of();
        if (found.totalCapped()) {
            return new PublicPage<>(PublicListings.REACHABLE_ROWS, false, page, size, found.reachablePages(), notice, items);
        }
        return new PublicPage<>(found.total(), page, size, found.pages(), notice, items);
    }

    private PublicPage<PublicListings.Listed> listed(int page, int size, HttpServletRequest request) {
        rateLimit.check(request);
        checkPage(page, size);
        PublicListings.Page<PublicListings.Listed> found = listings.listed(page, size);
        List<PublicListings.Listed> items = found.page() == page ? found.items() : List.of();
        return new PublicPage<>(found.total(), page, size, found.pages(), null, items);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > PublicListings.MAX_PAGE_SIZE) {
            throw ChengxinException.badRequest("PUBLIC_PAGE_INVALID", "页码应不小于 0，每页条数应在 1 至 " + PublicListings.MAX_PAGE_SIZE + " 之间");
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ChengxinException.badRequest("PUBLIC_DATE_INVALID", "日期格式应为 yyyy-MM-dd");
        }
    }

    private static <T> ResponseEntity<byte[]> csv(List<String> header, List<T> rows, Function<T, List<String>> cells, String fileName) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (T row : rows) {
                printer.printRecord(cells.apply(row).stream().map(PublicDataApiController::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cell a spreadsheet would take for a formula is written as text. */
    private static String cell(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
