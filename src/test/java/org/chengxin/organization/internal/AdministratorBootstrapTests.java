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
import org.chengxin.organization.Department;
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

/** A new installation gets its three separated administrators from the bootstrap settings, each only while none holds its role. */
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
    void createsThePlatformUnitAndTheThreeSeparatedAdministrators() throws Exception {
        when(departments.find(DepartmentCode.of("platform"))).thenReturn(Optional.empty());

        bootstrap("root", "Bootstrap-2026", "sec", "Security-2026", "aud", "Auditing-2026").run(new DefaultApplicationArguments());

        verify(departments).register(eq("platform"), eq("信用平台运营机构"), eq(DepartmentKind.PLATFORM), eq("11430600MB0001000X"), eq("430600"));
        verify(accounts).createStaff("root", "系统管理员", Role.SYSTEM_ADMIN, DepartmentCode.of("platform"), "Bootstrap-2026");
        verify(accounts).createStaff("sec", "安全管理员", Role.SECURITY_ADMIN, DepartmentCode.of("platform"), "Security-2026");
        verify(accounts).createStaff("aud", "安全审计员", Role.AUDIT_ADMIN, DepartmentCode.of("platform"), "Auditing-2026");
    }

    @Test
    void anInstallationFromBeforeTheSeparationGetsTheTwoMissingOnesOnce() throws Exception {
        // its former administrator became the system administrator (V63); the platform unit exists
        when(accounts.anyAdministrator(Role.SYSTEM_ADMIN)).thenReturn(true);
        when(departments.find(DepartmentCode.of("platform"))).thenReturn(Optional.of(mock(Department.class)));

        bootstrap("root", "Bootstrap-2026", "sec", "Security-2026", "aud", "Auditing-2026").run(new DefaultApplicationArguments());

        verify(accounts, never()).createStaff(eq("root"), anyString(), any(), any(), anyString());
        verify(accounts).createStaff("sec", "安全管理员", Role.SECURITY_ADMIN, DepartmentCode.of("platform"), "Security-2026");
        verify(accounts).createStaff("aud", "安全审计员", Role.AUDIT_ADMIN, DepartmentCode.of("platform"), "Auditing-2026");
        verify(departments, never()).register(anyString(), anyString(), any(), anyString(), anyString());
    }

    @Test
    void doesNothingOnceEveryAdministratorExists() throws Exception {
        for (Role role : new Role[] {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}) {
            when(accounts.anyAdministrator(role)).thenReturn(true);
        }

        bootstrap("root", "Bootstrap-2026", "sec", "Security-2026", "aud", "Auditing-2026").run(new DefaultApplicationArguments());

        verify(accounts, never()).createStaff(anyString(), anyString(), any(), any(), anyString());
    }

    @Test
    void createsOnlyThoseWhoseSettingsAreGiven() throws Exception {
        when(departments.find(DepartmentCode.of("platform"))).thenReturn(Optional.empty());

        bootstrap("root", "Bootstrap-2026", "", "", "", "").run(new DefaultApplicationArguments());

        verify(accounts).createStaff("root", "系统管理员", Role.SYSTEM_ADMIN, DepartmentCode.of("platform"), "Bootstrap-2026");
        verify(accounts, never()).createStaff(anyString(), anyString(), eq(Role.SECURITY_ADMIN), any(), anyString());
        verify(accounts, never()).createStaff(anyString(), anyString(), eq(Role.AUDIT_ADMIN), any(), anyString());
    }

    @Test
    void doesNothingWithoutSettings() throws Exception {
        bootstrap("", "", "", "", "", "").run(new DefaultApplicationArguments());

        verify(accounts, never()).createStaff(anyString(), anyString(), any(), any(), anyString());
        verify(departments, never()).register(anyString(), anyString(), any(), anyString(), anyString());
    }

    private AdministratorBootstrap bootstrap(String username, String password, String securityUsername,
            String securityPassword, String auditUsername, String auditPassword) {
        return new AdministratorBootstrap(accounts, departments, transactions, true, username, password, securityUsername,
                securityPassword, auditUsername, auditPassword, "platform", "信用平台运营机构", "11430600MB0001000X", "430600",
                cluster);
    }
}
