package org.chengxin.ingestion.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chengxin.shared.id.IdNumberError;

/**
 * The error codes of rejected rows in a few Chinese words, for the rejection list's filter (the code itself stays in a
 * title tooltip). A code this table does not know is named by one of its messages in the batch.
 */
final class RejectionCodes {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("ROW_MALFORMED_JSON", "该行不是合法的 JSON");
        LABELS.put("ROW_NOT_AN_OBJECT", "该条记录不是 JSON 对象");
        LABELS.put("ROW_WRONG_COLUMN_COUNT", "列数与表头不一致");
        LABELS.put("COLUMN_NAME_INVALID_CHARACTER", "列名含有无效字符");
        LABELS.put("LEGAL_PERSON_NOT_SUPPORTED", "该信息项不接收法人和其他组织");
        LABELS.put("SUBJECT_CODE_MISSING", "既无身份证号也无统一社会信用代码");
        LABELS.put("USCC_WRONG_LENGTH", "统一社会信用代码位数不对");
        LABELS.put("USCC_BAD_CHARACTERS", "统一社会信用代码含有非法字符");
        LABELS.put("USCC_BAD_AUTHORITY", "统一社会信用代码登记管理部门代码不正确");
        LABELS.put("USCC_BAD_REGION", "统一社会信用代码行政区划码不正确");
        LABELS.put("USCC_BAD_CHECK_CHARACTER", "统一社会信用代码校验码错误");
        LABELS.put("FIRM_NAME_TOO_LONG", "单位名称过长");
        LABELS.put("RESPONSIBLE_NAME_MISSING", "缺少责任人姓名");
        LABELS.put("RESPONSIBLE_NAME_MISMATCH", "责任人姓名与人口基础信息不符");
        LABELS.put("SOURCE_ID_MISSING", "缺少来源编号");
        LABELS.put("SOURCE_ID_TOO_LONG", "来源编号过长");
        LABELS.put("DUPLICATE_IN_BATCH", "同一批次中来源编号重复");
        LABELS.put("RECORD_REVOKED", "该来源编号的记录已撤销");
        LABELS.put("NAME_MISSING", "缺少姓名");
        LABELS.put("NAME_TOO_LONG", "姓名过长");
        LABELS.put("NAME_INVISIBLE_CHARACTER", "姓名含有不可见字符");
        LABELS.put("NAME_MISMATCH", "姓名与人口基础信息不符");
        LABELS.put("DOCUMENT_NUMBER_MISSING", "缺少决定书文号");
        LABELS.put("DOCUMENT_NUMBER_TOO_LONG", "文书号过长");
        LABELS.put("REPAIR_NOTICE_NOT_APPLICABLE", "该信息项不适用修复提示");
        LABELS.put("REPAIR_NOTICE_INVALID", "修复提示有误");
        LABELS.put("PAST_DISCLOSURE_PERIOD", "已超过公示期限");
        LABELS.put("SUBJECT_UNDER_18", "当事人未满18周岁");
        LABELS.put("ITEM_CODE_MISSING", "缺少信息项代码");
        LABELS.put("ITEM_UNKNOWN", "目录中没有该信息项");
        LABELS.put("ITEM_NOT_ALLOWED_FOR_DEPARTMENT", "本部门无权报送该信息项");
        LABELS.put("ID_CELL_NOT_TEXT", "身份证号码单元格不是文本");
        LABELS.put("DECISION_DATE_MISSING", "缺少决定日期");
        LABELS.put("DECISION_DATE_IN_FUTURE", "决定日期晚于今天");
        LABELS.put("DATE_INVALID", "日期有误");
        LABELS.put("FIELD_REQUIRED", "缺少必填字段");
        LABELS.put("FIELD_TOO_LONG", "字段内容过长");
        LABELS.put("FIELD_INVALID_TYPE", "字段类型有误");
        LABELS.put("FIELD_CONTROL_CHARACTER", "字段含有控制字符");
        LABELS.put("FIELD_INVALID_CHARACTER", "字段含有无效字符");
        LABELS.put("FIELD_BAD_ENCODING", "文字编码有误");
        LABELS.put("IDENTIFIER_CELL_NOT_TEXT", "编号单元格不是文本");
        LABELS.put("IDENTIFIER_INVISIBLE_CHARACTER", "编号含有不可见字符");
        for (IdNumberError e : IdNumberError.values()) {
            LABELS.putIfAbsent(e.name(), e.message());
        }
    }

    private RejectionCodes() {
    }

    /** The codes of a batch (code to one of its messages) with their labels: the known words, else that message. */
    static Map<String, String> labels(Map<String, String> codesWithAMessage) {
        Map<String, String> labels = new LinkedHashMap<>();
        codesWithAMessage.forEach((code, message) -> labels.put(code, LABELS.getOrDefault(code, message)));
        return labels;
    }
}
