package org.chengxin.portal;

import java.time.Duration;

import org.chengxin.assessment.AdminOverview;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PortalController {

    private final Departments departments;
    private final AdminOverview overview;

    PortalController(Departments departments, AdminOverview overview) {
        this.departments = departments;
        this.overview = overview;
    }

    @GetMapping("/")
    String index() {
        return "index";
    }

    @GetMapping("/login")
    String login(Model model, @Value("${chengxin.security.lockout.max-attempts}") int maxAttempts,
            @Value("${chengxin.security.lockout.duration}") Duration lockDuration,
            @Value("${chengxin.sso.enabled:false}") boolean sso, @Value("${chengxin.sso.display-name}") String ssoName) {
        model.addAttribute("maxAttempts", maxAttempts);
        model.addAttribute("lockMinutes", lockDuration.toMinutes());
        // citizens' single sign-on (organization.security.SingleSignOn), offered only where it is configured
        model.addAttribute("sso", sso);
        model.addAttribute("ssoName", ssoName);
        return "login";
    }

    /**
     * Each role's own home page, with the work that role does; the system administrator's also with the overview of the city's
     * credit work (its charts drawn by a static script from {@code /home/overview/charts}, its figures here as tables).
     */
    @GetMapping("/home")
    String home(@AuthenticationPrincipal ChengxinPrincipal principal, Model model) {
        Role role = principal.role();
        model.addAttribute("role", role);
        model.addAttribute("principal", principal);
        model.addAttribute("department", principal.departmentCode() == null ? null
                : departments.find(principal.departmentCode()).map(Department::name).orElse(principal.departmentCode().value()));
        if (role == Role.SYSTEM_ADMIN) {
            model.addAttribute("overview", overview.now());
        }
        return "home";
    }
}
