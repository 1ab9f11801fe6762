package org.chengxin.remedies;

import java.util.List;
import java.util.Optional;

import org.chengxin.identity.CitizenRef;
import org.chengxin.remedies.domain.DismissalGround;
import org.chengxin.remedies.domain.Objection;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * Objections (异议): a person files one against one of their records, the platform's staff screen it,
 * the department that formed the record decides within the period. While it is open the record is
 * under objection (shown and used, marked as disputed).
 */
public interface Objections {

    /** The person themselves, online; {@code field} may be null (the record as a whole). */
    Objection file(CitizenRef person, long recordId, String field, String grounds, String requestedValue, List<Upload> files);

    /** A window clerk, for the person who is present (the clerk confirms it). */
    Objection fileAtWindow(CitizenRef person, boolean personPresent, long recordId, String field, String grounds,
            String requestedValue, List<Upload> files);

    List<Objection> ofPerson(CitizenRef person);

    /** An objection of this person; empty for anyone else's. */
    Optional<Objection> ofPerson(CitizenRef person, long id);

    Objection withdraw(CitizenRef person, long id);

    /** What the platform's staff have to screen, the oldest deadline first. */
    List<Objection> awaitingScreening();

    Optional<Objection> find(long id);

    Objection accept(long id);

    Objection dismiss(long id, DismissalGround ground, String explanation);

    /** The objections passed to a department; only the open ones when {@code openOnly}. */
    List<Objection> ofDepartment(DepartmentCode departmentCode, boolean openOnly);

    /** An objection about a record of this department, past screening; empty otherwise. */
    Optional<Objection> ofDepartment(DepartmentCode departmentCode, long id);

    /** The department's decision; {@code correctedValue} only for {@link Outcome#CORRECT}. */
    Objection decide(DepartmentCode departmentCode, long id, Outcome outcome, String reasons, String correctedValue);

    /** Open objections past their day, for the administrator. */
    List<Objection> overdue();

    /** Tells the administrator of every open objection that passed its day; returns how many. */
    int escalateOverdue();

    List<Attachment> attachmentsOf(long objectionId);

    /** How a department may answer an objection. */
    enum Outcome {
        UPHOLD("维持原记录"),
        CORRECT("更正记录"),
        REVOKE("撤销记录");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
