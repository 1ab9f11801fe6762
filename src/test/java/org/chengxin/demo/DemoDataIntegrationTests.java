package org.chengxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.chengxin.catalog.Catalog;
import org.chengxin.firms.FirmRecord;
import org.chengxin.firms.FirmRecords;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.organization.Accounts;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.records.RecordStatus;
import org.chengxin.records.Records;
import org.chengxin.shared.firm.ResponsibleRole;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.Http;
import org.chengxin.support.IntegrationTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The embedded mode's first start: Yueyang's departments, one login per role, the demo client, synthetic residents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chengxin.demo.enabled=true", "chengxin.demo.citizens=300", "chengxin.demo.records-per-item=5"})
@Import(IntegrationTestConfiguration.class)
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*prod.*", disabledReason = "prod never loads demo data")
class DemoDataIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Departments departments;

    @Autowired
    Accounts accounts;

    @Autowired
    PopulationRegister register;

    @Test
    void yueyangDepartmentsWithValidCreditCodes() {
        // every demo department is there (tests sharing the database may have registered a few codes first,
        // under test names, which the loader keeps), and the demo's own are Yueyang's
        assertThat(YueyangDepartments.ALL).allSatisfy(e -> assertThat(departments.find(DepartmentCode.of(e.code()))).as(e.code()).isPresent());
        var yueyang = departments.all().stream().filter(d -> d.name().contains("岳阳")).toList();
        assertThat(yueyang).hasSizeGreaterThanOrEqualTo(YueyangDepartments.ALL.size() - 10);
        assertThat(yueyang).extracting(Department::uscc).extracting(UnifiedSocialCreditCode::value)
                .allMatch(UnifiedSocialCreditCode::isValid).doesNotHaveDuplicates();
        // each demo department the loader registered itself has the demo's name (one a test registered first keeps its own)
        assertThat(YueyangDepartments.ALL).allSatisfy(e -> {
            String name = departments.find(DepartmentCode.of(e.code())).orElseThrow().name();
            assertThat(name.equals(e.name()) || name.startsWith("测试")).as(e.code() + " " + name).isTrue();
        });
        assertThat(YueyangDepartments.EXTERNAL).allSatisfy(e -> assertThat(departments.find(DepartmentCode.of(e.code()))).get()
                .extracting(Department::kind).isEqualTo(e.kind()));
    }

    @Autowired
    Records records;

    @Autowired
    Catalog catalog;

    @Test
    void theDemoDepartmentsPushedRecordsOfEveryItemThroughIngestion() {
        assertThat(records.countOfDepartment(DepartmentCode.of("scjg"))).isGreaterThan(0);
        long total = departments.all().stream().mapToLong(d -> records.countOfDepartment(d.code())).sum();
        assertThat(total).isGreaterThanOrEqualTo(catalog.current().allItems().size() * 3L);
    }

    @Autowired
    FirmRecords firms;

    @Test
    void theDemoFirmsRecordsAreThereAndTheTaxEvasionNamesItsLegalRepresentative() {
        DepartmentCode swj = DepartmentCode.of("swj");
        FirmRecord evasion = firms.findBySource(swj, "SWJ-FR-DEMO-1").orElseThrow();
        assertThat(evasion.uscc().value()).isEqualTo(DemoFirms.TAX_EVADER);
        assertThat(records.findBySource(swj, evasion.personSources().get(ResponsibleRole.LEGAL_REPRESENTATIVE))).get()
                .satisfies(r -> assertThat(r.content()).containsEntry("responsibleRole", "法定代表人"));
        assertThat(firms.findBySource(DepartmentCode.of("scjg"), "SCJG-FR-DEMO-1")).get()
                .satisfies(r -> assertThat(r.personSources()).isEmpty());
    }

    @Test
    void theProvincialPlatformDeliveredTheSyntheticDefaultersListTwiceEndingOneEntry() {
        DepartmentCode xyhn = DepartmentCode.of("xyhn");
        assertThat(records.findBySource(xyhn, "HN-SXBZXR-2026-000101")).get().extracting(r -> r.status())
                .isEqualTo(RecordStatus.REVOKED);
        assertThat(DemoInboundList.ENTRIES.subList(1, 5)).allSatisfy(e -> assertThat(records.findBySource(xyhn, e.sourceId())).get()
                .satisfies(r -> {
                    assertThat(r.itemCode()).isEqualTo("YY-JD-001");
                    assertThat(r.status()).isEqualTo(RecordStatus.ACTIVE);
                }));
    }

    @Test
    void everyDemoLoginWorksWithTheReadmePassword() {
        Http http = new Http(port, clock);
        for (String account : new String[] {"admin", "security", "auditadmin", "officer", "reviewer", "clerk", "auditor", "leader"}) {
            assertThat(http.login(account, DemoDataLoader.PASSWORD)).as(account).endsWith("/home");
        }
        // 三员分立: the demo's three administrators, one role each ("admin" stays the system administrator for the scripts)
        assertThat(accounts.staff()).filteredOn(a -> a.role().isAdministrator())
                .extracting(a -> a.username() + " " + a.role())
                .contains("admin SYSTEM_ADMIN", "security SECURITY_ADMIN", "auditadmin AUDIT_ADMIN");
        for (String citizen : DemoDataLoader.CITIZEN_IDS) {
            assertThat(http.login(citizen, DemoDataLoader.PASSWORD)).as("a demo citizen").endsWith("/home");
        }
    }

    @Test
    void theDemoClientGetsATokenAndTheRegisterHoldsTheResidents() {
        Http http = new Http(port, clock);
        String token = http.token(DemoDataLoader.CLIENT_ID, DemoDataLoader.CLIENT_SECRET, "identity:validate");
        assertThat(http.postJson("/api/v1/identity/validations", token, "{\"idNumber\":\"430681198512154562\"}").json()
                .get("valid").asBoolean()).isTrue();
        assertThat(register.size()).isGreaterThanOrEqualTo(302);
    }
}
