package org.chengxin.complaints.web;

import java.time.LocalDate;

import org.chengxin.complaints.domain.Complaint;

/** A complaint as a page shows it: with its department's name and whether a deadline is missed today. */
record ComplaintView(Complaint complaint, String departmentName, boolean overdue, boolean acknowledgementOverdue, boolean replyOverdue) {

    static ComplaintView of(Complaint c, String departmentName, LocalDate today) {
        return new ComplaintView(c, departmentName, c.overdue(today), c.acknowledgementOverdue(today), c.replyOverdue(today));
    }
}
