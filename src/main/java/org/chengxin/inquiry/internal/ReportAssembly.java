package org.chengxin.inquiry.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.RecordSubstance;
import org.chengxin.inquiry.CreditReport;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.domain.ReportCodes;
import org.chengxin.inquiry.domain.ReportScope;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.Standings;
import org.chengxin.statements.Statements;
import org.springframework.stereotype.Component;

/** A report's content, gathered from the person's standing, records, statements and query log. */
@Component
class ReportAssembly {

    private final Standings standings;
    private final Records records;
    private final Catalog catalog;
    private final Departments departments;
    private final Statements statements;
    private final QueryLog log;

    ReportAssembly(Standings standings, Records records, Catalog catalog, Departments departments, Statements statements, QueryLog log) {
        this.standings = standings;
        this.records = records;
        this.catalog = catalog;
        this.departments = departments;
        this.statements = statements;
        this.log = log;
    }

    /** The report as the scope allows: never a revoked, repaired or expired record, never an item outside the scope. */
    CreditReport assemble(SubjectKey subject, String masked, String name, ReportScope scope, Asker asker, String departmentName,
            String number, String code, Instant now, LocalDate today) {
        CreditStanding status = standings.of(subject);
        // only the published statements: one under review, rejected or withdrawn is never printed
        Map<Long, List<String>> statementsByRecord = statements.publishedFor(subject);
        Map<DepartmentCode, String> names = new HashMap<>();
        Function<DepartmentCode, String> nameOf = dept -> dept == null ? null
                : names.computeIfAbsent(dept, c -> departments.find(c).map(Department::name).orElse(c.value()));
        List<CreditReport.ReportRecord> good = new ArrayList<>();
        List<CreditReport.ReportRecord> bad = new ArrayList<>();
        List<CreditReport.ReportRecord> other = new ArrayList<>();
        for (CreditRecord r : shown(subject, scope, today)) {
            CreditReport.ReportRecord line = line(r, nameOf, statementsByRecord);
            switch (r.kind()) {
                case "GOOD_CREDIT" -> good.add(line);
                case "DISHONESTY" -> bad.add(line);
                default -> other.add(line);
            }
        }
        bad.sort(Comparator.comparing((CreditReport.ReportRecord l) -> ReportLabels.severityRank(l.severity()))
                .thenComparing(CreditReport.ReportRecord::decisionDate, Comparator.reverseOrder()));
        List<String> lists = status.lists().stream()
                .map(m -> m.listName() + "（" + nameOf.apply(m.departmentCode())
                        + " " + m.documentNumber() + "，" + m.startDate() + " 至 " + m.endDate() + "）")
                .toList();
        CreditReport.Summary summary = new CreditReport.Summary(status.grade(), status.gradeLabel(), status.points(),
                status.modelVersion(), status.threeYearsClean(), status.disputed(), lists, good.size(), bad.size(), other.size());
        List<CreditReport.QueryLine> queries = log.of(subject, now.minus(Duration.ofDays(731))).stream()
                .map(e -> new CreditReport.QueryLine(e.at(), e.organization(),
                        nameOf.apply(e.departmentCode()),
                        e.shownActor(), e.purpose(), e.kindLabel(), e.refused(), e.basis() != null ? e.basis()
                                : e.authorizationId() == null ? null : "授权 #" + e.authorizationId(), e.outcome()))
                .toList();
        CreditReport.Requester requester = new CreditReport.Requester(asker.organization(), departmentName, asker.clerk(),
                asker.purpose(), asker.kind().label(), asker.authorizationText());
        return new CreditReport(number, now, ReportCodes.validUntil(today), code, scope.name(), scope.label(),
                new CreditReport.Subject(name, masked), requester, summary, good, bad, other, queries, null);
    }

    private List<CreditRecord> shown(SubjectKey subject, ReportScope scope, LocalDate today) {
        return records.allFor(subject).stream()
                .filter(r -> r.status().shown() && r.expiresOn().isAfter(today))
                .filter(r -> scope.includes(r.scope()))
                .sorted(Comparator.comparing(CreditRecord::decisionDate).reversed().thenComparing(CreditRecord::id))
                .toList();
    }

    private CreditReport.ReportRecord line(CreditRecord r, Function<DepartmentCode, String> nameOf, Map<Long, List<String>> statementsByRecord) {
        Item item = itemOf(r);
        RecordSubstance substance = RecordSubstance.of(item, r.content());
        String collectionBasis = item == null ? null : item.legalBasis().toString();
        return new CreditReport.ReportRecord(r.id(), r.itemCode(),
                item == null ? r.itemCode() : item.name(), ReportLabels.severity(r.severity()), r.departmentCode(),
                nameOf.apply(r.departmentCode()), r.decisionDate(),
                r.documentNumber(), substance.basisOr(item == null ? null : item.legalBasis()), r.expiresOn().minusDays(1),
                r.status() == RecordStatus.OBJECTED ? ReportLabels.OBJECTION_NOTE
                        : r.status() == RecordStatus.SUSPENDED ? ReportLabels.SUSPENSION_NOTE : null,
                statementsByRecord.getOrDefault(r.id(), List.of()), substance(substance), collectionBasis);
    }

    /** The item as the catalog version the record was pushed under has it, else as it is today. */
    private Item itemOf(CreditRecord r) {
        return catalog.versions().stream().filter(v -> v.id() == r.catalogVersionId()).findFirst()
                .flatMap(v -> v.item(r.itemCode())).or(() -> catalog.item(r.itemCode())).orElse(null);
    }

    static CreditReport.Substance substance(RecordSubstance s) {
        return new CreditReport.Substance(s.facts(), s.decisionBasis(), s.kind(), s.result(), s.amount(), s.authority(),
                s.lines().stream().map(l -> new CreditReport.Field(l.label(), l.value())).toList());
    }
}
