package org.chengxin.remedies.web;

import java.util.HashMap;
import java.util.Map;

import org.chengxin.organization.Departments;
import org.chengxin.remedies.RemedyFigures;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator sees how each department answers objections and repair applications. */
@Controller
class RemedyFiguresPageController {

    private final RemedyFigures figures;
    private final Departments departments;

    RemedyFiguresPageController(RemedyFigures figures, Departments departments) {
        this.figures = figures;
        this.departments = departments;
    }

    @GetMapping("/admin/remedies-figures")
    String figures(Model model) {
        Map<DepartmentCode, String> names = new HashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        model.addAttribute("figures", figures.byDepartment());
        model.addAttribute("names", names);
        return "remedies/figures";
    }
}
