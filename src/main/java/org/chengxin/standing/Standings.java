package org.chengxin.standing;

import org.chengxin.shared.subject.SubjectKey;

/** A person's credit standing, for the measures and inquiry modules (in-process) and the credit-status API. */
public interface Standings {

    /**
     * The standing now of the person under this blind index, from one read of the person's records; a person
     * with no records has the starting points.
     */
    CreditStanding of(SubjectKey subject);
}
