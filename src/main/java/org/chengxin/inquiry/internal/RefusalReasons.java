package org.chengxin.inquiry.internal;

import java.util.Map;

/** The refusals of the query log in Chinese words for the person who reads it, instead of their codes. */
final class RefusalReasons {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("INQUIRY_PURPOSE_REQUIRED", "未写明查询用途"),
            Map.entry("INQUIRY_AUTHORIZATION_REQUIRED", "未出示您的授权"),
            Map.entry("INQUIRY_AUTHORIZATION_NOT_FOUND", "没有您给予该机构的有效授权"),
            Map.entry("INQUIRY_AUTHORIZATION_INVALID", "所出示的授权已撤回或已过期"),
            Map.entry("INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT", "该机构不是行政机关，不能进行政务共享查询"),
            Map.entry("INQUIRY_DUTY_REQUIRED", "未写明所履行的法定职责"),
            Map.entry("INQUIRY_ORGANIZATION_REQUIRED", "查询系统未关联机构"),
            Map.entry("INQUIRY_AGENCY_BLACKLISTED", "该机构或其从业人员已被列入信用服务机构黑名单"),
            Map.entry("AGENCY_BLACKLISTED", "该机构或其从业人员已被列入信用服务机构黑名单"),
            Map.entry("MUTUAL_NAME_MISMATCH", "查询方所填姓名与您的身份证号码登记的姓名不一致"));

    private RefusalReasons() {
    }

    /** The reason for a refusal code; a code without words is said to be refused under the rules. */
    static String of(String code) {
        return code == null ? null : REASONS.getOrDefault(code, "不符合查询规定");
    }
}
