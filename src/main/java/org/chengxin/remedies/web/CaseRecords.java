package org.chengxin.remedies.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordVersion;
import org.chengxin.records.Records;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.statements.Statements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the staff pages and the department API show of a case's record: item name, department name,
 * the person's masked number (never the blind index, never the full number) and every content field
 * under its catalog label.
 */
@Component
class CaseRecords {

    private final Records records;
    private final Catalog catalog;
    private final Citizens citizens;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Statements statements;

    CaseRecords(Records records, Catalog catalog, Citizens citizens, Departments departments, ApplicationEventPublisher events,
            Clock clock, Statements statements) {
        this.statements = statements;
        this.records = records;
        this.catalog = catalog;
        this.citizens = citizens;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    /** A record of the department, revoked or repaired ones included (the case is about it whatever it became). */
    Optional<CreditRecord> ofDepartment(long recordId, DepartmentCode departmentCode) {
        return records.findOfDepartment(recordId, departmentCode);
    }

    /** A record for the platform's staff, whichever department formed it. */
    Optional<CreditRecord> any(long recordId) {
        return records.find(recordId);
    }

    String maskedId(CreditRecord record) {
        return citizens.findById(record.subjectId()).map(CitizenRef::maskedId).orElse("—");
    }

    String maskedId(long recordId) {
        return records.find(recordId).map(this::maskedId).orElse("—");
    }

    String itemName(String itemCode) {
        return catalog.item(itemCode).map(Item::name).orElse(itemCode);
    }

    String departmentName(DepartmentCode code) {
        return code == null ? null : departments.find(code).map(Department::name).orElse(code.value());
    }

    /** A field's catalog label; the field name itself for a field the catalog no longer has. */
    String fieldLabel(String itemCode, String field) {
        if (field == null) {
            return "整条记录";
        }
        return catalog.item(itemCode).flatMap(i -> i.fields().stream().filter(f -> f.name().equals(field)).findFirst())
                .map(ItemField::label).orElse(field);
    }

    /**
     * The content each under its catalog label, the decision's facts, basis, kind, result, amount and authority
     * first, then the item's other fields in the catalog's order; fields the catalog does not name last.
     */
    List<Field> fields(CreditRecord record) {
        return RecordSubstance.of(itemOf(record), record.content()).lines().stream()
                .map(l -> new Field(l.name(), l.label(), l.value())).toList();
    }

    /** The item's legal basis for collecting the record (收集依据), shown apart from the decision's own basis. */
    String collectionBasis(CreditRecord record) {
        Item item = itemOf(record);
        return item == null ? null : item.legalBasis().toString();
    }

    /** Each version's content as labelled Chinese lines in one, by version number: never a map as Java prints it. */
    Map<Integer, String> versionTexts(CreditRecord record, List<RecordVersion> versions) {
        Item item = itemOf(record);
        Map<Integer, String> texts = new HashMap<>();
        versions.forEach(v -> texts.put(v.version(), RecordSubstance.of(item, v.content()).summary()));
        return texts;
    }

    private Item itemOf(CreditRecord record) {
        return catalog.versions().stream().filter(v -> v.id() == record.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(record.itemCode())).or(() -> catalog.item(record.itemCode())).orElse(null);
    }

    /** The person's own statements (本人声明) published about the record: shown beside it wherever it is shown. */
    List<String> statementsOn(long recordId) {
        return statements.publishedOn(recordId);
    }

    /** Days from today to the due day: negative once it has passed. */
    long daysLeft(LocalDate dueOn) {
        return ChronoUnit.DAYS.between(LocalDate.now(clock), dueOn);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Opening a case is a read of a person's data: audited under the person. */
    void auditView(String action, SubjectKey subject, String purpose, String detail) {
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), action, subject, purpose,
                AuditOutcome.SUCCESS, detail));
    }

    /** One content field of a record, with its label. */
    record Field(String name, String label, String value) {
    }
}
