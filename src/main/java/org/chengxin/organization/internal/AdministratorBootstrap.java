package org.chengxin.organization.internal;

import java.util.ArrayList;
import java.util.List;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new production installation has nobody to log in. The three separated administrators (三员分立: system, security and
 * audit administrator) are created from the bootstrap settings, each when no enabled account holds its role and its user
 * name and password are given (CHENGXIN_BOOTSTRAP_ADMIN_*, _SECURITY_ADMIN_*, _AUDIT_ADMIN_*), with the platform's
 * operating unit (CHENGXIN_BOOTSTRAP_PLATFORM_USCC) when it is not registered yet. An installation from before the
 * separation has a system administrator (its former administrator); the settings of the two others create them once.
 * Once an administrator of a role exists, that role's settings are ignored and should be removed.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final Accounts accounts;
    private final Departments departments;
    private final TransactionTemplate transactions;
    private final Settings settings;
    private final boolean prod;
    private final ClusterJobs cluster;

    /** One administrator to create: the role, and the user name and initial password from the settings. */
    record Administrator(Role role, String username, String password, String variable) {

        boolean given() {
            return !username.isBlank();
        }
    }

    record Settings(List<Administrator> administrators, String platformCode, String platformName, String platformUscc,
            String regionCode) {
    }

    AdministratorBootstrap(Accounts accounts, Departments departments, TransactionTemplate transactions,
            @Value("#{environment.matchesProfiles('prod')}") boolean prod,
            @Value("${chengxin.bootstrap.admin-username:}") String username,
            @Value("${chengxin.bootstrap.admin-password:}") String password,
            @Value("${chengxin.bootstrap.security-admin-username:}") String securityUsername,
            @Value("${chengxin.bootstrap.security-admin-password:}") String securityPassword,
            @Value("${chengxin.bootstrap.audit-admin-username:}") String auditUsername,
            @Value("${chengxin.bootstrap.audit-admin-password:}") String auditPassword,
            @Value("${chengxin.bootstrap.platform-code:platform}") String platformCode,
            @Value("${chengxin.bootstrap.platform-name:信用平台运营机构}") String platformName,
            @Value("${chengxin.bootstrap.platform-uscc:}") String platformUscc,
            @Value("${chengxin.bootstrap.region-code:430600}") String regionCode, ClusterJobs cluster) {
        this.cluster = cluster;
        this.accounts = accounts;
        this.departments = departments;
        this.transactions = transactions;
        this.prod = prod;
        this.settings = new Settings(List.of(
                new Administrator(Role.SYSTEM_ADMIN, username, password, "CHENGXIN_BOOTSTRAP_ADMIN"),
                new Administrator(Role.SECURITY_ADMIN, securityUsername, securityPassword, "CHENGXIN_BOOTSTRAP_SECURITY_ADMIN"),
                new Administrator(Role.AUDIT_ADMIN, auditUsername, auditPassword, "CHENGXIN_BOOTSTRAP_AUDIT_ADMIN")),
                platformCode, platformName, platformUscc, regionCode);
    }

    @Override
    public void run(ApplicationArguments args) {
        cluster.exclusively("organization.bootstrap", this::bootstrap);
    }

    private void bootstrap() {
        List<Administrator> missing = new ArrayList<>();
        List<Administrator> toCreate = new ArrayList<>();
        for (Administrator a : settings.administrators()) {
            if (accounts.anyAdministrator(a.role())) {
                if (a.given()) {
                    log.info("已存在{}，忽略其引导设置（可删除 {}_USERNAME 和 {}_PASSWORD 环境变量）", a.role().label(), a.variable(),
                            a.variable());
                }
            } else if (a.given()) {
                toCreate.add(a);
            } else {
                missing.add(a);
            }
        }
        if (prod && !missing.isEmpty()) {
            for (Administrator a : missing) {
                log.warn("尚无{}：请设置 {}_USERNAME、{}_PASSWORD（首次安装还需 CHENGXIN_BOOTSTRAP_PLATFORM_USCC）后重新启动"
                        + "（见 docs/operations.md）", a.role().label(), a.variable(), a.variable());
            }
        }
        if (toCreate.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            // a malformed platform code is refused by register (DEPARTMENT_INVALID_CODE), as before it had a type
            if (DepartmentCode.parse(settings.platformCode()).flatMap(departments::find).isEmpty()) {
                departments.register(settings.platformCode(), settings.platformName(), DepartmentKind.PLATFORM,
                        settings.platformUscc(), settings.regionCode());
            }
            // one account each, under the role's name: no name holds two administrator roles
            for (Administrator a : toCreate) {
                accounts.createStaff(a.username(), a.role().label(), a.role(), DepartmentCode.of(settings.platformCode()),
                        a.password());
                // the password sat in the environment: the administrator replaces it at the first login
                accounts.requirePasswordChange(a.username());
            }
        });
        for (Administrator a : toCreate) {
            log.info("已创建{}账号 {}（所属 {}）。请登录后修改密码，并删除 {}_PASSWORD。", a.role().label(), a.username(),
                    settings.platformName(), a.variable());
        }
    }
}
