package org.chengxin.lists;

import java.util.List;

import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;

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

    /** The stable code of the refusal {@link #refuseIfListed} throws. */
    String LISTED = "AGENCY_BLACKLISTED";

    /**
     * Refuses a use of personal data (a credit-status query, a measure check) by an organization listed today, or
     * by a listed member of its staff (by real name; null for a system), with {@link #LISTED} (403). Report
     * queries keep their own code, {@code INQUIRY_AGENCY_BLACKLISTED}.
     */
    default void refuseIfListed(DepartmentCode organization, String staffName) {
        if (organization == null) {
            return;
        }
        if (isBlacklisted(organization.value())) {
            throw ChengxinException.forbidden(LISTED, "贵机构已被列入信用服务机构黑名单，不能查询或使用个人信用信息");
        }
        if (isStaffBlacklisted(organization.value(), staffName)) {
            throw ChengxinException.forbidden(LISTED, "经办人已被列入信用服务机构从业人员黑名单，不能查询或使用个人信用信息");
        }
    }
}
