package org.chengxin.measures.web;

import org.chengxin.measures.MeasureLists;
import org.chengxin.measures.domain.MeasureList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 守信激励和失信惩戒措施清单, published for everybody (policy 十三, 十四): what may follow from one's credit, and why. */
@Controller
class PublicMeasuresPageController {

    private final MeasureLists lists;
    private final DepartmentNames departments;

    PublicMeasuresPageController(MeasureLists lists, DepartmentNames departments) {
        this.lists = lists;
        this.departments = departments;
    }

    @GetMapping("/measures")
    String page(Model model) {
        MeasureList current = lists.current();
        model.addAttribute("list", current);
        model.addAttribute("names", departments.allWithEveryone());
        model.addAttribute("matterNames", MatterNames.of(current));
        return "measures/public";
    }
}
