package org.chengxin.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.shared.security.Role;

/**
 * The left menu of the staff pages: per staff role, grouped, exactly the pages the role may open (the
 * modules' {@code AccessRules} decide; {@code StaffMenuIntegrationTests} holds the two together). Citizens
 * and department systems have no menu: they keep the public portal's header.
 */
public final class StaffMenu {

    /** One page of the menu; {@code id} names its link for tests and styles. */
    public record Entry(String label, String path, String id) {

        /** This entry's page, or a page under it ({@code /lists} covers {@code /lists/candidates/…}). */
        public boolean covers(String requestPath) {
            return requestPath.equals(path) || requestPath.startsWith(path + "/");
        }
    }

    /** A heading of the menu and its pages. */
    public record Group(String title, List<Entry> entries) {
    }

    public static final Entry WORKBENCH = new Entry("工作台", "/home", "menu-home");

    private static final Map<Role, List<Group>> MENUS = Map.of(
            Role.SYSTEM_ADMIN, List.of(
                    group("信用信息归集", entry("信息目录维护", "/admin/catalog"), entry("部门报送情况", "/admin/figures"),
                            entry("人口基础信息", "/admin/population"), entry("上级名单导入", "/admin/inbound-lists"),
                            entry("法人和其他组织", "/firms")),
                    group("信用评价", entry("信用积分模型", "/admin/evaluation")),
                    group("名单与奖惩", entry("信用服务机构黑名单", "/admin/agency-blacklist"), entry("奖惩措施清单", "/admin/measures"),
                            entry("核查与反馈情况", "/admin/measures/figures")),
                    group("权益保护", entry("异议初审与督办", "/remedies/screening"), entry("异议与修复办理情况", "/admin/remedies-figures"),
                            entry("投诉与举报办理", "/admin/complaints"), entry("本人声明审核", "/statements/review")),
                    group("考核评价", entry("部门考核", "/assessment")),
                    group("系统管理", entry("部门与机构", "/admin/departments"), entry("业务系统接入", "/admin/clients"),
                            entry("信用信息交换", "/admin/exchange"), entry("工作日历", "/admin/calendar"),
                            entry("通知公告与政策法规", "/admin/bulletins"))),
            Role.SECURITY_ADMIN, List.of(
                    group("安全管理", entry("工作人员账号", "/admin/staff"), entry("双因素认证重置", "/admin/second-factor-resets"))),
            Role.AUDIT_ADMIN, List.of(
                    group("安全审计", entry("审计日志", "/audit"))),
            Role.DATA_OFFICER, List.of(
                    group("信用信息归集", entry("信用信息报送", "/ingestion"), entry("逐条录入", "/ingestion/entry"),
                            entry("本部门信用记录", "/records"), entry("法人和其他组织", "/firms"))),
            Role.REVIEWER, List.of(
                    group("信用信息", entry("信用记录查阅", "/records"), entry("重点人群与学生诚信档案", "/archives"),
                            entry("法人和其他组织", "/firms")),
                    group("名单管理", entry("严重失信主体认定", "/lists"), entry("优良信用记录名单", "/lists/good-credit")),
                    group("权益保护", entry("异议与信用修复审核", "/review/cases"), entry("投诉与举报办理", "/review/complaints"))),
            Role.CLERK, List.of(
                    group("查询与报告", entry("信用报告查询", "/inquiry"), entry("窗口出具的报告", "/reports/issued"),
                            entry("联合奖惩核查", "/checks"), entry("法人和其他组织", "/firms")),
                    group("权益保护", entry("异议与信用修复代办", "/window/remedies"), entry("投诉与举报代办", "/window/complaints")),
                    group("窗口服务", entry("公民账号开户", "/window/accounts"))),
            Role.AUDITOR, List.of(
                    group("审计", entry("审计日志", "/audit"), entry("查询记录审查", "/audit/queries"),
                            entry("查询异常使用提示", "/audit/flags"), entry("窗口出具的报告", "/reports/issued"),
                            entry("法人和其他组织", "/firms")),
                    group("考核评价", entry("部门考核", "/assessment"))),
            Role.LEADER, List.of(
                    group("考核评价", entry("部门考核", "/assessment"))));

    private StaffMenu() {
    }

    /** The role's groups; none for a citizen or a department system. */
    public static List<Group> of(Role role) {
        return MENUS.getOrDefault(role, List.of());
    }

    /** Every page of the role's menu, the workbench first. */
    public static List<Entry> entries(Role role) {
        List<Entry> all = new ArrayList<>(List.of(WORKBENCH));
        of(role).forEach(group -> all.addAll(group.entries()));
        return all;
    }

    /** The entry the page at this path belongs to: the one with the longest path covering it. */
    public static Optional<Entry> current(Role role, String requestPath) {
        return entries(role).stream().filter(e -> e.covers(requestPath))
                .max(Comparator.comparingInt(e -> e.path().length()));
    }

    /** The group holding the entry; none for the workbench. */
    public static Optional<Group> groupOf(Role role, Entry entry) {
        return of(role).stream().filter(g -> g.entries().contains(entry)).findFirst();
    }

    private static Group group(String title, Entry... entries) {
        return new Group(title, List.of(entries));
    }

    private static Entry entry(String label, String path) {
        return new Entry(label, path, "menu" + path.replace('/', '-'));
    }
}
