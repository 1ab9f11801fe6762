package org.chengxin.complaints.web;

import java.time.LocalDate;

import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintStatus;

/**
 * A complaint as a page shows it: with its department's name, whether a deadline is missed today and, on the staff's
 * pages, the auditor's finding on the query-log entry it names (null when none was asked for, or for the person).
 */
record ComplaintView(Complaint complaint, String departmentName, boolean overdue, boolean acknowledgementOverdue, boolean replyOverdue,
        Complaints.Finding finding) {

    static ComplaintView of(Complaint c, String departmentName, LocalDate today, Complaints.Finding finding) {
        return new ComplaintView(c, departmentName, c.overdue(today), c.acknowledgementOverdue(today), c.replyOverdue(today), finding);
    }

    /** A query or misuse complaint naming an entry of the query log, still open: the administrator may ask the auditor. */
    public boolean referable() {
        return complaint.queryId() != null && complaint.kind().aboutQuery()
                && complaint.status() != ComplaintStatus.ANSWERED;
    }
}
