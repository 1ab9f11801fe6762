package org.chengxin.measures.domain;

import java.util.List;

/**
 * A measure that applies to a person, with what it rests on: the list entries or records that
 * triggered it, or the grade or three-years-clean status, said in plain Chinese.
 */
public record Hit(Measure measure, String reason, List<PersonFacts.ListFact> listEntries, List<PersonFacts.RecordFact> records) {
}
