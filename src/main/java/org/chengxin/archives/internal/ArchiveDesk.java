package org.chengxin.archives.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chengxin.archives.ArchiveOpened;
import org.chengxin.archives.domain.Archive;
import org.chengxin.archives.domain.ArchiveRules;
import org.chengxin.catalog.Catalog;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.HolderFilter;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.subject.SubjectKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archives a department holds (derived from the catalog in force, {@link ArchiveRules}), their members, and the
 * opening of one member's archive: only for a purpose of the archive's list, only of a member, logged in the person's
 * query log (through {@link ArchiveOpened}) and in the audit trail in the transaction that reads the records.
 */
@Service
public class ArchiveDesk {

    private final Catalog catalog;
    private final Records records;
    private final Citizens citizens;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<String> education;

    ArchiveDesk(Catalog catalog, Records records, Citizens citizens, Departments departments, ApplicationEventPublisher events,
            Clock clock, @Value("${chengxin.archives.education-departments:jyj}") String education) {
        this.catalog = catalog;
        this.records = records;
        this.citizens = citizens;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
        this.education = Arrays.stream(education.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** What a member's archive shows: the person (masked number) and the records in force of the archive's items. */
    public record Opened(CitizenRef person, String purpose, List<CreditRecord> records) {
    }

    public List<Archive> heldBy(DepartmentCode department) {
        return ArchiveRules.heldBy(department.value(), catalog.current().allItems(), catalog.groups(), education);
    }

    /**
     * The archive of this code if the department holds it: unknown codes are not found, an archive held only by other
     * departments is refused (it is theirs).
     */
    public Archive held(DepartmentCode department, String code) {
        boolean exists = ArchiveRules.STUDENTS.equals(code) || catalog.groups().stream().anyMatch(g -> g.code().equals(code));
        if (!exists) {
            throw ChengxinException.notFound("ARCHIVE_NOT_FOUND", "没有这个重点人群或档案");
        }
        return heldBy(department).stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> ChengxinException.forbidden("ARCHIVE_NOT_HELD", "本部门不是该人群的监管部门，不能查阅其信用档案"));
    }

    /** One page of the members: people with a record in force of one of the department's own items of the archive. */
    public PageResult<HolderFilter.Holder> members(Archive archive, List<SubjectKey> subjects, PageRequest page) {
        return records.holders(new HolderFilter(archive.ownItems(), archive.items(), subjects, archive.adultsOnly()), page);
    }

    /**
     * Opens a member's archive for a purpose: refused without a purpose of the archive's list, and for a person who is
     * no member (a regulator reads the archive of its own group only). Logged and audited before anything is shown.
     */
    @Transactional
    public Opened open(Actor actor, Archive archive, long subjectId, String purpose) {
        if (!archive.allows(purpose)) {
            throw ChengxinException.badRequest("ARCHIVE_PURPOSE_REQUIRED",
                    "请从列表中选择查阅目的（" + String.join("、", archive.purposes()) + "）后再查阅档案");
        }
        CitizenRef person = citizens.findById(subjectId).orElseThrow(ArchiveDesk::notMember);
        if (members(archive, List.of(person.subject()), PageRequest.of(null, null, null, null, Records.HOLDER_SORT)).total() == 0) {
            throw notMember();
        }
        List<CreditRecord> shown = records.inForceFor(person.subject()).stream()
                .filter(r -> archive.items().contains(r.itemCode()))
                .filter(r -> !archive.adultsOnly() || !Boolean.TRUE.equals(r.subjectMinor()))
                .toList();
        String chosen = purpose.strip();
        String departmentName = departments.find(actor.department()).map(Department::name).orElse("本部门");
        Instant now = Instant.now(clock);
        events.publishEvent(new ArchiveOpened(now, actor, person.subject(), person.maskedId(), archive.students(), archive.name(), chosen,
                archive.basis(departmentName, itemNames())));
        events.publishEvent(AuditEvent.of(actor, now, "archives.open", person.subject(), chosen, AuditOutcome.SUCCESS,
                "查阅" + (archive.students() ? "" : "重点人群「") + archive.name() + (archive.students() ? "" : "」信用档案") + "，"
                        + shown.size() + " 条记录"));
        return new Opened(person, chosen, shown);
    }

    /** Item names of every catalog version (a record may be of an item since changed). */
    public Map<String, String> itemNames() {
        Map<String, String> names = new HashMap<>();
        catalog.versions().forEach(v -> v.allItems().forEach(i -> names.put(i.code(), i.name())));
        return names;
    }

    private static ChengxinException notMember() {
        return ChengxinException.notFound("ARCHIVE_NOT_A_MEMBER", "该人员不在本部门监管的人群中，不能查阅其档案");
    }
}
