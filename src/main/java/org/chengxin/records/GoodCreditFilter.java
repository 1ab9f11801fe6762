package org.chengxin.records;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * What the good-credit list (优良信用记录名单, policy 十三) is narrowed to: the person by subject keys (blind indexes,
 * never a number or a name; {@code subjects} null means anyone, an empty list no one), the item, the department that
 * pushed the record, a range of the decision date (both inclusive) and whether the record is in force or ended
 * ({@code standing} null: both).
 */
public record GoodCreditFilter(List<SubjectKey> subjects, String itemCode, DepartmentCode department, LocalDate from, LocalDate to,
        Standing standing) {

    public GoodCreditFilter {
        subjects = subjects == null ? null : List.copyOf(subjects);
        itemCode = itemCode == null || itemCode.isBlank() ? null : itemCode.strip();
    }

    /** Every good-credit record in force: the list as it opens. */
    public static GoodCreditFilter inForce() {
        return new GoodCreditFilter(null, null, null, null, null, Standing.IN_FORCE);
    }

    /** In force (shown and used: active or under objection, inside its period) or ended (expired, revoked, repaired). */
    public enum Standing {
        IN_FORCE("有效"),
        ENDED("已失效");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
