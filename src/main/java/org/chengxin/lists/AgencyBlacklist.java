package org.chengxin.lists;

import java.util.List;

/** The credit-agency blacklist (信用服务机构黑名单, policy 八), kept by the platform administrator. */
public interface AgencyBlacklist {

    /** Lists a credit agency or one of its staff; refused when the decision is incomplete or the agency is not a credit agency. */
    AgencyListing add(AgencyListing.Request request);

    /** Ends a listing early, with the reason. */
    AgencyListing end(long id, String reason);

    /** Every listing, newest first. */
    List<AgencyListing> all();

    /** Whether the agency itself is listed today (its queries are then refused). */
    boolean isBlacklisted(String agencyCode);

    /** Whether a member of the agency's staff, by name, is listed today (their queries are then refused). */
    boolean isStaffBlacklisted(String agencyCode, String staffName);
}
