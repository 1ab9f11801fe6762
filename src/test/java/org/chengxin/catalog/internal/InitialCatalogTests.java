package org.chengxin.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chengxin.catalog.domain.CatalogRules;
import org.chengxin.catalog.domain.DisclosurePeriodPolicy;
import org.chengxin.catalog.domain.Domain;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.KeyGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The Yueyang catalog shipped with the application, read as a new installation reads it. */
class InitialCatalogTests {

    /** The nineteen key domains of the policy, in its order. */
    private static final List<String> POLICY_DOMAINS = List.of("FOOD_DRUG", "WORK_SAFETY", "FIRE_SAFETY", "TRAFFIC_SAFETY",
            "ENVIRONMENT", "BIOSAFETY", "PRODUCT_QUALITY", "REAL_ESTATE", "TAXATION", "HEALTHCARE", "LABOUR", "SOCIAL_INSURANCE",
            "SOCIAL_ASSISTANCE", "CONSTRUCTION", "FINANCE", "INTELLECTUAL_PROPERTY", "JUDICIAL", "E_COMMERCE", "VOLUNTEERING");

    private static InitialCatalogLoader.CatalogFile catalog;

    @BeforeAll
    static void read() {
        catalog = InitialCatalogLoader.read(new ClassPathResource("catalog/yueyang-catalog.json"));
    }

    @Test
    void everyItemKeepsTheCatalogRulesWithTheFilesOwnDomainsAndGroups() {
        Set<String> domains = codes(catalog.domains().stream().map(Domain::code).toList());
        Set<String> groups = codes(catalog.groups().stream().map(KeyGroup::code).toList());

        assertThat(catalog.items()).isNotEmpty()
                .flatMap(item -> CatalogRules.problemsOf(item, domains, groups)).isEmpty();
    }

    @Test
    void itemCodesAreUnique() {
        List<String> codes = catalog.items().stream().map(Item::code).toList();

        assertThat(codes).doesNotHaveDuplicates();
    }

    @Test
    void holdsTheNineteenPolicyDomainsThenEducationAndGeneral() {
        List<String> codes = catalog.domains().stream().map(Domain::code).toList();

        assertThat(codes).hasSize(21).doesNotHaveDuplicates();
        assertThat(codes.subList(0, 19)).containsExactlyElementsOf(POLICY_DOMAINS);
        assertThat(codes.subList(19, 21)).containsExactly("EDUCATION", "GENERAL");
        assertThat(catalog.domains()).allSatisfy(d -> assertThat(d.name()).isNotBlank());
    }

    @Test
    void holdsTheSixteenKeyGroups() {
        assertThat(catalog.groups()).hasSize(16).extracting(KeyGroup::code).doesNotHaveDuplicates()
                .contains("CIVIL_SERVANT", "TEACHER", "PHYSICIAN", "LAWYER", "SOCIAL_ASSISTANCE_RECIPIENT");
        assertThat(catalog.groups()).allSatisfy(g -> assertThat(g.name()).isNotBlank());
    }

    @Test
    void everyDomainHasAnItem() {
        Set<String> used = catalog.items().stream().map(Item::domain).collect(Collectors.toSet());

        assertThat(catalog.domains()).extracting(Domain::code).allMatch(used::contains, "has an item");
    }

    @Test
    void theFourStudentItemsAreForAdultsOnly() {
        List<Item> education = catalog.items().stream().filter(i -> i.domain().equals("EDUCATION")).toList();
        List<Item> adultsOnly = catalog.items().stream().filter(Item::adultsOnly).toList();

        assertThat(education).hasSize(4);
        assertThat(adultsOnly).containsExactlyInAnyOrderElementsOf(education);
    }

    @Test
    void everyItemNamesItsLawAndArticle() {
        assertThat(catalog.items()).allSatisfy(item -> {
            assertThat(item.legalBasis()).as(item.code()).isNotNull();
            assertThat(item.legalBasis().law()).as(item.code()).startsWith("《").endsWith("》");
            assertThat(item.legalBasis().article()).as(item.code()).matches("第.+条");
        });
    }

    @Test
    void noItemIsKeptBeyondTheCityCeiling() {
        assertThat(catalog.items()).allSatisfy(item -> {
            assertThat(item.maxMonths()).as(item.code()).isLessThanOrEqualTo(DisclosurePeriodPolicy.CITY_CEILING_MONTHS);
            assertThat(DisclosurePeriodPolicy.problemsOf(item)).as(item.code()).isEmpty();
        });
    }

    @Test
    void everyItemCanBePushedBySomeone() {
        assertThat(catalog.items()).allSatisfy(item -> assertThat(item.departments()).as(item.code()).isNotEmpty());
    }

    @Test
    void version2026_1HoldsTheSeventyItemsListedInTheExchangeSpec() {
        assertThat(catalog.version()).isEqualTo("2026.1");
        assertThat(catalog.items()).hasSize(70);
    }

    @Test
    void onlyDishonestyNamesASeriousDishonestyCategoryAndOnlyFromThePolicysList() {
        Set<String> categories = Set.of("MALICIOUS_DEBT_EVASION", "DEFRAUDING_PUBLIC_FUNDS", "BRIBERY", "ILLEGAL_FUND_RAISING",
                "TELECOM_FRAUD", "FINANCIAL_FRAUD", "SERIOUS_TRAFFIC_VIOLATION", "COUNTERFEIT_GOODS", "FALSE_WAGE_REPORTING",
                "SOCIAL_INSURANCE_ARREARS", "TAX_EVASION", "DEFRAUDING_SUBSIDIES_OR_INSURANCE", "FALSE_CERTIFICATES");
        List<Item> categorized = catalog.items().stream().filter(i -> i.dishonestyCategory() != null).toList();

        assertThat(categorized).isNotEmpty().allSatisfy(item -> {
            assertThat(item.isDishonesty()).as(item.code()).isTrue();
            assertThat(categories).as(item.code()).contains(item.dishonestyCategory());
        });
    }

    @Test
    void isInForceFromTheOrdersFirstDay() {
        assertThat(catalog.version()).isNotBlank();
        assertThat(catalog.effectiveFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    private static Set<String> codes(List<String> codes) {
        return Set.copyOf(codes);
    }
}
