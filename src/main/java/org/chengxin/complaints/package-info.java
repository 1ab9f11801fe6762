/**
 * Complaints and reports (投诉与举报, issue 14 item 4): a person complains that their data was queried without
 * authorization or leaked or misused, that a credit agency misbehaved, or reports somebody else's serious
 * dishonesty; a wrong record goes to the objection flow instead. Each case is routed to the department
 * responsible (the department of the query-log entry it is about, else the platform administrator's queue) with
 * an acknowledgement and a reply deadline in working days; the administrator acknowledges, assigns and answers any
 * case, a department's reviewer those routed to their department, and the answer is told to the person
 * ({@link org.chengxin.complaints.ComplaintAnswered}). A complaint about a query-log entry is put before the auditor
 * through the inquiry module's {@code QueryReview} (a flag of rule 当事人投诉) and answered with the finding.
 */
@org.springframework.modulith.ApplicationModule(displayName = "投诉与举报 complaints",
        allowedDependencies = { "shared", "identity", "organization", "inquiry" })
package org.chengxin.complaints;
