package org.chengxin.inquiry.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.text.UnicodeText;

/**
 * Who may query whom (policy 八, 十二): a purpose always (at most 200 characters); at a window the
 * person present with their identity checked, or a grantee under the person's authorization; a
 * government department for a named statutory duty; an organization's system only under an
 * authorization granted to that organization; an authorization valid on the day, and nobody on the
 * credit agencies' blacklist. Each rule throws the refusal of the first thing it finds wrong.
 */
public final class QueryRules {

    static final int MAX_TEXT = 200;

    private QueryRules() {
    }

    /** What the rules ask about an organization, only when a rule needs the answer. */
    public interface Organizations {

        Optional<DepartmentKind> kindOf(String code);

        /** On the credit agencies' blacklist. */
        boolean isBlacklisted(String code);

        /** A person of the organization on the blacklist of credit agencies' staff. */
        boolean isStaffBlacklisted(String code, String name);
    }

    /** Whether a window query is answered to the person present, checked in person, rather than under an authorization. */
    public static boolean personPresent(boolean presentAndIdentified, Long authorizationId) {
        return presentAndIdentified && authorizationId == null;
    }

    /** Any query: its purpose named, in at most 200 characters. */
    public static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw ChengxinException.badRequest("INQUIRY_PURPOSE_REQUIRED", "查询须写明用途");
        }
        if (UnicodeText.longerThan(purpose.strip(), MAX_TEXT)) {
            throw ChengxinException.badRequest("INQUIRY_PURPOSE_REQUIRED", "查询用途不超过 200 字");
        }
    }

    /** At a window for a person not present: the number of the person's authorization. */
    public static long windowAuthorization(Long authorizationId) {
        if (authorizationId == null) {
            throw ChengxinException.badRequest("INQUIRY_AUTHORIZATION_REQUIRED",
                    "本人未到场：须凭本人的有效授权查询（在线授权或在窗口登记的书面授权）");
        }
        return authorizationId;
    }

    /** A government query (政务共享): an administrative department, naming the duty it performs. */
    public static void requireGovernmentDuty(Department department, String duty) {
        if (department == null || department.kind() == DepartmentKind.CREDIT_AGENCY || department.kind() == DepartmentKind.ASSOCIATION) {
            throw ChengxinException.forbidden("INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT", "政务共享查询仅限行政机关为履行法定职责使用");
        }
        if (duty == null || duty.isBlank() || UnicodeText.longerThan(duty.strip(), MAX_TEXT)) {
            throw ChengxinException.badRequest("INQUIRY_DUTY_REQUIRED", "政务共享查询须写明所履行的法定职责（不超过 200 字）");
        }
    }

    /** An organization's system: it belongs to an organization and names the person's authorization. */
    public static long systemAuthorization(Department organization, Long authorizationId) {
        if (organization == null) {
            throw ChengxinException.badRequest("INQUIRY_ORGANIZATION_REQUIRED", "接入客户端未关联机构，不能授权查询");
        }
        if (authorizationId == null) {
            throw ChengxinException.badRequest("INQUIRY_AUTHORIZATION_REQUIRED", "凭本人授权查询须给出授权编号 authorizationId");
        }
        return authorizationId;
    }

    /**
     * The authorization a query may rest on: the person's own, granted to the asking organization when a
     * system asks ({@code organizationCode}, null at a window), valid on the day, its grantee and the
     * asking organization off the blacklists.
     *
     * @param found the person's authorization of that number, if any
     */
    public static Authorization usableAuthorization(Optional<Authorization> found, String organizationCode, LocalDate today,
            Organizations organizations) {
        // another person's authorization, or one not granted to the asking system's organization, is answered as a
        // missing one: neither whether it exists nor its state may tell the caller anything about the number
        Authorization a = found.filter(f -> organizationCode == null || organizationCode.equals(f.granteeCode()))
                .orElseThrow(() -> ChengxinException.notFound("INQUIRY_AUTHORIZATION_NOT_FOUND", organizationCode == null
                        ? "找不到当事人的该项授权" : "找不到当事人授予贵机构的该项授权"));
        if (!a.validOn(today)) {
            throw ChengxinException.badRequest("INQUIRY_AUTHORIZATION_INVALID", "该授权" + a.status(today) + "，不能据此查询");
        }
        if (a.granteeCode() != null && organizations.kindOf(a.granteeCode()).map(k -> k == DepartmentKind.CREDIT_AGENCY).orElse(false)
                && organizations.isBlacklisted(a.granteeCode())) {
            throw blacklisted("该信用服务机构已被列入黑名单，不能查询");
        }
        if (organizationCode != null && organizations.isBlacklisted(organizationCode)) {
            throw blacklisted("贵机构已被列入信用服务机构黑名单，不能查询");
        }
        if (a.granteeCode() != null && organizations.isStaffBlacklisted(a.granteeCode(), a.granteeName())) {
            throw blacklisted("被授权人已被列入信用服务机构从业人员黑名单，不能查询");
        }
        return a;
    }

    private static ChengxinException blacklisted(String message) {
        return ChengxinException.forbidden("INQUIRY_AGENCY_BLACKLISTED", message);
    }
}
