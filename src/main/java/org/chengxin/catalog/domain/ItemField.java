package org.chengxin.catalog.domain;

/** One item-specific field of a record: its name in pushes, its Chinese label, type and whether required. */
public record ItemField(String name, String label, FieldType type, boolean required) {
}
