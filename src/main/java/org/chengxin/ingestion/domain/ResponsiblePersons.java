package org.chengxin.ingestion.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.shared.firm.ResponsibleRole;

/**
 * How a firm's row reaches the persons it names (policy 十四): each becomes a row of the same item about the person, as if
 * the department had pushed it, held under the firm's source id with the role's suffix, and saying in its content which
 * firm and which part ({@link #FIRM_NAME}, {@link #FIRM_USCC}, {@link #ROLE}), so that whoever reads the person's record
 * knows why it is theirs.
 */
public final class ResponsiblePersons {

    /** The content keys a person's record made from a firm's row carries besides the item's fields. */
    public static final String FIRM_NAME = "firmName";
    public static final String FIRM_USCC = "firmUscc";
    public static final String ROLE = "responsibleRole";

    private ResponsiblePersons() {
    }

    /** The person's row made from the firm's. */
    public static Candidate rowOf(Candidate firm, FirmRow.Responsible person) {
        Map<String, String> content = new LinkedHashMap<>(firm.content());
        content.put(FIRM_NAME, firm.firm().name().strip());
        content.put(FIRM_USCC, firm.firm().uscc().value());
        content.put(ROLE, person.role().label());
        return new Candidate(firm.rowNo(), person.idNumber(), person.name(), firm.item(), person.role().sourceIdOf(firm.sourceId()),
                firm.decisionDate(), firm.documentNumber(), content, firm.repairNotice(), null);
    }

    /** The firm's row refused because a person it names does not match the population register. */
    public static Rejection nameMismatch(Candidate person, Candidate firm) {
        String role = person.content().get(ROLE);
        String field = ResponsibleRole.LEGAL_REPRESENTATIVE.label().equals(role) ? FirmColumns.REPRESENTATIVE : FirmColumns.RESPONSIBLE;
        return new Rejection(firm.rowNo(), field, "RESPONSIBLE_NAME_MISMATCH", role + "的姓名与人口基础信息不符，整行未予归集")
                .withSourceId(firm.sourceId());
    }
}
