package org.chengxin.complaints;

import java.time.Instant;

import org.chengxin.shared.subject.SubjectKey;

/**
 * A complaint or report was answered; published in the answering transaction, the person is told from it.
 *
 * @param kindLabel the complaint's kind as the person reads it
 * @param reply     the answer with its reasons (never an unmasked ID number)
 * @param late      answered after its reply deadline
 */
public record ComplaintAnswered(long complaintId, SubjectKey subject, String kindLabel, boolean report, String reply, boolean late,
        Instant answeredAt) {
}
