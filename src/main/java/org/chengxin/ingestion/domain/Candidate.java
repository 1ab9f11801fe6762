package org.chengxin.ingestion.domain;

import java.time.LocalDate;
import java.util.Map;

import org.chengxin.catalog.domain.Item;
import org.chengxin.shared.id.IdNumber;

/**
 * A row that passed every check that needs no database: what remains is the name check and storing.
 *
 * @param repairNotice a credit repair notice (信用修复告知书) was served with the decision (两书同达)
 * @param endedOn for a row of an upstream platform's list that says the entry has ended (removed, revoked), the day it
 *        ended; null for a row to store
 * @param firm for a row about a firm (issue 18 item 3), the firm and the responsible persons it names; {@code idNumber} is
 *        then null and {@code name} the firm's name
 */
public record Candidate(long rowNo, IdNumber idNumber, String name, Item item, String sourceId, LocalDate decisionDate,
        String documentNumber, Map<String, String> content, boolean repairNotice, LocalDate endedOn, FirmRow firm) {

    public Candidate(long rowNo, IdNumber idNumber, String name, Item item, String sourceId, LocalDate decisionDate,
            String documentNumber, Map<String, String> content, boolean repairNotice, LocalDate endedOn) {
        this(rowNo, idNumber, name, item, sourceId, decisionDate, documentNumber, content, repairNotice, endedOn, null);
    }

    public Candidate(long rowNo, IdNumber idNumber, String name, Item item, String sourceId, LocalDate decisionDate,
            String documentNumber, Map<String, String> content, boolean repairNotice) {
        this(rowNo, idNumber, name, item, sourceId, decisionDate, documentNumber, content, repairNotice, null);
    }

    /** Whether the row is about a firm rather than a person. */
    public boolean aboutFirm() {
        return firm != null;
    }

    /** Whether the row ends an entry the platform holds rather than storing one. */
    public boolean ends() {
        return endedOn != null;
    }
}
