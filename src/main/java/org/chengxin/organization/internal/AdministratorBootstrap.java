package org.chengxin.organization.internal;

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
 * A new production installation has nobody to log in. When no administrator exists and the
 * bootstrap settings are given (CHENGXIN_BOOTSTRAP_ADMIN_USERNAME, _PASSWORD and
 * CHENGXIN_BOOTSTRAP_PLATFORM_USCC), the first administrator and the platform's operating unit are
 * created. Once an administrator exists, the settings are ignored and should be removed.
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

    record Settings(String username, String password, String platformCode, String platformName, String platformUscc,
            String regionCode) {
    }

    AdministratorBootstrap(Accounts accounts, Departments departments, TransactionTemplate transactions,
            @Value("#{environment.matchesProfiles('prod')}") boolean prod,
            @Value("${chengxin.bootstrap.admin-username:}") String username,
            @Value("${chengxin.bootstrap.admin-password:}") String password,
            @Value("${chengxin.bootstrap.platform-code:platform}") String platformCode,
            @Value("${chengxin.bootstrap.platform-name:信用平台运营机构}") String platformName,
            @Value("${chengxin.bootstrap.platform-uscc:}") String platformUscc,
            @Value("${chengxin.bootstrap.region-code:430600}") String regionCode, ClusterJobs cluster) {
        this.cluster = cluster;
        this.accounts = accounts;
        this.departments = departments;
        this.transactions = transactions;
        this.prod = prod;
        this.settings = new Settings(username, password, platformCode, platformName, platformUscc, regionCode);
    }

    @Override
    public void run(ApplicationArguments args) {
        cluster.exclusively("organization.bootstrap", this::bootstrap);
    }

    private void bootstrap() {
        if (settings.username().isBlank() || accounts.anyAdministrator()) {
            if (!settings.username().isBlank()) {
                log.info("已存在平台管理员，忽略引导管理员设置（可删除 CHENGXIN_BOOTSTRAP_* 环境变量）");
            } else if (prod && !accounts.anyAdministrator()) {
                log.warn("尚无平台管理员：请设置 CHENGXIN_BOOTSTRAP_ADMIN_USERNAME、CHENGXIN_BOOTSTRAP_ADMIN_PASSWORD 和 "
                        + "CHENGXIN_BOOTSTRAP_PLATFORM_USCC 后重新启动（见 docs/operations.md）");
            }
            return;
        }
        transactions.executeWithoutResult(status -> {
            // a malformed platform code is refused by register (DEPARTMENT_INVALID_CODE), as before it had a type
            if (DepartmentCode.parse(settings.platformCode()).flatMap(departments::find).isEmpty()) {
                departments.register(settings.platformCode(), settings.platformName(), DepartmentKind.PLATFORM,
                        settings.platformUscc(), settings.regionCode());
            }
            accounts.createStaff(settings.username(), "平台管理员", Role.ADMIN, DepartmentCode.of(settings.platformCode()),
                    settings.password());
        });
        log.info("已创建首个平台管理员账号 {}（所属 {}）。请登录后修改密码，并删除 CHENGXIN_BOOTSTRAP_ADMIN_PASSWORD。",
                settings.username(), settings.platformName());
    }
}
