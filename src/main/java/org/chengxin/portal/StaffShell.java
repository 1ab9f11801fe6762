package org.chengxin.portal;

import java.util.ArrayList;
import java.util.List;

import org.chengxin.portal.StaffMenu.Entry;
import org.chengxin.portal.StaffMenu.Group;
import org.chengxin.shared.security.Role;

/**
 * What the staff layout shows around a page: who is working (name, role, department by name), the role's
 * menu with the current entry, and the way back to the workbench as breadcrumbs.
 */
public record StaffShell(String personName, String roleLabel, String departmentName, List<Group> groups, Entry current,
        List<Crumb> breadcrumbs) {

    /** One step of the breadcrumbs; {@code path} is null for a step that is not a link. */
    public record Crumb(String label, String path) {
    }

    static StaffShell of(Role role, String personName, String departmentName, String requestPath) {
        Entry current = StaffMenu.current(role, requestPath).orElse(null);
        return new StaffShell(personName, role.label(), departmentName, StaffMenu.of(role), current,
                breadcrumbs(role, current, requestPath));
    }

    /** 工作台 › group › entry; the entry is a link when the page is one under it (a record, a case). */
    private static List<Crumb> breadcrumbs(Role role, Entry current, String requestPath) {
        List<Crumb> crumbs = new ArrayList<>();
        boolean onWorkbench = StaffMenu.WORKBENCH.equals(current);
        crumbs.add(new Crumb(StaffMenu.WORKBENCH.label(), onWorkbench ? null : StaffMenu.WORKBENCH.path()));
        if (current == null || onWorkbench) {
            return crumbs;
        }
        StaffMenu.groupOf(role, current).ifPresent(group -> crumbs.add(new Crumb(group.title(), null)));
        crumbs.add(new Crumb(current.label(), current.path().equals(requestPath) ? null : current.path()));
        return crumbs;
    }

    /** Whether the page is the workbench itself. */
    public boolean onWorkbench() {
        return isCurrent(StaffMenu.WORKBENCH);
    }

    /** Whether this entry is the one the page belongs to (for the menu's highlight). */
    public boolean isCurrent(Entry entry) {
        return entry.equals(current);
    }
}
