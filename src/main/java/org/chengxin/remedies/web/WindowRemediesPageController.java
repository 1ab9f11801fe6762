package org.chengxin.remedies.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.remedies.Objections;
import org.chengxin.remedies.Repairs;
import org.chengxin.remedies.Upload;
import org.chengxin.remedies.domain.Commitment;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.remedies.domain.RepairApplication;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 异议与信用修复（窗口代办）: a clerk types the ID number and name of the person at the window, checked against the
 * population register; then sees the person's records in force and files an objection or a repair application
 * for them, confirming that the person is present with their identity checked. As on the inquiry window, the
 * number travels between the steps only in POST bodies (hidden fields), never in an address; a refusal is
 * answered on the same step with what was typed kept.
 */
@Controller
class WindowRemediesPageController {

    private static final String PAGE = "remedies/window";

    private final Citizens citizens;
    private final PopulationRegister register;
    private final Objections objections;
    private final Repairs repairs;
    private final RemediesPages pages;
    private final CommitmentLetter letter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WindowRemediesPageController(Citizens citizens, PopulationRegister register, Objections objections, Repairs repairs,
            RemediesPages pages, CommitmentLetter letter, ApplicationEventPublisher events, Clock clock) {
        this.citizens = citizens;
        this.register = register;
        this.objections = objections;
        this.repairs = repairs;
        this.pages = pages;
        this.letter = letter;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/window/remedies")
    String start() {
        return PAGE;
    }

    /** Step 2 (and the choice of a record and a form): the number and name checked, the person's records shown. */
    @PostMapping("/window/remedies/person")
    String person(@RequestParam Map<String, String> form, Model model) {
        try {
            Person p = person(form);
            if (form.get("record") == null) {
                events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "remedies.window-view",
                        p.ref().map(CitizenRef::subject).orElse(null), "窗口代办异议与信用修复", AuditOutcome.SUCCESS,
                        "窗口查看当事人 " + p.number().masked() + " 的信用记录（本人到场）"));
            }
            return show(p, form, model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", form);
            return PAGE;
        }
    }

    @PostMapping("/window/remedies/objection")
    String objection(@RequestParam Map<String, String> form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model) {
        Person p = personOrStartOver(form, model);
        if (p == null) {
            return PAGE;
        }
        try {
            Objection filed = objections.fileAtWindow(subject(p), "true".equals(form.get("personPresent")), recordId(form),
                    form.get("field"), form.get("grounds"), form.get("requestedValue"), RemediesPages.uploads(files));
            model.addAttribute("notice", "已代为提出异议（编号 " + filed.id() + "），答复期限至 " + filed.dueOn() + "。");
            return show(p, Map.of(), model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return show(p, form, model);
        }
    }

    @PostMapping("/window/remedies/repair")
    String repair(@RequestParam Map<String, String> form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "proofRecords", required = false) List<String> proofRecords, Model model) {
        Person p = personOrStartOver(form, model);
        if (p == null) {
            return PAGE;
        }
        try {
            List<Upload> uploads = new ArrayList<>(RemediesPages.uploads(files));
            RepairApplication filed = repairs.applyAtWindow(subject(p), "true".equals(form.get("personPresent")), recordId(form),
                    form.get("fulfilment"), form.get("localWays"), commitment(form.get("commitment")), uploads,
                    RemediesPages.ids(proofRecords));
            model.addAttribute("notice", MyRepairsPageController.noticeOf(filed));
            return show(p, Map.of(), model);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return show(p, form, model);
        }
    }

    /** The commitment letter to print for the person to sign at the window; posted, so the number stays out of the address. */
    @PostMapping("/window/remedies/commitment.pdf")
    ResponseEntity<byte[]> commitmentLetter(@RequestParam Map<String, String> form) {
        Person p = person(form);
        CitizenRef ref = subject(p);
        byte[] pdf = letter.pdf(ref, pages.recordOf(ref, recordId(form)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("信用承诺书-记录" + form.get("recordId") + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    private record Person(IdNumber number, String name, Optional<CitizenRef> ref, boolean registered) {
    }

    /** The number parsed and the name checked against the register; a mismatch is refused, an unregistered person noted. */
    private Person person(Map<String, String> form) {
        IdNumber number = parse(form.get("idNumber"));
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

    private Person personOrStartOver(Map<String, String> form, Model model) {
        try {
            return person(form);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            model.addAttribute("typed", Map.of());
            return null;
        }
    }

    /** A person the platform holds no record about has none to dispute: the service answers as for a missing record. */
    private static CitizenRef subject(Person p) {
        return p.ref().orElseThrow(() -> ChengxinException.notFound("RECORD_NOT_FOUND", "记录不存在或不是关于您的记录"));
    }

    private String show(Person p, Map<String, String> typed, Model model) {
        List<RemediesPages.RecordView> records = p.ref().map(pages::inForce).orElse(List.of());
        Long selectedId = RemediesPages.parseId(typed.getOrDefault("record", typed.get("recordId")));
        model.addAttribute("idNumber", p.number().value());
        model.addAttribute("maskedId", p.number().masked());
        model.addAttribute("name", p.name());
        model.addAttribute("registered", p.registered());
        model.addAttribute("records", records);
        model.addAttribute("selected", records.stream().filter(r -> selectedId != null && r.id() == selectedId).findFirst().orElse(null));
        model.addAttribute("action", typed.getOrDefault("action", typed.containsKey("fulfilment") ? "repair" : "objection"));
        model.addAttribute("eligibility", p.ref().map(repairs::eligibilityOf).orElse(List.of()));
        model.addAttribute("localWayRecords", p.ref().map(repairs::localWayRecordsOf).orElse(List.of()));
        model.addAttribute("commitments", Commitment.values());
        model.addAttribute("typed", typed);
        return PAGE;
    }

    private static long recordId(Map<String, String> form) {
        Long id = RemediesPages.parseId(form.get("recordId"));
        if (id == null) {
            throw ChengxinException.badRequest("WINDOW_RECORD_REQUIRED", "请选择当事人的一条记录");
        }
        return id;
    }

    private static Commitment commitment(String raw) {
        for (Commitment c : Commitment.values()) {
            if (c.name().equals(raw)) {
                return c;
            }
        }
        return null;
    }

    private IdNumber parse(String idNumber) {
        try {
            return IdNumber.parse(idNumber, clock);
        } catch (InvalidIdNumberException e) {
            throw ChengxinException.invalidIdNumber(e);
        }
    }
}
