package org.chengxin.portal;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page rendered for a logged-in staff member its {@link StaffShell} ({@code staffShell}), which
 * {@code layout.html} turns into the staff header and menu; the public portal's own pages keep the portal's
 * header (a clerk reading 双公示 reads it as anybody would), and so does everybody who is not staff.
 */
@ControllerAdvice
class StaffShellModel {

    private static final List<String> PORTAL_PAGES = List.of("/public", "/catalog", "/measures", "/verify", "/activate",
            "/enrol", "/login");

    /** Optional: a web slice test (@WebMvcTest) has no departments; its pages then show no department name. */
    private final ObjectProvider<Departments> departments;

    StaffShellModel(ObjectProvider<Departments> departments) {
        this.departments = departments;
    }

    @ModelAttribute("staffShell")
    StaffShell staffShell(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ChengxinPrincipal who) || !who.role().isStaff()) {
            return null;
        }
        String path = pagePath(request);
        if (path.startsWith("/api/") || isPortalPage(path)) {
            return null;
        }
        Departments known = departments.getIfAvailable();
        String department = who.departmentCode() == null || known == null ? null
                : known.find(who.departmentCode()).map(Department::name).orElse(null);
        return StaffShell.of(who.role(), who.personName(), department, path);
    }

    /** The path the person asked for: on an error page, the one that failed. */
    private static String pagePath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed != null ? failed.toString() : request.getRequestURI();
        return uri.substring(request.getContextPath().length());
    }

    private static boolean isPortalPage(String path) {
        return path.equals("/") || PORTAL_PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }
}
