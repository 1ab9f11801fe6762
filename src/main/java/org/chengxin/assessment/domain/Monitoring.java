package org.chengxin.assessment.domain;

import java.util.List;

/**
 * The indicators of the national city credit monitoring (全国城市信用状况监测) that the platform's own data can compute
 * honestly, for the city as a whole and a period, each with its definition in words: the one place they are defined.
 * A share has no value where its base is zero (不适用/无数据). The indicators the platform cannot compute are listed in
 * {@link #NOT_COMPUTABLE} with the reason.
 */
public enum Monitoring {
    DOUBLE_PUBLICITY_TIMELY("双公示数据报送及时率", Unit.PERCENT,
            "决定日起 7 个工作日内（按平台工作日历）入库的行政许可、行政处罚（双公示）记录 ÷ 本期入库的双公示记录"),
    DOUBLE_PUBLICITY_COMPLIANT("双公示数据合规率", Unit.PERCENT,
            "本期报送批次中通过校验入库的行 ÷ 报送的行（批次不区分双公示与其他信息项，按全部报送行计算）"),
    CHECK_FEEDBACK("联合奖惩核查反馈率", Unit.PERCENT,
            "本期核查中已反馈的 ÷（已反馈的 + 已过反馈期限仍未反馈的）；未到反馈期限的核查不计"),
    REPAIR_ON_TIME("失信信息修复按期办结率", Unit.PERCENT,
            "本期受理的信用修复申请中按期办结的 ÷ 本期受理的信用修复申请（逾期未办结的计为超期）"),
    OBJECTION_ON_TIME("异议处理按期办结率", Unit.PERCENT,
            "本期受理的异议（初审不予受理的除外）中按期答复的 ÷ 本期受理的异议（逾期未答复的计为超期）"),
    CREDIT_QUERIES("信用查询量", Unit.COUNT,
            "本期经授权查询个人信用信息的次数（出具信用报告和信用状况答复，含本人查询；被拒绝的查询和联合奖惩核查不计）");

    /** A national indicator the platform cannot compute, and why. */
    public record NotComputable(String name, String reason) {
    }

    /** The national indicators left out, in words: shown under the computed ones and in the workbook. */
    public static final List<NotComputable> NOT_COMPUTABLE = List.of(
            new NotComputable("城市信用状况监测预警指数（综合得分与排名）",
                    "由国家公共信用信息中心依据全国数据统一测算，本平台只有本市报送的数据"),
            new NotComputable("法人（企业）信用相关指标（如市场主体失信率、企业信用承诺履约）",
                    "本平台只归集个人公共信用信息，没有法人数据"),
            new NotComputable("失信被执行人数量及占比、政务失信（政府机构失信被执行人）",
                    "失信被执行人名单由人民法院掌握，占比还需全市常住人口数；本平台只有各部门按目录报送的记录"),
            new NotComputable("信用承诺制度落实、信用承诺履约情况",
                    "本平台没有信用承诺的归集和履约跟踪"),
            new NotComputable("报送“信用中国”的数据量与及时性",
                    "取决于省级和国家平台的接收情况，本平台看不到对方的入库结果"),
            new NotComputable("诚信宣传教育、信用体系建设创新、网络舆情",
                    "不是数据指标，由人工评价"));

    public enum Unit {
        PERCENT, COUNT
    }

    private final String label;
    private final Unit unit;
    private final String definition;

    Monitoring(String label, Unit unit, String definition) {
        this.label = label;
        this.unit = unit;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean percent() {
        return unit == Unit.PERCENT;
    }

    public String definition() {
        return definition;
    }

    /** The value: a percentage with one decimal, or a count; null where the share has no base (不适用/无数据). */
    public Double value(CityFigures f) {
        return switch (this) {
            case DOUBLE_PUBLICITY_TIMELY -> percent(f.timedPushes() - f.latePushes(), f.timedPushes());
            case DOUBLE_PUBLICITY_COMPLIANT -> percent(f.rows() - f.rejected(), f.rows());
            case CHECK_FEEDBACK -> percent(f.feedbackGiven(), f.feedbackGiven() + f.feedbackOverdue());
            case REPAIR_ON_TIME -> percent(f.repairsReceived() - f.repairsLate(), f.repairsReceived());
            case OBJECTION_ON_TIME -> percent(f.objectionsReceived() - f.objectionsLate(), f.objectionsReceived());
            case CREDIT_QUERIES -> (double) (f.queries() - f.queriesRefused());
        };
    }

    /** The figures the value rests on, in words. */
    public String basis(CityFigures f) {
        return switch (this) {
            case DOUBLE_PUBLICITY_TIMELY -> "双公示记录入库 " + f.timedPushes() + " 条，其中超过 7 个工作日的 " + f.latePushes() + " 条";
            case DOUBLE_PUBLICITY_COMPLIANT -> "报送 " + f.rows() + " 行，被拒绝 " + f.rejected() + " 行";
            case CHECK_FEEDBACK -> "核查 " + f.checks() + " 次，已反馈 " + f.feedbackGiven() + " 次，逾期未反馈 " + f.feedbackOverdue() + " 次";
            case REPAIR_ON_TIME -> "受理信用修复申请 " + f.repairsReceived() + " 件，超期 " + f.repairsLate() + " 件";
            case OBJECTION_ON_TIME -> "受理异议 " + f.objectionsReceived() + " 件，超期 " + f.objectionsLate() + " 件";
            case CREDIT_QUERIES -> "查询 " + f.queries() + " 次，其中被拒绝 " + f.queriesRefused() + " 次";
        };
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * Math.max(0, part) / whole) / 10.0;
    }
}
