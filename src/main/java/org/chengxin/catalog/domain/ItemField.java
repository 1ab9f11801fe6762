package org.chengxin.catalog.domain;

/**
 * One item-specific field of a record: its name in pushes, its Chinese label, type, whether required, and
 * what it says of the decision ({@link FieldRole}; null in catalog versions stored before roles were declared).
 */
public record ItemField(String name, String label, FieldType type, boolean required, FieldRole role) {

    public ItemField(String name, String label, FieldType type, boolean required) {
        this(name, label, type, required, null);
    }

    /** The declared role, else the one the field's well-known name has. */
    public FieldRole effectiveRole() {
        return role != null ? role : FieldRole.byName(name);
    }
}
