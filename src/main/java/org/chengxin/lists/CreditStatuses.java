package org.chengxin.lists;

/** A person's credit status, for the inquiry and measures modules (in-process) and the status API. */
public interface CreditStatuses {

    /** The status now of the person under this blind index; a person with no records has the starting points. */
    CreditStatus of(String subjectIndex);
}
