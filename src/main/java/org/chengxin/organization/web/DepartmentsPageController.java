package org.chengxin.organization.web;

import org.chengxin.organization.Departments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's list of departments, associations and credit agencies. */
@Controller
class DepartmentsPageController {

    private final Departments departments;

    DepartmentsPageController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/admin/departments")
    String list(Model model) {
        model.addAttribute("departments", departments.all());
        return "admin/departments";
    }
}
