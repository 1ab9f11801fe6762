package org.chengxin.ingestion.domain;

import java.time.LocalDate;
import java.util.Map;

import org.chengxin.catalog.domain.Item;
import org.chengxin.shared.id.IdNumber;

/** A row that passed every check that needs no database: what remains is the name check and storing. */
public record Candidate(long rowNo, IdNumber idNumber, String name, Item item, String sourceId, LocalDate decisionDate,
        String documentNumber, Map<String, String> content) {
}
