package org.chengxin.records;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * What a department's records list is narrowed to. The department is always set: a list never shows another
 * department's records. The person is given by subject keys (blind indexes), never by number or name:
 * {@code subjects} null means anyone, an empty list no one (a number or name nobody has).
 *
 * @param dateField which date {@code from} and {@code to} bound (both inclusive)
 * @param documentNumber a part of the document number (文书号)
 */
public record RecordFilter(DepartmentCode department, List<SubjectKey> subjects, String itemCode, RecordStatus status,
        DateField dateField, LocalDate from, LocalDate to, String documentNumber) {

    public RecordFilter {
        if (department == null) {
            throw new IllegalArgumentException("a records list is always of one department");
        }
        subjects = subjects == null ? null : List.copyOf(subjects);
        itemCode = blankToNull(itemCode);
        documentNumber = blankToNull(documentNumber);
        dateField = dateField == null ? DateField.DECISION : dateField;
    }

    public static RecordFilter of(DepartmentCode department) {
        return new RecordFilter(department, null, null, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The date a range bounds. */
    public enum DateField {
        DECISION("决定日期"),
        ACCEPTED("入库日期");

        private final String label;

        DateField(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
