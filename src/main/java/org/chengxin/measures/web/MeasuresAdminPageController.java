package org.chengxin.measures.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

import org.chengxin.measures.MeasureLists;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.measures.domain.ObjectedRecords;
import org.chengxin.measures.domain.Trigger;
import org.chengxin.measures.domain.TriggerKind;
import org.chengxin.shared.error.ChengxinException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 奖惩措施清单管理: the administrator reads the list in force and its versions, adds or modifies one
 * measure or removes one; every change publishes a new version from a date.
 */
@Controller
class MeasuresAdminPageController {

    private final MeasureLists lists;
    private final DepartmentNames departments;
    private final Clock clock;

    MeasuresAdminPageController(MeasureLists lists, DepartmentNames departments, Clock clock) {
        this.lists = lists;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/admin/measures")
    String page(@RequestParam(required = false) String edit, Model model) {
        MeasureList current = lists.current();
        String today = LocalDate.now(clock).toString();
        MeasureForm form = current.measure(edit == null ? "" : edit.strip())
                .map(m -> MeasureForm.of(m, current.version(), today))
                .orElseGet(() -> MeasureForm.blank(current.version(), today));
        return page(current, form, model);
    }

    @PostMapping("/admin/measures")
    String put(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        MeasureForm form = MeasureForm.of(params);
        boolean existed = lists.current().measure(form.code()).isPresent();
        try {
            MeasureList published = lists.putMeasure(form.version(), date(form.effectiveFrom()), form.toMeasure());
            redirect.addFlashAttribute("notice", "已发布措施清单 " + published.version() + "（自 " + published.effectiveFrom()
                    + " 起施行），措施 " + form.code() + " 已" + (existed ? "修改" : "列入"));
            return "redirect:/admin/measures";
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return page(lists.current(), form, model);
        }
    }

    @PostMapping("/admin/measures/{code}/removal")
    String remove(@PathVariable String code, @RequestParam(required = false) String version,
            @RequestParam(required = false) String effectiveFrom, RedirectAttributes redirect) {
        try {
            MeasureList published = lists.removeMeasure(version, date(effectiveFrom), code);
            redirect.addFlashAttribute("notice", "已发布措施清单 " + published.version() + "（自 " + published.effectiveFrom()
                    + " 起施行），不再包含措施 " + code);
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/measures";
    }

    /** Publishes a new version with the same measures and the rule chosen for records under objection. */
    @PostMapping("/admin/measures/objected-records")
    String objectedRecords(@RequestParam(required = false) String objectedRecords, @RequestParam(required = false) String version,
            @RequestParam(required = false) String effectiveFrom, RedirectAttributes redirect) {
        try {
            MeasureList published = lists.setObjectedRecords(version, date(effectiveFrom), objected(objectedRecords));
            redirect.addFlashAttribute("notice", "已发布措施清单 " + published.version() + "（自 " + published.effectiveFrom()
                    + " 起施行），异议中的记录：" + published.objectedRecords().label());
        } catch (ChengxinException e) {
            redirect.addFlashAttribute("error", e);
        }
        return "redirect:/admin/measures";
    }

    private static ObjectedRecords objected(String value) {
        try {
            return ObjectedRecords.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ChengxinException.badRequest("MEASURE_INVALID", "请选择异议中的记录是否触发措施");
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ChengxinException.badRequest("MEASURE_LIST_DATE_INVALID", "请填写施行日期（格式 yyyy-MM-dd）");
        }
    }

    private String page(MeasureList current, MeasureForm form, Model model) {
        model.addAttribute("list", current);
        model.addAttribute("versions", lists.versions());
        model.addAttribute("form", form);
        model.addAttribute("names", departments.allWithEveryone());
        model.addAttribute("editing", current.measure(form.code()).orElse(null));
        model.addAttribute("departmentChoices", departments.active());
        model.addAttribute("matterNames", MatterNames.of(current));
        model.addAttribute("triggerKinds", TriggerKind.values());
        model.addAttribute("grades", Trigger.GRADES);
        model.addAttribute("severities", Trigger.SEVERITIES);
        model.addAttribute("severityLabels", Trigger.SEVERITIES.stream()
                .collect(Collectors.toMap(v -> v, Trigger::severityLabel)));
        model.addAttribute("nextVersion", MeasureForm.nextVersion(current.version()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("objectedChoices", ObjectedRecords.values());
        return "measures/admin";
    }
}
