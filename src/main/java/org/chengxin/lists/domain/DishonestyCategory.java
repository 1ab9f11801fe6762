package org.chengxin.lists.domain;

/** The categories of serious dishonesty that policy section (十四) names. */
public enum DishonestyCategory {
    MALICIOUS_DEBT_EVASION("恶意逃废债务"),
    DEFRAUDING_PUBLIC_FUNDS("骗取公共资金"),
    BRIBERY("行贿受贿"),
    ILLEGAL_FUND_RAISING("非法集资"),
    TELECOM_FRAUD("电信网络诈骗"),
    FINANCIAL_FRAUD("金融诈骗"),
    SERIOUS_TRAFFIC_VIOLATION("严重交通违法"),
    COUNTERFEIT_GOODS("制售假冒伪劣产品"),
    FALSE_WAGE_REPORTING("虚报工资、拖欠工资"),
    SOCIAL_INSURANCE_ARREARS("拖欠社会保险费"),
    TAX_EVASION("偷逃税款"),
    DEFRAUDING_SUBSIDIES_OR_INSURANCE("骗取就业补贴、社保基金或社会救助"),
    FALSE_CERTIFICATES("出具虚假证明");

    private final String label;

    DishonestyCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
