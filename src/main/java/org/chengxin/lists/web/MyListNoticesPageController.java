package org.chengxin.lists.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 认定告知: a person reads what a department intends (to list them on the serious-dishonesty list: the
 * facts, the legal basis, the records, the proposed period) and states their case (陈述申辩) before the
 * notice's last day; the reviewer reads the statement beside the decision form.
 */
@Controller
class MyListNoticesPageController {

    private final SeriousDishonestyList list;
    private final Citizens citizens;
    private final Departments departments;
    private final Clock clock;

    MyListNoticesPageController(SeriousDishonestyList list, Citizens citizens, Departments departments, Clock clock) {
        this.list = list;
        this.citizens = citizens;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/my/list-notices")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        CitizenRef me = me(who);
        List<ListEntry> notices = list.noticesFor(me.subject());
        Map<DepartmentCode, String> names = new HashMap<>();
        notices.forEach(n -> names.computeIfAbsent(n.departmentCode(),
                c -> departments.find(c).map(Department::name).orElse(c.value())));
        model.addAttribute("notices", notices);
        model.addAttribute("names", names);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("maskedId", me.maskedId());
        return "lists/my-notices";
    }

    @PostMapping("/my/list-notices/{id}/statement")
    String state(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable long id,
            @RequestParam(required = false) String statement, RedirectAttributes redirect) {
        try {
            list.state(me(who).subject(), id, statement);
            redirect.addFlashAttribute("notice", "陈述申辩已提交，认定部门作出决定前将予以审查");
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/my/list-notices";
    }

    private CitizenRef me(ChengxinPrincipal who) {
        return citizens.signedIn(who);
    }
}
