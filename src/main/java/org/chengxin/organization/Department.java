package org.chengxin.organization;

import org.chengxin.shared.organization.DepartmentCode;

/** A department, association or credit agency, known by a short code and its unified social credit code. */
public record Department(DepartmentCode code, String name, DepartmentKind kind, UnifiedSocialCreditCode uscc,
        String regionCode, boolean active) {
}
