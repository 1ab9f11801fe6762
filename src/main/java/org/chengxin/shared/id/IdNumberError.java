package org.chengxin.shared.id;

/**
 * Why a string is not an acceptable citizen ID number. The codes are stable: department systems
 * branch on them, so a code is never renamed or reused.
 */
public enum IdNumberError {
    ID_EMPTY("身份证号码为空", true),
    ID_WRONG_LENGTH("身份证号码长度应为18位（或15位旧号码）", true),
    ID_BAD_CHARACTERS("身份证号码含有非法字符：前17位应为数字，最后一位为数字或X", true),
    ID_BAD_CHECK_CHARACTER("身份证号码校验码错误", true),
    ID_IMPOSSIBLE_DATE("身份证号码中的出生日期不存在", true),
    ID_BIRTH_DATE_IN_FUTURE("身份证号码中的出生日期晚于今天", true),
    ID_BIRTH_DATE_TOO_EARLY("身份证号码中的出生日期早于1900年", true),
    ID_UNKNOWN_REGION("身份证号码中的省级行政区划代码不存在", true),
    ID_INVISIBLE_CHARACTER("身份证号码中间含有不可见字符或全角空格（如零宽空格、不换行空格、BOM），请删除后重新输入号码", true),
    ID_UNKNOWN_COUNTY("身份证号码中的县级行政区划代码不在现行区划代码表中（可能为已撤销或变更的旧代码）", false),
    ID_LEGACY_15_UPGRADED("15位旧身份证号码已升级为18位", false);

    private final String message;
    private final boolean rejecting;

    IdNumberError(String message, boolean rejecting) {
        this.message = message;
        this.rejecting = rejecting;
    }

    /** The stable error code. */
    public String code() {
        return name();
    }

    /** A Chinese sentence for the person who typed the number. */
    public String message() {
        return message;
    }

    /** False for warnings: the number is still accepted. */
    public boolean isRejecting() {
        return rejecting;
    }
}
