package org.chengxin.shared.id;

/** The documents that carry an 18-character number under the GB 11643 check rule. */
public enum IdNumberKind {
    RESIDENT_ID("居民身份证"),
    HONG_KONG_RESIDENCE_PERMIT("港澳居民居住证（香港）"),
    MACAO_RESIDENCE_PERMIT("港澳居民居住证（澳门）"),
    TAIWAN_RESIDENCE_PERMIT("台湾居民居住证"),
    FOREIGN_PERMANENT_RESIDENT_ID("外国人永久居留身份证");

    private final String label;

    IdNumberKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
