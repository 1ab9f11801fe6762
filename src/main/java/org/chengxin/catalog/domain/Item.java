package org.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An information item of the catalog: what a department may push about a person, under which law,
 * how severe it is, who may see it and for how long.
 *
 * @param departments department codes allowed to push it; {@code *} stands for every government department
 * @param minMonths   the minimum disclosure period, from the decision date
 * @param maxMonths   the maximum disclosure period: after it the record is neither shown nor used
 */
public record Item(String code, String name, String domain, ItemKind kind, Severity severity, DisclosureScope scope,
        int minMonths, int maxMonths, Set<String> departments, Set<String> groups, boolean adultsOnly,
        String dishonestyCategory, List<ItemField> fields, LegalBasis legalBasis, String description) {

    public static final String ALL_GOVERNMENT = "*";

    public Item {
        departments = Set.copyOf(departments);
        groups = Set.copyOf(groups);
        fields = List.copyOf(fields);
    }

    /** The last day of the minimum disclosure period of a record decided on the given day. */
    public LocalDate minimumPeriodEnd(LocalDate decisionDate) {
        return decisionDate.plusMonths(minMonths);
    }

    /** The day from which a record decided on the given day is neither shown nor used. */
    public LocalDate expiryDate(LocalDate decisionDate) {
        return decisionDate.plusMonths(maxMonths);
    }

    public boolean isDishonesty() {
        return kind == ItemKind.DISHONESTY;
    }
}
