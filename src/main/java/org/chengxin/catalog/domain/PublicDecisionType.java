package org.chengxin.catalog.domain;

import java.util.Optional;

/**
 * The two kinds of administrative decision the 双公示 makes public (行政许可 and 行政处罚), and which catalog items record
 * them: items disclosed to the public, never the courts' (失信被执行人 and the like are judicial, not administrative), a
 * licence being a basic-information item and a penalty a dishonesty item of any severity but minor. One rule for the
 * public portal, which publishes these decisions, and the exchange, which delivers them upstream in the national formats.
 */
public enum PublicDecisionType {
    LICENCE("行政许可", "XK"),
    PENALTY("行政处罚", "CF");

    /** The catalog domain of the courts' items. */
    private static final String JUDICIAL = "JUDICIAL";

    private final String label;
    private final String nationalPrefix;

    PublicDecisionType(String label, String nationalPrefix) {
        this.label = label;
        this.nationalPrefix = nationalPrefix;
    }

    public String label() {
        return label;
    }

    /** The prefix of the national format's columns: XK_* for licences, CF_* for penalties. */
    public String nationalPrefix() {
        return nationalPrefix;
    }

    /** The kind of decision an item's records are, when the 双公示 publishes them; empty otherwise. */
    public static Optional<PublicDecisionType> of(Item item) {
        if (item == null || item.scope() != DisclosureScope.PUBLIC || JUDICIAL.equals(item.domain())) {
            return Optional.empty();
        }
        if (item.kind() == ItemKind.BASIC) {
            return Optional.of(LICENCE);
        }
        if (item.kind() == ItemKind.DISHONESTY && item.severity() != null && item.severity() != Severity.MINOR) {
            return Optional.of(PENALTY);
        }
        return Optional.empty();
    }
}
