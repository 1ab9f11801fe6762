package org.chengxin.ingestion.web;

import java.util.HashMap;
import java.util.Map;

import org.chengxin.ingestion.RecordBatches;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator sees how each department pushes: volume, rejections, timeliness. */
@Controller
class FiguresPageController {

    private final RecordBatches batches;
    private final Departments departments;

    FiguresPageController(RecordBatches batches, Departments departments) {
        this.batches = batches;
        this.departments = departments;
    }

    @GetMapping("/admin/figures")
    String figures(Model model) {
        Map<DepartmentCode, String> names = new HashMap<>();
        departments.all().forEach(d -> names.put(d.code(), d.name()));
        model.addAttribute("figures", batches.figures());
        model.addAttribute("names", names);
        return "admin/figures";
    }

}
