package org.chengxin.inquiry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.junit.jupiter.api.Test;

/** Every way a query is allowed or refused, with the code, kind and message the caller sees. */
class QueryRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Department AGENCY = new Department(DepartmentCode.of("zxjg"), "岳阳示例征信服务有限公司", DepartmentKind.CREDIT_AGENCY, null, "430600",
            true);
    private static final Department BANK_ASSOCIATION = new Department(DepartmentCode.of("yhxh"), "岳阳市银行业协会", DepartmentKind.ASSOCIATION, null, "430600",
            true);
    private static final Department MARKET_REGULATION = new Department(DepartmentCode.of("scjg"), "岳阳市市场监督管理局", DepartmentKind.GOVERNMENT, null,
            "430600", true);

    /** The organizations the tests know, and the blacklists as each test sets them. */
    private static final class KnownOrganizations implements QueryRules.Organizations {
        final Map<String, DepartmentKind> kinds = Map.of("zxjg", DepartmentKind.CREDIT_AGENCY, "yhxh", DepartmentKind.ASSOCIATION,
                "scjg", DepartmentKind.GOVERNMENT);
        final Set<String> blacklisted = new HashSet<>();
        final Set<String> staffBlacklisted = new HashSet<>();

        @Override
        public Optional<DepartmentKind> kindOf(String code) {
            return Optional.ofNullable(kinds.get(code));
        }

        @Override
        public boolean isBlacklisted(String code) {
            return blacklisted.contains(code);
        }

        @Override
        public boolean isStaffBlacklisted(String code, String name) {
            return staffBlacklisted.contains(code + "|" + name);
        }
    }

    private final KnownOrganizations organizations = new KnownOrganizations();

    private static Authorization authorization(String granteeName, String granteeCode, LocalDate validUntil, Instant withdrawnAt) {
        return new Authorization(7, SubjectKey.fromHex("ab12".repeat(16)), granteeName, granteeCode, "贷款审批", ReportScope.AUTHORIZED, validUntil, "ONLINE",
                Instant.parse("2026-11-01T02:00:00Z"), null, withdrawnAt, null);
    }

    private static Authorization toAgency() {
        return authorization("岳阳示例征信服务有限公司", "zxjg", TODAY.plusDays(10), null);
    }

    private Authorization usable(Authorization found, String organizationCode) {
        return QueryRules.usableAuthorization(Optional.ofNullable(found), organizationCode, TODAY, organizations);
    }

    private static void refused(ThrowingCallable call, ChengxinException.Kind kind, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChengxinException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aWindowQueryIsForThePersonPresentOnlyWhenCheckedAndNoAuthorizationIsNamed() {
        assertThat(QueryRules.personPresent(true, null)).isTrue();
        assertThat(QueryRules.personPresent(true, 7L)).as("an authorization named: the grantee asks").isFalse();
        assertThat(QueryRules.personPresent(false, null)).isFalse();
    }

    @Test
    void aPurposeIsRequiredAndAtMostTwoHundredCharacters() {
        assertThatCode(() -> QueryRules.requirePurpose("贷款审批")).doesNotThrowAnyException();
        assertThatCode(() -> QueryRules.requirePurpose("查".repeat(200))).doesNotThrowAnyException();
        refused(() -> QueryRules.requirePurpose(null), ChengxinException.Kind.INVALID, "INQUIRY_PURPOSE_REQUIRED", "查询须写明用途");
        refused(() -> QueryRules.requirePurpose("  "), ChengxinException.Kind.INVALID, "INQUIRY_PURPOSE_REQUIRED", "查询须写明用途");
        refused(() -> QueryRules.requirePurpose("查".repeat(201)), ChengxinException.Kind.INVALID, "INQUIRY_PURPOSE_REQUIRED",
                "查询用途不超过 200 字");
    }

    @Test
    void aWindowQueryForAnAbsentPersonNeedsAnAuthorization() {
        assertThat(QueryRules.windowAuthorization(7L)).isEqualTo(7L);
        refused(() -> QueryRules.windowAuthorization(null), ChengxinException.Kind.INVALID, "INQUIRY_AUTHORIZATION_REQUIRED",
                "本人未到场：须凭本人的有效授权查询（在线授权或在窗口登记的书面授权）");
    }

    @Test
    void aGovernmentQueryIsForAnAdministrativeDepartmentNamingItsDuty() {
        assertThatCode(() -> QueryRules.requireGovernmentDuty(MARKET_REGULATION, "食品经营许可审查")).doesNotThrowAnyException();
        String onlyAuthorities = "政务共享查询仅限行政机关为履行法定职责使用";
        refused(() -> QueryRules.requireGovernmentDuty(null, "食品经营许可审查"), ChengxinException.Kind.FORBIDDEN,
                "INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT", onlyAuthorities);
        refused(() -> QueryRules.requireGovernmentDuty(AGENCY, "食品经营许可审查"), ChengxinException.Kind.FORBIDDEN,
                "INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT", onlyAuthorities);
        refused(() -> QueryRules.requireGovernmentDuty(BANK_ASSOCIATION, "食品经营许可审查"), ChengxinException.Kind.FORBIDDEN,
                "INQUIRY_NOT_A_GOVERNMENT_DEPARTMENT", onlyAuthorities);
        String nameTheDuty = "政务共享查询须写明所履行的法定职责（不超过 200 字）";
        refused(() -> QueryRules.requireGovernmentDuty(MARKET_REGULATION, null), ChengxinException.Kind.INVALID, "INQUIRY_DUTY_REQUIRED",
                nameTheDuty);
        refused(() -> QueryRules.requireGovernmentDuty(MARKET_REGULATION, " "), ChengxinException.Kind.INVALID, "INQUIRY_DUTY_REQUIRED",
                nameTheDuty);
        refused(() -> QueryRules.requireGovernmentDuty(MARKET_REGULATION, "职".repeat(201)), ChengxinException.Kind.INVALID,
                "INQUIRY_DUTY_REQUIRED", nameTheDuty);
    }

    @Test
    void aSystemBelongsToAnOrganizationAndNamesTheAuthorization() {
        assertThat(QueryRules.systemAuthorization(AGENCY, 7L)).isEqualTo(7L);
        refused(() -> QueryRules.systemAuthorization(null, 7L), ChengxinException.Kind.INVALID, "INQUIRY_ORGANIZATION_REQUIRED",
                "接入客户端未关联机构，不能授权查询");
        refused(() -> QueryRules.systemAuthorization(AGENCY, null), ChengxinException.Kind.INVALID, "INQUIRY_AUTHORIZATION_REQUIRED",
                "凭本人授权查询须给出授权编号 authorizationId");
    }

    @Test
    void anAuthorizationValidTodayIsUsableAtAWindowAndByTheOrganizationItNames() {
        Authorization a = toAgency();
        assertThat(usable(a, null)).isSameAs(a);
        assertThat(usable(a, "zxjg")).isSameAs(a);
        Authorization lastDay = authorization("张三", null, TODAY, null);
        assertThat(usable(lastDay, null)).as("valid through its last day").isSameAs(lastDay);
    }

    @Test
    void aMissingAuthorizationOrOneNotGrantedToTheAskingOrganizationIsAnsweredAlike() {
        refused(() -> usable(null, null), ChengxinException.Kind.NOT_FOUND, "INQUIRY_AUTHORIZATION_NOT_FOUND", "找不到当事人的该项授权");
        refused(() -> usable(null, "zxjg"), ChengxinException.Kind.NOT_FOUND, "INQUIRY_AUTHORIZATION_NOT_FOUND",
                "找不到当事人授予贵机构的该项授权");
        refused(() -> usable(toAgency(), "yhxh"), ChengxinException.Kind.NOT_FOUND, "INQUIRY_AUTHORIZATION_NOT_FOUND",
                "找不到当事人授予贵机构的该项授权");
        refused(() -> usable(authorization("张三", null, TODAY.plusDays(1), null), "zxjg"), ChengxinException.Kind.NOT_FOUND,
                "INQUIRY_AUTHORIZATION_NOT_FOUND", "找不到当事人授予贵机构的该项授权");
    }

    @Test
    void anExpiredOrWithdrawnAuthorizationIsRefusedSayingWhich() {
        refused(() -> usable(authorization("张三", null, TODAY.minusDays(1), null), null), ChengxinException.Kind.INVALID,
                "INQUIRY_AUTHORIZATION_INVALID", "该授权已过期，不能据此查询");
        refused(() -> usable(authorization("张三", null, TODAY.plusDays(1), Instant.parse("2026-11-20T02:00:00Z")), null),
                ChengxinException.Kind.INVALID, "INQUIRY_AUTHORIZATION_INVALID", "该授权已撤回，不能据此查询");
    }

    @Test
    void aBlacklistedCreditAgencyGranteeIsRefusedAtAWindow() {
        organizations.blacklisted.add("zxjg");
        refused(() -> usable(toAgency(), null), ChengxinException.Kind.FORBIDDEN, "INQUIRY_AGENCY_BLACKLISTED",
                "该信用服务机构已被列入黑名单，不能查询");
    }

    @Test
    void aGranteeThatIsNoCreditAgencyIsNotRefusedAsABlacklistedAgencyAtAWindow() {
        organizations.blacklisted.add("yhxh");
        Authorization toAssociation = authorization("岳阳市银行业协会", "yhxh", TODAY.plusDays(1), null);
        assertThat(usable(toAssociation, null)).isSameAs(toAssociation);
    }

    @Test
    void aBlacklistedAskingOrganizationIsRefused() {
        // the grantee code names no known organization, so only the asking organization's listing can refuse
        organizations.blacklisted.add("wbjg");
        Authorization toOutsider = authorization("外部机构", "wbjg", TODAY.plusDays(1), null);
        refused(() -> usable(toOutsider, "wbjg"), ChengxinException.Kind.FORBIDDEN, "INQUIRY_AGENCY_BLACKLISTED",
                "贵机构已被列入信用服务机构黑名单，不能查询");
    }

    @Test
    void aGranteeOnTheStaffBlacklistIsRefused() {
        organizations.staffBlacklisted.add("zxjg|岳阳示例征信服务有限公司");
        refused(() -> usable(toAgency(), "zxjg"), ChengxinException.Kind.FORBIDDEN, "INQUIRY_AGENCY_BLACKLISTED",
                "被授权人已被列入信用服务机构从业人员黑名单，不能查询");
    }

    @Test
    void aGranteeNamedOnlyByNameIsCheckedAgainstNoBlacklist() {
        organizations.blacklisted.add("zxjg");
        Authorization toPerson = authorization("李四", null, TODAY.plusDays(1), null);
        assertThat(usable(toPerson, null)).isSameAs(toPerson);
    }
}
