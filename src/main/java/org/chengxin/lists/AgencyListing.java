package org.chengxin.lists;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An entry of the credit-agency blacklist (policy 八): the agency, or one named member of its staff
 * ({@code staffName} absent when the agency itself is listed), the violation, the decision and its period.
 */
public record AgencyListing(long id, String agencyCode, String agencyName, String staffName, String violation,
        String documentNumber, String legalBasis, LocalDate startDate, LocalDate endDate, String status, String decidedBy,
        Instant decidedAt, String endReason) {

    /** In force on the day: active and inside its period. */
    public boolean inForceOn(LocalDate day) {
        return "ACTIVE".equals(status) && !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    /** What an administrator asks for when listing an agency or one of its staff. */
    public record Request(String agencyCode, String staffName, String violation, String documentNumber, String legalBasis,
            LocalDate startDate, LocalDate endDate) {
    }
}
