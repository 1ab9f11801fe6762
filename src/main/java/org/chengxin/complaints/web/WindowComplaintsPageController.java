package org.chengxin.complaints.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 投诉与举报（窗口代办）: a clerk checks the ID number and name of the person at the window against the population
 * register, then files a complaint or a report for them, confirming that the person is present. As on the remedies
 * window, the number travels between the steps only in POST bodies, never in an address. A wrong record is sent to
 * the remedies window (异议).
 */
@Controller
class WindowComplaintsPageController {

    private static final String PAGE = "complaints/window";

    private final Citizens citizens;
    private final PopulationRegister register;
    private final Complaints complaints;
    private final ComplaintPages pages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WindowComplaintsPageController(Citizens citizens, PopulationRegister register, Complaints complaints, ComplaintPages pages,
            ApplicationEventPublisher events, Clock clock) {
        this.citizens = citizens;
        this.register = register;
        this.complaints = complaints;
        this.pages = pages;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/window/complaints")
    String start() {
        return PAGE;
    }

    @PostMapping("/window/complaints/person")
    String person(@RequestParam Map<String, String> form, Model model) {
        try {
            Person p = person(form);
            events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "complaints.window-view",
                    p.ref().map(CitizenRef::subject).orElse(null), "窗口代办投诉与举报", AuditOutcome.SUCCESS,
                    "窗口为当事人 " + p.number().masked() + " 办理投诉与举报（本人到场）"));
            return show(p, Map.of(), model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", form);
            return PAGE;
        }
    }

    @PostMapping("/window/complaints/complaint")
    String file(@RequestParam Map<String, String> form, Model model) {
        Person p;
        try {
            p = person(form);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", Map.of());
            return PAGE;
        }
        try {
            ComplaintKind kind = ComplaintKind.parse(form.get("kind"));
            if (kind == ComplaintKind.WRONG_RECORD) {
                throw ChengxinException.badRequest("COMPLAINT_WRONG_RECORD_IS_OBJECTION",
                        "认为本人的信用记录有误的，请通过“异议与信用修复（窗口代办）”代为提出异议");
            }
            CitizenRef ref = p.ref().orElseGet(() -> citizens.enroll(p.number()));
            Complaint filed = complaints.fileAtWindow(ref, "true".equals(form.get("personPresent")), kind, form.get("text"),
                    ComplaintPages.parseId(form.get("queryId")));
            model.addAttribute("notice", MyComplaintsPageController.noticeOf(filed, pages.departmentName(filed.department())));
            return show(new Person(p.number(), p.name(), Optional.of(ref), p.registered()), Map.of(), model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return show(p, form, model);
        }
    }

    private record Person(IdNumber number, String name, Optional<CitizenRef> ref, boolean registered) {
    }

    private Person person(Map<String, String> form) {
        IdNumber number;
        try {
            number = IdNumber.parse(form.get("idNumber"), clock);
        } catch (InvalidIdNumberException e) {
            throw ChengxinException.invalidIdNumber(e);
        }
        String name = form.get("name") == null ? "" : form.get("name").strip();
        if (name.isEmpty()) {
            throw ChengxinException.badRequest("WINDOW_NAME_REQUIRED", "请填写当事人姓名");
        }
        PopulationRegister.NameMatch match = register.checkName(number, name);
        if (match == PopulationRegister.NameMatch.MISMATCH) {
            throw ChengxinException.badRequest("WINDOW_NAME_MISMATCH", "姓名与人口基础信息登记的不一致，请核对当事人的身份证件");
        }
        return new Person(number, name, citizens.find(number), match == PopulationRegister.NameMatch.MATCH);
    }

    private String show(Person p, Map<String, String> typed, Model model) {
        model.addAttribute("idNumber", p.number().value());
        model.addAttribute("maskedId", p.number().masked());
        model.addAttribute("name", p.name());
        model.addAttribute("registered", p.registered());
        model.addAttribute("kinds", ComplaintKind.values());
        model.addAttribute("queries", p.ref().map(pages::queriesOf).orElse(List.of()));
        model.addAttribute("complaints", pages.views(p.ref().map(complaints::ofPerson).orElse(List.of())));
        model.addAttribute("typed", typed);
        return PAGE;
    }
}
