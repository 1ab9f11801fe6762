package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chengxin.portal.StaffMenu.Entry;
import org.chengxin.portal.StaffShell.Crumb;
import org.chengxin.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StaffMenuTests {

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "LEADER"})
    void everyStaffRoleHasGroupedPagesWithUniquePathsAndTheWorkbenchFirst(Role role) {
        List<Entry> entries = StaffMenu.entries(role);

        assertThat(StaffMenu.of(role)).isNotEmpty().allSatisfy(group -> assertThat(group.entries()).isNotEmpty());
        assertThat(entries.get(0)).isEqualTo(StaffMenu.WORKBENCH);
        assertThat(entries).extracting(Entry::path).doesNotHaveDuplicates().allMatch(path -> path.startsWith("/"));
        assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates();
    }

    @Test
    void citizensAndDepartmentSystemsHaveNoMenu() {
        assertThat(StaffMenu.of(Role.CITIZEN)).isEmpty();
        assertThat(StaffMenu.of(Role.API_CLIENT)).isEmpty();
    }

    @Test
    void theAuditorFindsTheQueryFlagsAndTheAdministratorTheCalendar() {
        assertThat(StaffMenu.entries(Role.AUDITOR)).extracting(Entry::path).contains("/audit", "/audit/queries", "/audit/flags");
        assertThat(StaffMenu.entries(Role.SYSTEM_ADMIN)).extracting(Entry::path).contains("/admin/calendar")
                .doesNotContain("/audit/flags", "/records");
    }

    @Test
    void aPageBelongsToTheEntryWithTheLongestPathCoveringIt() {
        assertThat(StaffMenu.current(Role.SYSTEM_ADMIN, "/admin/measures/figures")).get().extracting(Entry::path).isEqualTo("/admin/measures/figures");
        assertThat(StaffMenu.current(Role.SYSTEM_ADMIN, "/admin/measures")).get().extracting(Entry::path).isEqualTo("/admin/measures");
        assertThat(StaffMenu.current(Role.REVIEWER, "/lists/candidates/abc")).get().extracting(Entry::path).isEqualTo("/lists");
        assertThat(StaffMenu.current(Role.REVIEWER, "/lists/good-credit")).get().extracting(Entry::path).isEqualTo("/lists/good-credit");
        assertThat(StaffMenu.current(Role.DATA_OFFICER, "/records/42")).get().extracting(Entry::path).isEqualTo("/records");
        assertThat(StaffMenu.current(Role.DATA_OFFICER, "/recordsx")).isEmpty();
        assertThat(StaffMenu.current(Role.CLERK, "/home")).contains(StaffMenu.WORKBENCH);
    }

    @Test
    void breadcrumbsLeadFromTheWorkbenchThroughTheGroupToThePage() {
        StaffShell onList = StaffShell.of(Role.REVIEWER, "张审核", "测试部门", "/lists");
        StaffShell onCandidate = StaffShell.of(Role.REVIEWER, "张审核", "测试部门", "/lists/candidates/abc");
        StaffShell onWorkbench = StaffShell.of(Role.REVIEWER, "张审核", "测试部门", "/home");

        assertThat(onList.breadcrumbs()).containsExactly(new Crumb("工作台", "/home"), new Crumb("名单管理", null),
                new Crumb("严重失信主体认定", null));
        assertThat(onCandidate.breadcrumbs()).last().isEqualTo(new Crumb("严重失信主体认定", "/lists"));
        assertThat(onWorkbench.breadcrumbs()).containsExactly(new Crumb("工作台", null));
        assertThat(onWorkbench.onWorkbench()).isTrue();
        assertThat(onList.isCurrent(onList.current())).isTrue();
        assertThat(onList.roleLabel()).isEqualTo("部门审核员");
    }

    @Test
    void anUnknownPageHasNoCurrentEntryAndOnlyTheWayBack() {
        StaffShell shell = StaffShell.of(Role.CLERK, "李窗口", null, "/no-such-page");

        assertThat(shell.current()).isNull();
        assertThat(shell.breadcrumbs()).containsExactly(new Crumb("工作台", "/home"));
    }
}
