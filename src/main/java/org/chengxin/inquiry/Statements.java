package org.chengxin.inquiry;

import java.time.Instant;
import java.util.List;

/** The person's own statements (本人声明) about their records, printed beside the record in every report. Audited. */
public interface Statements {

    /** Adds a statement about one of the person's own records (at most 500 characters). */
    Statement add(String subjectIndex, long recordId, String text);

    /** Withdraws one of the person's statements. */
    void withdraw(long id, String subjectIndex);

    /** The person's statements in force, oldest first. */
    List<Statement> of(String subjectIndex);

    record Statement(long id, long recordId, String text, Instant createdAt) {
    }
}
