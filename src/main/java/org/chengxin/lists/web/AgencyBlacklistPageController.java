package org.chengxin.lists.web;

import java.time.Clock;
import java.time.LocalDate;

import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.lists.AgencyListing;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator keeps the credit-agency blacklist (policy 八): lists an agency or its staff, ends a listing with reasons. */
@Controller
class AgencyBlacklistPageController {

    private final AgencyBlacklist blacklist;
    private final Departments departments;
    private final Clock clock;

    AgencyBlacklistPageController(AgencyBlacklist blacklist, Departments departments, Clock clock) {
        this.blacklist = blacklist;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/admin/agency-blacklist")
    String page(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("agencies", departments.all().stream().filter(d -> d.kind() == DepartmentKind.CREDIT_AGENCY).toList());
        model.addAttribute("listings", blacklist.all());
        model.addAttribute("today", today);
        model.addAttribute("inThreeYears", today.plusYears(3));
        return "lists/agencies";
    }

    @PostMapping("/admin/agency-blacklist")
    String add(@RequestParam String agencyCode, @RequestParam(required = false) String staffName, @RequestParam String violation,
            @RequestParam String documentNumber, @RequestParam String legalBasis,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, RedirectAttributes redirect) {
        try {
            AgencyListing l = blacklist.add(new AgencyListing.Request(agencyCode, staffName, violation, documentNumber, legalBasis,
                    startDate, endDate));
            redirect.addFlashAttribute("notice", "已将" + l.agencyName() + (l.staffName() == null ? "" : "的从业人员 " + l.staffName())
                    + " 列入信用服务机构黑名单");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/agency-blacklist";
    }

    @PostMapping("/admin/agency-blacklist/{id}/end")
    String end(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            blacklist.end(id, reason);
            redirect.addFlashAttribute("notice", "黑名单条目 " + id + " 已结束");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/agency-blacklist";
    }
}
