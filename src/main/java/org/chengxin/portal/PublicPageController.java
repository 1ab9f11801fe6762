package org.chengxin.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal's lists (信用岳阳): 行政许可和行政处罚信息公示 (双公示) and 严重失信主体名单公示, for everybody,
 * without login. Nothing is cached: a record removed (expired, revoked, repaired) is gone from the next answer.
 */
@Controller
class PublicPageController {

    static final int PAGE_SIZE = 20;

    private final PublicListings listings;
    private final PublicRateLimit rateLimit;

    PublicPageController(PublicListings listings, PublicRateLimit rateLimit) {
        this.listings = listings;
        this.rateLimit = rateLimit;
    }

    @GetMapping("/public/double-publicity")
    String doublePublicity(@RequestParam(required = false) String q, @RequestParam(required = false) String doc,
            @RequestParam(required = false) String dept, @RequestParam(required = false) String item,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") String page, HttpServletRequest request, HttpServletResponse response, Model model) {
        rateLimit.check(request);
        noStore(response);
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        PublicListings.Search search = new PublicListings.Search(q, doc, dept, item, fromDate, toDate);
        boolean idSearch = search.asksForIdNumber();
        PublicListings.Page<PublicListings.Decision> found = listings.decisions(search, number(page), PAGE_SIZE);
        // an ID number typed in is not shown back: the page says why nothing was found, and only that
        model.addAttribute("q", idSearch ? null : q);
        model.addAttribute("doc", idSearch ? null : doc);
        model.addAttribute("dept", dept);
        model.addAttribute("item", item);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("badDate", from != null && !from.isBlank() && fromDate == null || to != null && !to.isBlank() && toDate == null);
        model.addAttribute("idSearch", idSearch);
        model.addAttribute("found", found);
        model.addAttribute("items", listings.publicItems());
        model.addAttribute("departments", listings.departments());
        model.addAttribute("counts", listings.departmentCounts());
        model.addAttribute("today", listings.today());
        return "public/double-publicity";
    }

    @GetMapping("/public/serious-dishonesty")
    String seriousDishonesty(@RequestParam(defaultValue = "0") String page, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        rateLimit.check(request);
        noStore(response);
        model.addAttribute("found", listings.listed(number(page), PAGE_SIZE));
        model.addAttribute("today", listings.today());
        return "public/serious-dishonesty";
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int number(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
