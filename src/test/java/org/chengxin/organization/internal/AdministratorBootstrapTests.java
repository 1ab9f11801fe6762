package org.chengxin.organization.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.shared.cluster.ClusterJobs;
import org.chengxin.organization.Departments;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** A new installation gets its first administrator from the bootstrap settings, and only then. */
class AdministratorBootstrapTests {

    private final Accounts accounts = mock(Accounts.class);
    private final Departments departments = mock(Departments.class);
    private final ClusterJobs cluster = mock(ClusterJobs.class);

    {
        // one instance: the start-up work runs at once
        doAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return null;
        }).when(cluster).exclusively(anyString(), any());
    }
    private final TransactionTemplate transactions = new TransactionTemplate() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(new SimpleTransactionStatus());
        }
    };

    @Test
    void createsThePlatformUnitAndTheFirstAdministrator() throws Exception {
        when(accounts.anyAdministrator()).thenReturn(false);
        when(departments.find(DepartmentCode.of("platform"))).thenReturn(Optional.empty());

        bootstrap("root", "Bootstrap-2026").run(new DefaultApplicationArguments());

        verify(departments).register(eq("platform"), eq("信用平台运营机构"), eq(DepartmentKind.PLATFORM), eq("11430600MB0001000X"), eq("430600"));
        verify(accounts).createStaff("root", "平台管理员", Role.ADMIN, DepartmentCode.of("platform"), "Bootstrap-2026");
    }

    @Test
    void doesNothingOnceAnAdministratorExists() throws Exception {
        when(accounts.anyAdministrator()).thenReturn(true);

        bootstrap("root", "Bootstrap-2026").run(new DefaultApplicationArguments());

        verify(accounts, never()).createStaff(anyString(), anyString(), any(), any(), anyString());
    }

    @Test
    void doesNothingWithoutSettings() throws Exception {
        when(accounts.anyAdministrator()).thenReturn(false);

        bootstrap("", "").run(new DefaultApplicationArguments());

        verify(accounts, never()).createStaff(anyString(), anyString(), any(), any(), anyString());
    }

    private AdministratorBootstrap bootstrap(String username, String password) {
        return new AdministratorBootstrap(accounts, departments, transactions, true, username, password, "platform",
                "信用平台运营机构", "11430600MB0001000X", "430600", cluster);
    }
}
