package org.chengxin.catalog.domain;

import java.util.Locale;
import java.util.Map;

/**
 * What an item's field says of the decision behind a record, as a national credit report shows it: the
 * facts (事由), the decision's own legal basis, the kind and content of the penalty or honour, an amount and
 * the deciding authority. The catalog declares it per field; a field of an older catalog version without one
 * takes the role its well-known name has ({@link #byName}), else {@link #OTHER}.
 */
public enum FieldRole {
    FACTS("事由"),
    DECISION_BASIS("决定依据"),
    KIND("类别"),
    RESULT("处理结果"),
    AMOUNT("金额"),
    AUTHORITY("决定机关"),
    OTHER("其他");

    /** The roles the platform's own catalogs give their common field names (and the 双公示 columns map onto). */
    private static final Map<String, FieldRole> WELL_KNOWN = Map.ofEntries(
            Map.entry("facts", FACTS), Map.entry("cheatingConduct", FACTS), Map.entry("misconductType", FACTS),
            Map.entry("dishonestCircumstance", FACTS), Map.entry("revocationReason", FACTS),
            Map.entry("basis", DECISION_BASIS), Map.entry("decisionBasis", DECISION_BASIS),
            Map.entry("penaltyType", KIND), Map.entry("approvalCategory", KIND),
            Map.entry("penaltyResult", RESULT), Map.entry("sentence", RESULT), Map.entry("handlingResult", RESULT),
            Map.entry("disciplinaryAction", RESULT), Map.entry("honourTitle", RESULT), Map.entry("licenseContent", RESULT),
            Map.entry("creditLevel", RESULT),
            Map.entry("fineAmount", AMOUNT), Map.entry("confiscatedAmount", AMOUNT),
            Map.entry("authority", AUTHORITY), Map.entry("court", AUTHORITY), Map.entry("awardingAuthority", AUTHORITY),
            Map.entry("identifiedBy", AUTHORITY));

    private final String label;

    FieldRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The role a field of this name has when its catalog version declares none. */
    public static FieldRole byName(String fieldName) {
        return fieldName == null ? OTHER : WELL_KNOWN.getOrDefault(fieldName, OTHER);
    }

    /** A role as an administrator writes it: its name (FACTS) or its Chinese label (事由); null when it is neither. */
    public static FieldRole parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (FieldRole r : values()) {
            if (r.name().equals(t.toUpperCase(Locale.ROOT)) || r.label.equals(t)) {
                return r;
            }
        }
        return null;
    }
}
