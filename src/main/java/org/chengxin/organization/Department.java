package org.chengxin.organization;

/** A department, association or credit agency, known by a short code and its unified social credit code. */
public record Department(String code, String name, DepartmentKind kind, UnifiedSocialCreditCode uscc,
        String regionCode, boolean active) {
}
