package org.chengxin.inquiry.internal;

import org.chengxin.catalog.domain.Severity;
import org.chengxin.inquiry.domain.Authorization;
import org.chengxin.shared.text.UnicodeText;

/** The Chinese words that queries write to the log and the audit trail, and that reports print. */
final class ReportLabels {

    static final String PERSON_AT_WINDOW = "本人（窗口）";
    static final String PERSON_CHECKED_AT_WINDOW = "本人到场，经办人已核验身份证件";
    static final String GRANTEE_NOT_YET_KNOWN = "（未指明）";
    static final String PERSON = "本人";
    static final String SELF_QUERY_PURPOSE = "本人查询";
    static final String SELF_LOGGED_IN = "本人登录查询";
    static final String NO_DEPARTMENT = "（无所属部门）";
    static final String NAME_NOT_REGISTERED = "（人口信息库未登记姓名）";
    static final String OBJECTION_NOTE = "本条信息当事人已提出异议，正在核实处理中，处理结果以最终认定为准。";
    /** A record whose objection was not verified in time, suspended from use until decided. */
    static final String SUSPENSION_NOTE = "本条信息当事人已提出异议，认定部门逾期未核查：异议逾期未核查，暂停使用，处理结果以最终认定为准。";

    /** What a credit-status query rests on: the platform's admission of the department system with the scope. */
    static final String CREDIT_STATUS_BASIS = "部门业务系统经平台接入授权（授权范围 reports:read）查询个人信用状况";

    private ReportLabels() {
    }

    /** The purpose as the query log keeps it: at most 200 characters, and said to be missing when it is. */
    static String loggedPurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return "（未写明用途）";
        }
        String p = purpose.strip();
        return UnicodeText.truncate(p, 200);
    }

    /** The purpose of a measure check: the matter handled. */
    static String matter(String code, String name) {
        return "办理事项：" + name + "（" + code + "）";
    }

    static String measureBasis(String listVersion, Long checkId) {
        return "联合奖惩核查，依据守信激励和失信惩戒措施清单（" + listVersion + "）" + (checkId == null ? "" : "，核查 #" + checkId);
    }

    /** The basis of another city's mutual query: the duty of the list and the asking city's case number. */
    static String mutualBasis(String dutyCode, String dutyName, String caseNumber) {
        return "异地信用互查（平台接入授权范围 mutual:query），事项：" + dutyName + "（" + dutyCode + "），对方办件编号：" + caseNumber;
    }

    static String duty(String duty) {
        return duty == null ? null : "履职依据：" + duty.strip();
    }

    static String authorization(Authorization a) {
        return ("PAPER".equals(a.channel()) ? "书面授权" : "在线授权") + " #" + a.id() + "（" + a.granteeName() + "，"
                + a.scope().label() + "，至 " + a.validUntil() + "）";
    }

    static String severity(String severity) {
        return severity == null ? null : Severity.valueOf(severity).label();
    }

    /** Most severe first: the catalog's severities run from minor to serious. */
    static int severityRank(String label) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(label)) {
                return Severity.values().length - 1 - s.ordinal();
            }
        }
        return Severity.values().length;
    }
}
