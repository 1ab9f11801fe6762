package org.chengxin.shared.organization;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The code of a department ({@code scjg}, {@code swj}): 2 to 32 lowercase letters, digits or hyphens,
 * starting with a letter, the rule the organization module registers departments by. In JSON and on
 * pages it is the plain code ({@link #toString()} returns it), as before it had a type; in SQL bind
 * {@link #value()}. Text from outside (a form field, a request body, a token claim) goes through
 * {@link #parse(String)}, so that each place refuses a malformed code the way it refuses an unknown one.
 */
public record DepartmentCode(String value) implements Serializable {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public DepartmentCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("部门代码应为2至32位小写字母、数字或连字符，以字母开头");
        }
    }

    @JsonCreator
    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    /**
     * The code in this text, or empty where the text is null or breaks the rule: for input, which each
     * caller refuses with its own stable error code (as it refuses an unknown department).
     */
    public static Optional<DepartmentCode> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new DepartmentCode(text)) : Optional.empty();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
