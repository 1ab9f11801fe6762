package org.chengxin.complaints.domain;

/** What a complaint is about. A wrong record is no complaint: it goes to the objection flow. */
public enum ComplaintKind {
    UNAUTHORIZED_QUERY("未经授权查询我的信息", true, false),
    DATA_MISUSE("泄露或滥用我的信息", true, false),
    WRONG_RECORD("我的信用记录有误", false, false),
    AGENCY_MISCONDUCT("信用服务机构违规", false, false),
    DISHONESTY_REPORT("举报他人严重失信行为", false, true);

    private final String label;
    private final boolean aboutQuery;
    private final boolean report;

    ComplaintKind(String label, boolean aboutQuery, boolean report) {
        this.label = label;
        this.aboutQuery = aboutQuery;
        this.report = report;
    }

    public String label() {
        return label;
    }

    /** Whether the person may name the query-log entry the complaint is about. */
    public boolean aboutQuery() {
        return aboutQuery;
    }

    /** A report about somebody else (举报) rather than a complaint about one's own data (投诉). */
    public boolean report() {
        return report;
    }

    /** The kind named by a form's value, or null. */
    public static ComplaintKind parse(String raw) {
        for (ComplaintKind k : values()) {
            if (k.name().equals(raw)) {
                return k;
            }
        }
        return null;
    }
}
