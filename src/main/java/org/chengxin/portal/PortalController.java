package org.chengxin.portal;

import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.chengxin.shared.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PortalController {

    private final Departments departments;

    PortalController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/")
    String index() {
        return "index";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Each role's own home page, with the work that role does. */
    @GetMapping("/home")
    String home(@AuthenticationPrincipal ChengxinPrincipal principal, Model model) {
        Role role = principal.role();
        model.addAttribute("role", role);
        model.addAttribute("principal", principal);
        model.addAttribute("department", principal.departmentCode() == null ? null
                : departments.find(principal.departmentCode()).map(Department::name).orElse(principal.departmentCode()));
        return "home";
    }
}
