package org.chengxin.demo;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.chengxin.catalog.Catalog;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.organization.Accounts;
import org.chengxin.organization.ApiClients;
import org.chengxin.organization.Departments;
import org.chengxin.organization.SecondFactors;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the Yueyang demo on the first start of the embedded mode, and says how to log in, once. */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "chengxin.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String PASSWORD = "Chengxin2026";
    /**
     * The synthetic TOTP secret (Base32) the demo's administrator, reviewer and auditor are enrolled with: add it to an
     * authenticator app (README) to log in as them. Never a real account's: the demo never runs in the prod profile.
     */
    static final String TOTP_SECRET = "KRSXG5CDNBSW4Z3YNFXECZDNNFXA";
    static final String CLIENT_ID = "demo-scjg";
    static final String CLIENT_SECRET = "demo-scjg-secret-2026";
    /**
     * The provincial platform's system, reading the city's change feed (scope exchange:read) and delivering its lists
     * (scope lists:import).
     */
    static final String UPSTREAM_CLIENT_ID = "demo-xyhn";
    static final String UPSTREAM_CLIENT_SECRET = "demo-xyhn-secret-2026";
    /** A neighbouring city's platform, asking for credit status by mutual query (scope mutual:query). */
    static final String CITY_CLIENT_ID = "demo-xycd";
    static final String CITY_CLIENT_SECRET = "demo-xycd-secret-2026";
    /** Two synthetic citizens with accounts; their numbers are made up and listed in the README. */
    static final List<String> CITIZEN_IDS = List.of("430602199001011235", "430681198512154562");

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Departments departments;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final ApiClients clients;
    private final PopulationRegister register;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int citizens;
    private final DemoPushes pushes;
    private final DemoInboundList inboundList;
    private final DemoFirms firms;
    private final int recordsPerItem;

    DemoDataLoader(Departments departments, Accounts accounts, ApiClients clients, PopulationRegister register,
            TransactionTemplate transactions, Clock clock, @Value("${chengxin.demo.citizens:3000}") int citizens,
            Catalog catalog, RecordBatches batches, @Value("${chengxin.demo.records-per-item:50}") int recordsPerItem,
            SecondFactors secondFactors) {
        this.departments = departments;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.clients = clients;
        this.register = register;
        this.transactions = transactions;
        this.clock = clock;
        this.citizens = citizens;
        this.pushes = new DemoPushes(catalog, batches, clock);
        this.inboundList = new DemoInboundList(batches, clock);
        this.firms = new DemoFirms(pushes, clock);
        this.recordsPerItem = recordsPerItem;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.staffExists("admin")) {
            if (!accounts.staffExists("leader")) {
                // a demo loaded before the leading group's account existed gets it now
                transactions.executeWithoutResult(status -> createLeader());
            }
            if (!accounts.staffExists("security")) {
                // a demo loaded before the administrators were separated (三员分立): "admin" became the system administrator
                transactions.executeWithoutResult(status -> createSecurityAndAuditAdministrators());
            }
            if (!clients.exists(UPSTREAM_CLIENT_ID)) {
                // a demo loaded before the exchange with other platforms (issue 18) gets their systems now
                transactions.executeWithoutResult(status -> loadExternalPlatforms());
            }
            log.info("演示数据已存在，跳过加载（演示账号见 README）");
            return;
        }
        log.info("首次启动：正在加载岳阳市演示数据……");
        List<SyntheticPeople.Person> people = SyntheticPeople.generate(citizens, 20261128L, clock);
        transactions.executeWithoutResult(status -> {
            loadDepartments();
            loadAccounts();
            loadPeople(people);
            clients.register(CLIENT_ID, CLIENT_SECRET, "市场监管局业务系统（演示）", DepartmentCode.of("scjg"), ApiClients.DEPARTMENT_SCOPES);
            loadExternalPlatforms();
        });
        List<SyntheticPeople.Person> featured = List.of(
                new SyntheticPeople.Person(IdNumber.parse(CITIZEN_IDS.get(0), clock), "岳示例"),
                new SyntheticPeople.Person(IdNumber.parse(CITIZEN_IDS.get(1), clock), "湘测试"));
        var reports = pushes.push(people, featured, recordsPerItem, 20261128L);
        log.info("演示部门已通过报送接口报送 {} 批、{} 条记录（拒绝 {} 条）", reports.size(),
                reports.stream().mapToInt(r -> r.accepted()).sum(), reports.stream().mapToInt(r -> r.rejected()).sum());
        var firmReports = firms.push(people);
        log.info("演示部门报送了关于法人的记录 {} 条（拒绝 {} 条），其中一条记入其法定代表人名下",
                firmReports.stream().mapToInt(r -> r.accepted()).sum(), firmReports.stream().mapToInt(r -> r.rejected()).sum());
        var lists = inboundList.deliver();
        log.info("信用湖南已送达演示失信被执行人名单 {} 期：新增 {} 条，结束 {} 条（拒绝 {} 条）", lists.size(),
                lists.stream().mapToInt(r -> r.accepted()).sum(), lists.stream().mapToInt(r -> r.ended()).sum(),
                lists.stream().mapToInt(r -> r.rejected()).sum());
        announce();
    }

    private void loadDepartments() {
        int n = 0;
        for (YueyangDepartments.Entry d : YueyangDepartments.ALL) {
            String prefix = switch (d.kind()) {
                case ASSOCIATION -> "51";
                case CREDIT_AGENCY -> "91";
                default -> "11";
            };
            String body = prefix + "430600" + String.format("MB%07d", 1_000 + n++);
            // a department registered by hand before the first start is kept as it is
            if (departments.find(DepartmentCode.of(d.code())).isEmpty()) {
                departments.register(d.code(), d.name(), d.kind(), body + UnifiedSocialCreditCode.checkCharacter(body), d.regionCode());
            }
        }
    }

    private void loadExternalPlatforms() {
        int n = 0;
        for (YueyangDepartments.Entry d : YueyangDepartments.EXTERNAL) {
            String body = "11" + d.regionCode() + String.format("MB%07d", 9_000 + n++);
            if (departments.find(DepartmentCode.of(d.code())).isEmpty()) {
                departments.register(d.code(), d.name(), d.kind(), body + UnifiedSocialCreditCode.checkCharacter(body), d.regionCode());
            }
        }
        clients.register(UPSTREAM_CLIENT_ID, UPSTREAM_CLIENT_SECRET, "信用湖南数据交换系统（演示）", DepartmentCode.of("xyhn"),
                Set.of("exchange:read", "lists:import"));
        clients.register(CITY_CLIENT_ID, CITY_CLIENT_SECRET, "常德市信用平台互查系统（演示）", DepartmentCode.of("xycd"),
                Set.of("mutual:query"));
    }

    private void loadAccounts() {
        // the three separated administrators (三员分立): "admin" stays the system administrator, as scripts expect
        accounts.createStaff("admin", "系统管理员（演示）", Role.SYSTEM_ADMIN, DepartmentCode.of("fgw"), PASSWORD);
        createSecurityAndAuditAdministrators();
        accounts.createStaff("officer", "市场监管局报送员（演示）", Role.DATA_OFFICER, DepartmentCode.of("scjg"), PASSWORD);
        accounts.createStaff("reviewer", "市场监管局审核员（演示）", Role.REVIEWER, DepartmentCode.of("scjg"), PASSWORD);
        accounts.createStaff("clerk", "政务服务中心窗口（演示）", Role.CLERK, DepartmentCode.of("zwfw"), PASSWORD);
        accounts.createStaff("auditor", "信用办审计员（演示）", Role.AUDITOR, DepartmentCode.of("fgw"), PASSWORD);
        createLeader();
        for (String username : List.of("admin", "reviewer", "auditor")) {
            secondFactors.enrolWithSecret(username, TOTP_SECRET);
        }
        for (String id : CITIZEN_IDS) {
            accounts.createCitizen(IdNumber.parse(id, clock), PASSWORD);
        }
    }

    /**
     * The security and audit administrators (三员分立), enrolled with the demo's TOTP secret like the system administrator;
     * two security administrators, since a lost second factor is reset by one and approved by another.
     */
    private void createSecurityAndAuditAdministrators() {
        accounts.createStaff("security", "安全管理员（演示）", Role.SECURITY_ADMIN, DepartmentCode.of("fgw"), PASSWORD);
        accounts.createStaff("security2", "安全管理员二（演示）", Role.SECURITY_ADMIN, DepartmentCode.of("fgw"), PASSWORD);
        accounts.createStaff("auditadmin", "安全审计员（演示）", Role.AUDIT_ADMIN, DepartmentCode.of("fgw"), PASSWORD);
        for (String username : List.of("security", "security2", "auditadmin")) {
            secondFactors.enrolWithSecret(username, TOTP_SECRET);
        }
    }

    private void createLeader() {
        accounts.createStaff("leader", "市信用体系建设领导小组（演示）", Role.LEADER, DepartmentCode.of("fgw"), PASSWORD);
    }

    private void loadPeople(List<SyntheticPeople.Person> people) {
        // made-up mobile numbers, so that online enrolment and SMS notices can be tried: the console shows the messages
        register.register(IdNumber.parse(CITIZEN_IDS.get(0), clock), "岳示例", "19907300000", "演示数据");
        register.register(IdNumber.parse(CITIZEN_IDS.get(1), clock), "湘测试", "19907300001", "演示数据");
        int n = 2;
        for (SyntheticPeople.Person p : people) {
            register.register(p.idNumber(), p.name(), "1990730" + String.format("%04d", n++ % 10000), "演示数据（虚构人员）");
        }
    }

    private void announce() {
        log.info("""

                ================ 岳阳市演示数据已加载（此信息只显示一次，README 中亦有列出） ================
                  工作人员账号（密码均为 {}）：
                    admin      系统管理员      岳阳市发展和改革委员会（三员分立：系统管理）
                    security   安全管理员      岳阳市发展和改革委员会（三员分立：工作人员账号）
                    auditadmin 安全审计员      岳阳市发展和改革委员会（三员分立：审计日志，只读）
                    officer   部门报送员      岳阳市市场监督管理局
                    reviewer  部门审核员      岳阳市市场监督管理局
                    clerk     窗口人员        岳阳市政务服务中心
                    auditor   审计员          岳阳市发展和改革委员会
                    leader    领导小组        岳阳市发展和改革委员会（只读：部门考核）
                  公民账号：以身份证号登录（完整号码见 README，密码同上）
                  演示接入客户端：client_id={}  client_secret={}  （POST /oauth2/token，grant_type=client_credentials）
                  上级平台（信用湖南，读取交换数据 exchange:read）：client_id={}  client_secret={}
                  其他城市平台（常德，异地互查 mutual:query）：client_id={}  client_secret={}
                  虚构居民 {} 人已载入人口基础信息库
                =========================================================================================""",
                PASSWORD, CLIENT_ID, CLIENT_SECRET, UPSTREAM_CLIENT_ID, UPSTREAM_CLIENT_SECRET, CITY_CLIENT_ID, CITY_CLIENT_SECRET,
                citizens + CITIZEN_IDS.size());
    }

}
