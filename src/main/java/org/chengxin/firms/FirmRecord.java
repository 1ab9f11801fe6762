package org.chengxin.firms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.firm.Uscc;
import org.chengxin.shared.organization.DepartmentCode;

/**
 * A record about a firm as the platform holds it.
 *
 * @param status        ACTIVE or REVOKED; a record past its {@code expiresOn} is neither shown to the public nor used
 * @param personSources the persons' records it names, by role: their source ids in the same department
 */
public record FirmRecord(long id, Uscc uscc, String firmName, String itemCode, DepartmentCode departmentCode, String sourceId,
        LocalDate decisionDate, String documentNumber, Map<String, String> content, String kind, String severity, String scope,
        LocalDate expiresOn, String status, String statusReason, int version, Instant acceptedAt, Instant updatedAt,
        Map<ResponsibleRole, String> personSources) {

    /** Whether the record is shown and used on the given day: not revoked, and within its disclosure period. */
    public boolean inForceOn(LocalDate day) {
        return "ACTIVE".equals(status) && day.isBefore(expiresOn);
    }
}
