package org.chengxin.remedies.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Component;

/**
 * Draws the cases of a page (or of an export chunk) as lines: each record read once to find the person, then the
 * masked numbers and the names in one query each.
 */
@Component
class ReviewRows {

    private final Records records;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Catalog catalog;
    private final Clock clock;

    ReviewRows(Records records, Citizens citizens, PopulationRegister register, Catalog catalog, Clock clock) {
        this.records = records;
        this.citizens = citizens;
        this.register = register;
        this.catalog = catalog;
        this.clock = clock;
    }

    List<ReviewRow> draw(List<ReviewCase> cases, DepartmentCode department) {
        Map<Long, Long> subjectOfRecord = new HashMap<>();
        for (ReviewCase c : cases) {
            records.findOfDepartment(c.recordId(), department).map(CreditRecord::subjectId)
                    .ifPresent(s -> subjectOfRecord.put(c.recordId(), s));
        }
        Map<Long, String> maskedIds = citizens.maskedIds(subjectOfRecord.values());
        Map<Long, String> names = new HashMap<>();
        register.namesOf(subjectOfRecord.values()).forEach((id, name) -> names.put(id, Masking.name(name)));
        LocalDate today = LocalDate.now(clock);
        return cases.stream().map(c -> {
            Long subject = subjectOfRecord.get(c.recordId());
            String maskedId = subject == null ? "—" : maskedIds.getOrDefault(subject, "—");
            String name = subject == null ? "—" : names.getOrDefault(subject, "—");
            String href = ("repair".equals(c.kind()) ? "/review/repairs/" : "/review/objections/") + c.id();
            return new ReviewRow(c.kind(), ReviewCase.kindLabel(c.kind()), c.id(), href, c.itemCode(), itemName(c.itemCode()), name,
                    maskedId, c.filedOn(), c.dueOn(), ChronoUnit.DAYS.between(today, c.dueOn()), c.overdue(today), c.escalated(),
                    c.open(), c.statusCode(), c.statusLabel(), c.decidedAt(), c.late());
        }).toList();
    }

    String itemName(String itemCode) {
        return catalog.item(itemCode).map(Item::name).orElse(itemCode);
    }
}
