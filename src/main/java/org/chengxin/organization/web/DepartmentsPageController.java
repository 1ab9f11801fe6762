package org.chengxin.organization.web;

import java.util.Locale;

import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's list of departments, associations and credit agencies, and their registration. */
@Controller
class DepartmentsPageController {

    private final Departments departments;

    DepartmentsPageController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/admin/departments")
    String list(Model model) {
        model.addAttribute("departments", departments.all());
        model.addAttribute("kinds", DepartmentKind.values());
        return "admin/departments";
    }

    @PostMapping("/admin/departments")
    String register(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) DepartmentKind kind,
            @RequestParam String uscc, @RequestParam String regionCode, Model model, RedirectAttributes redirect) {
        try {
            departments.register(code.strip(), name.strip(), kind, uscc.strip().toUpperCase(Locale.ROOT), regionCode.strip());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return list(model);
        }
        redirect.addFlashAttribute("notice", "已登记机构 " + name.strip());
        return "redirect:/admin/departments";
    }
}
