package org.chengxin.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.ApiClients;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.SecondFactors;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.security.SecondFactorPolicy;
import org.springframework.boot.test.context.TestComponent;

/**
 * Test data that reads like the domain: departments, staff of each role, citizens and department
 * systems, each with fresh names so tests sharing one database never collide.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "Test-Passw0rd";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private final Departments departments;
    private final Accounts accounts;
    private final ApiClients clients;
    private final Clock clock;
    private final SecondFactors secondFactors;
    private final SecondFactorPolicy secondFactorPolicy;

    public Fixtures(Departments departments, Accounts accounts, ApiClients clients, Clock clock, SecondFactors secondFactors,
            SecondFactorPolicy secondFactorPolicy) {
        this.secondFactors = secondFactors;
        this.secondFactorPolicy = secondFactorPolicy;
        this.departments = departments;
        this.accounts = accounts;
        this.clients = clients;
        this.clock = clock;
    }

    public String department() {
        int n = SEQUENCE.incrementAndGet();
        String body = "11430600" + String.format("T%08d", n);
        String code = "dept-" + n;
        departments.register(code, "测试部门" + n, DepartmentKind.GOVERNMENT, body + UnifiedSocialCreditCode.checkCharacter(body), "430600");
        return code;
    }

    /** A new government department of a county-level division (GB/T 2260 code, e.g. 430621 岳阳县); returns its code. */
    public String departmentIn(String regionCode) {
        int n = SEQUENCE.incrementAndGet();
        String body = "11" + regionCode + String.format("R%08d", n);
        String code = "dept-" + n;
        departments.register(code, "测试区县部门" + n, DepartmentKind.GOVERNMENT, body + UnifiedSocialCreditCode.checkCharacter(body), regionCode);
        return code;
    }

    /** A department with a given code (as the catalog names it), registered once. */
    public String departmentWithCode(String code) {
        if (departments.find(DepartmentCode.of(code)).isEmpty()) {
            int n = SEQUENCE.incrementAndGet();
            String body = "11430600" + String.format("C%08d", n);
            departments.register(code, "测试部门" + n, DepartmentKind.GOVERNMENT, body + UnifiedSocialCreditCode.checkCharacter(body), "430600");
        }
        return code;
    }

    /** A department system of the department with this code; returns the client id (secret {@link #PASSWORD}). */
    public String apiClientOf(String departmentCode, String... scopes) {
        departmentWithCode(departmentCode);
        String clientId = "client-" + SEQUENCE.incrementAndGet();
        clients.register(clientId, PASSWORD, "测试业务系统", DepartmentCode.of(departmentCode), Set.of(scopes));
        return clientId;
    }

    /** A staff member of a new department; returns the user name. */
    public String staff(Role role) {
        int n = SEQUENCE.incrementAndGet();
        String username = role.name().toLowerCase().replace('_', '-') + "-" + n;
        // an administrator is a person of their own: no name holds two administrator accounts (三员分立)
        String name = "测试" + role.label() + (role.isAdministrator() ? n : "");
        accounts.createStaff(username, name, role, DepartmentCode.of(department()), PASSWORD);
        if (secondFactorPolicy.requires(role)) {
            // as its authenticator app would have been set up: the login asks for the code of TestTotp.SECRET
            secondFactors.enrolWithSecret(username, TestTotp.SECRET);
        }
        return username;
    }

    /** A citizen with an account; returns the full (synthetic) ID number. */
    public IdNumber citizenWithAccount() {
        IdNumber number = syntheticIdNumber();
        accounts.createCitizen(number, PASSWORD);
        return number;
    }

    /** A department system with the given scopes; returns the client id (secret is {@link #PASSWORD}). */
    public String apiClient(String... scopes) {
        String clientId = "client-" + SEQUENCE.incrementAndGet();
        clients.register(clientId, PASSWORD, "测试业务系统", DepartmentCode.of(department()), Set.of(scopes));
        return clientId;
    }

    /** A new organization of kind {@link DepartmentKind#EXTERNAL_PLATFORM} (another credit platform); returns its code. */
    public String externalPlatform() {
        int n = SEQUENCE.incrementAndGet();
        String body = "11430000" + String.format("E%08d", n);
        String code = "ext-" + n;
        departments.register(code, "测试外部平台" + n, DepartmentKind.EXTERNAL_PLATFORM, body + UnifiedSocialCreditCode.checkCharacter(body),
                "430000");
        return code;
    }

    /** A system of a new external credit platform with the given exchange scopes; returns the client id (secret {@link #PASSWORD}). */
    public String externalPlatformClient(String... scopes) {
        String clientId = "client-" + SEQUENCE.incrementAndGet();
        clients.register(clientId, PASSWORD, "测试外部平台系统", DepartmentCode.of(externalPlatform()), Set.of(scopes));
        return clientId;
    }

    /** A made-up but valid ID number of a Yueyang resident. */
    public IdNumber syntheticIdNumber() {
        return syntheticIdNumberBornOn(LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000)));
    }

    /** A made-up but valid ID number of a Yueyang resident born on the given day (a minor, say). */
    public IdNumber syntheticIdNumberBornOn(LocalDate birth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "430602" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return IdNumber.parse(body + IdNumber.checkCharacterOf(body), clock);
    }
}
