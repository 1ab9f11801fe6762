package org.chengxin.statements;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.statements.domain.OwnStatement;
import org.chengxin.statements.domain.RejectionGround;
import org.chengxin.statements.domain.StatementHistory;

/**
 * The person's own statements (本人声明) about their records: written by the person, reviewed by the platform's
 * staff, shown beside the record on every output once published, withdrawable. Every step is audited.
 */
public interface Statements {

    /** The person writes their statement on one of their records, first or again: a new version under review. */
    OwnStatement submit(SubjectKey subject, long recordId, String text);

    /** The person withdraws the statement the version {@code id} belongs to (every version under review or shown). */
    void withdraw(long id, SubjectKey subject);

    /** The person's statements by record, every version kept. */
    Map<Long, StatementHistory> historiesOf(SubjectKey subject);

    /** The person's statement on one record, every version kept (empty when there is none or the record is not theirs). */
    StatementHistory historyOf(SubjectKey subject, long recordId);

    /** What every output prints beside the person's records: the published texts by record, oldest first. */
    Map<Long, List<String>> publishedFor(SubjectKey subject);

    /** The published texts about one record, oldest first. */
    List<String> publishedOn(long recordId);

    /** The versions under review, oldest first (the platform's review queue). */
    List<OwnStatement> pending();

    /** One version, for the platform's staff. */
    Optional<OwnStatement> find(long id);

    /** The reviewer publishes a version under review. */
    OwnStatement publish(long id);

    /** The reviewer rejects a version under review, for a named ground. */
    OwnStatement reject(long id, RejectionGround ground, String reason);
}
