package org.chengxin.archives.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.chengxin.archives.domain.Archive;
import org.chengxin.archives.internal.ArchiveDesk;
import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.HolderFilter.Holder;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.id.InvalidIdNumberException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.Listing;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.PersonLookups;
import org.chengxin.shared.listing.PersonLookups.Lookup;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewer of a regulating department lists the archives the department holds, the members of one (masked
 * numbers and names, paged and sorted, filtered by an ID number or a name posted, never put in an address), and
 * opens one member's archive for a purpose chosen from the archive's list: a POST whose answer is the archive, logged
 * in the person's query log and audited each time. Browsing the members is audited too.
 */
@Controller
class ArchivesPageController {

    private static final int MAX_NAME = 50;
    private static final int MAX_NAMESAKES = 1000;

    private final ArchiveDesk desk;
    private final Catalog catalog;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Departments departments;
    private final PersonLookups lookups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArchivesPageController(ArchiveDesk desk, Catalog catalog, Citizens citizens, PopulationRegister register, Departments departments,
            PersonLookups lookups, ApplicationEventPublisher events, Clock clock) {
        this.desk = desk;
        this.catalog = catalog;
        this.citizens = citizens;
        this.register = register;
        this.departments = departments;
        this.lookups = lookups;
        this.events = events;
        this.clock = clock;
    }

    /** An archive with what the index page says of it. */
    public record Held(Archive archive, List<String> ownItemNames, int itemCount, long members) {
    }

    @GetMapping("/archives")
    String index(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        Map<String, String> itemNames = desk.itemNames();
        PageRequest first = PageRequest.of(null, null, null, null, Records.HOLDER_SORT);
        List<Held> held = desk.heldBy(who.departmentCode()).stream()
                .map(a -> new Held(a, a.ownItems().stream().sorted().map(c -> itemNames.getOrDefault(c, c)).toList(), a.items().size(),
                        desk.members(a, null, first).total()))
                .toList();
        model.addAttribute("held", held);
        return "archives/index";
    }

    @GetMapping("/archives/groups/{code}")
    String members(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable String code, @RequestParam Map<String, String> params,
            HttpSession session, Model model) {
        Archive archive = desk.held(who.departmentCode(), code);
        List<String> problems = new ArrayList<>();
        String token = params.get("who");
        Optional<Lookup> person = lookups.find(session, token);
        if (token != null && !token.isBlank() && person.isEmpty()) {
            problems.add("按身份证号或姓名的筛选已过期（保留 " + PersonLookups.LIFETIME_MINUTES + " 分钟），请重新输入");
        }
        PageRequest request = PageRequest.of(integer(params.get("page")), integer(params.get("size")), params.get("sort"),
                params.get("dir"), Records.HOLDER_SORT);
        PageResult<Holder> page = desk.members(archive, person.map(Lookup::subjects).orElse(null), request);
        String described = person.map(p -> "当事人 " + p.label()).orElse("全部");
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "archives.browse", null, "查看本部门监管人群名单",
                AuditOutcome.SUCCESS, "查看「" + archive.name() + "」成员第 " + page.number() + " 页（" + page.items().size() + " 人，共 "
                        + page.total() + " 人）；筛选：" + described));
        List<Long> ids = page.items().stream().map(Holder::subjectId).toList();
        Map<Long, String> maskedNames = new HashMap<>();
        register.namesOf(ids).forEach((id, name) -> maskedNames.put(id, Masking.name(name)));
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("who", person.isPresent() ? token : null);
        model.addAttribute("archive", archive);
        model.addAttribute("listing", Listing.of(page, "/archives/groups/" + code, kept));
        model.addAttribute("maskedIds", citizens.maskedIds(ids));
        model.addAttribute("maskedNames", maskedNames);
        model.addAttribute("described", described);
        model.addAttribute("problems", problems);
        model.addAttribute("person", person.orElse(null));
        model.addAttribute("who", person.isPresent() ? token : null);
        return "archives/members";
    }

    /** The person filter: the number and the name in this POST body only, the list's address gets a token. */
    @PostMapping("/archives/groups/{code}/filter")
    String filter(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable String code, @RequestParam Map<String, String> form,
            HttpSession session, RedirectAttributes redirect) {
        Archive archive = desk.held(who.departmentCode(), code);
        String idNumber = form.getOrDefault("idNumber", "").strip();
        String name = form.getOrDefault("name", "").strip();
        List<SubjectKey> subjects = null;
        List<String> labels = new ArrayList<>();
        if (!idNumber.isEmpty()) {
            try {
                IdNumber number = IdNumber.parse(idNumber, clock);
                subjects = List.of(citizens.subjectKeyOf(number));
                labels.add(number.masked());
            } catch (InvalidIdNumberException e) {
                redirect.addFlashAttribute("filterError", "身份证号码有误：" + e.getMessage() + "。未按身份证号筛选。");
            }
        }
        if (!name.isEmpty()) {
            if (name.length() > MAX_NAME) {
                redirect.addFlashAttribute("filterError", "姓名过长（最多 " + MAX_NAME + " 个字符）。未按姓名筛选。");
            } else {
                List<SubjectKey> named = register.subjectsNamed(name, MAX_NAMESAKES);
                subjects = subjects == null ? named : subjects.stream().filter(named::contains).toList();
                labels.add("姓名 " + Masking.name(name));
            }
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/archives/groups/" + archive.code());
        if (subjects != null) {
            url.queryParam("who", lookups.store(session, subjects, String.join("，", labels)));
        }
        for (String key : List.of("sort", "dir", "size")) {
            String v = form.get(key);
            if (v != null && !v.isBlank()) {
                url.queryParam(key, v.strip());
            }
        }
        return "redirect:" + url.encode().build().toUriString();
    }

    /**
     * Opens a member's archive for the purpose chosen: the answer to this POST is the archive (nothing to bookmark, each
     * opening logged). Refused without a purpose of the list (400), for someone not a member (404), for another
     * department's archive (403).
     */
    @PostMapping("/archives/groups/{code}/archive")
    String open(@AuthenticationPrincipal ChengxinPrincipal who, @PathVariable String code, @RequestParam(required = false) Long subject,
            @RequestParam(required = false) String purpose, HttpServletResponse response, Model model) {
        Archive archive = desk.held(who.departmentCode(), code);
        ArchiveDesk.Opened opened;
        try {
            opened = desk.open(CurrentActor.get(), archive, subject == null ? -1 : subject, purpose);
        } catch (ChengxinException e) {
            if (e.kind() != ChengxinException.Kind.INVALID) {
                throw e;
            }
            // no purpose of the list: said on a page of its own, with the way back to the list
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("archive", archive);
            model.addAttribute("error", e);
            return "archives/refused";
        }
        Map<String, String> departmentNames = new HashMap<>();
        departments.all().forEach(d -> departmentNames.put(d.code().value(), d.name()));
        Map<String, String> itemNames = desk.itemNames();
        List<Shown> shown = opened.records().stream().map(r -> {
            Item item = itemOf(r);
            return new Shown(r, item == null ? itemNames.getOrDefault(r.itemCode(), r.itemCode()) : item.name(),
                    departmentNames.getOrDefault(r.departmentCode().value(), "其他部门"),
                    item == null ? null : RecordSubstance.of(item, r.content()),
                    item == null ? null : item.legalBasis().law() + item.legalBasis().article());
        }).toList();
        model.addAttribute("archive", archive);
        model.addAttribute("maskedId", opened.person().maskedId());
        model.addAttribute("name", register.nameOf(opened.person().id()).orElse("（人口基础信息库无此人姓名）"));
        model.addAttribute("purpose", opened.purpose());
        model.addAttribute("department", departments.find(who.departmentCode()).map(Department::name).orElse(""));
        model.addAttribute("shown", shown);
        return "archives/member";
    }

    /** A record as the archive shows it: the item and the department in words, the content as labelled fields. */
    public record Shown(CreditRecord record, String itemName, String departmentName, RecordSubstance substance, String collectionBasis) {
    }

    private Item itemOf(CreditRecord record) {
        return catalog.versions().stream().filter(v -> v.id() == record.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(record.itemCode())).or(() -> catalog.item(record.itemCode())).orElse(null);
    }

    private static Integer integer(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
