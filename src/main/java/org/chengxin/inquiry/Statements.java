package org.chengxin.inquiry;

import java.time.Instant;
import java.util.List;
import org.chengxin.shared.subject.SubjectKey;

/** The person's own statements (本人声明) about their records, printed beside the record in every report. Audited. */
public interface Statements {

    /** Adds a statement about one of the person's own records (at most 500 characters). */
    Statement add(SubjectKey subject, long recordId, String text);

    /** Withdraws one of the person's statements. */
    void withdraw(long id, SubjectKey subject);

    /** The person's statements in force, oldest first. */
    List<Statement> of(SubjectKey subject);

    record Statement(long id, long recordId, String text, Instant createdAt) {
    }
}
