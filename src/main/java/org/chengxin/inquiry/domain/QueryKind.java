package org.chengxin.inquiry.domain;

/**
 * The kinds of use of a person's data the query log keeps (policy 十二): the four report queries — at a window, by
 * the person, by a department for its duties, by an organization's system — and the two uses without a report: a
 * department system's credit-status query and a measure check while handling a matter — and the archive openings and
 * another city's mutual query.
 */
public enum QueryKind {
    WINDOW("窗口查询"), SELF("本人查询"), GOVERNMENT("政务共享查询"), API("授权机构查询"), STATUS("信用状况查询"), MEASURE("联合奖惩核查"),
    /** A regulator opened the archive of a member of its key group (policy 七). */
    ARCHIVE("重点人群信用档案查阅"),
    /** The education bureau or a school opened a student's integrity archive (policy 四). */
    STUDENT_ARCHIVE("学生诚信档案查阅"),
    /** Another city's credit platform asked for the person's credit status for a duty (异地互查, issue 18). */
    MUTUAL("异地信用互查");

    private final String label;

    QueryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a report is issued for this kind of query (the uses without a report answer a status or a check). */
    public boolean issuesReport() {
        return this != STATUS && this != MEASURE && this != ARCHIVE && this != STUDENT_ARCHIVE && this != MUTUAL;
    }
}
