package org.chengxin.ingestion.domain;

import java.util.List;

import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.id.IdNumber;

/**
 * The firm a row is about (法人或非法人组织), and the natural persons it names as responsible, when the item reaches them.
 *
 * @param persons the responsible persons whose records the row makes (empty when the item stays the firm's, or the row
 *                names nobody with an ID number)
 */
public record FirmRow(Uscc uscc, String name, List<Responsible> persons) {

    public FirmRow {
        persons = List.copyOf(persons);
    }

    /** A person named in a firm's row with the part they played. */
    public record Responsible(ResponsibleRole role, IdNumber idNumber, String name) {
    }
}
