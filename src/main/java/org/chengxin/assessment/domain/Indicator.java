package org.chengxin.assessment.domain;

/**
 * The scored indicators, each a share between 0 and 1, with its weight out of 100. An indicator without a base in the
 * period (nothing to push, nothing pushed, no check, no case) does not apply; see {@link Scoring}.
 */
public enum Indicator {
    COVERAGE("目录覆盖率", 25, "本期报送了记录的本部门必报目录信息项 ÷ 目录中列明本部门的信息项"),
    TIMELINESS("双公示按时报送率", 25, "决定日起 7 个工作日内（按平台工作日历，节假日不计、调休上班日计入）入库的双公示记录 ÷ 本期入库的双公示记录"),
    QUALITY("数据合格率", 20, "1 − 被拒绝的行 ÷ 本期报送批次中的行"),
    FEEDBACK("核查反馈按期率", 10, "按期反馈的核查 ÷（已反馈的核查 + 逾期未反馈的核查）"),
    REMEDIES("异议与修复按期办结率", 10, "按期办结的异议和信用修复申请 ÷ 本期受理的异议和信用修复申请（逾期未办结的计为超期）"),
    COMPLAINTS("投诉按期答复率", 10, "按期答复的投诉举报 ÷ 本期转本部门办理的投诉举报（逾期未答复的计为超期）");

    private final String label;
    private final int weight;
    private final String definition;

    Indicator(String label, int weight, String definition) {
        this.label = label;
        this.weight = weight;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public int weight() {
        return weight;
    }

    public String definition() {
        return definition;
    }

    /** The share, between 0 and 1; null when the indicator does not apply. */
    public Double share(Tally t) {
        return switch (this) {
            case COVERAGE -> t.mustItems().isEmpty() ? null : t.mustItemsPushed() / (double) t.mustItems().size();
            case TIMELINESS -> t.timedPushes() == 0 ? null : (t.timedPushes() - t.latePushes()) / (double) t.timedPushes();
            case QUALITY -> t.rows() == 0 ? null : 1 - t.rejected() / (double) t.rows();
            case FEEDBACK -> ratio(t.feedbackGiven() - t.feedbackLate(), t.feedbackGiven() + t.feedbackOverdue());
            case REMEDIES -> ratio(t.remediesReceived() - t.remediesLate(), t.remediesReceived());
            case COMPLAINTS -> ratio(t.complaintsReceived() - t.complaintsLate(), t.complaintsReceived());
        };
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.max(0, part) / (double) whole;
    }
}
