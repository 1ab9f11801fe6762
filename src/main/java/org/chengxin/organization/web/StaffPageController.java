package org.chengxin.organization.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.chengxin.organization.Accounts;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator (安全管理员, 三员分立) creates staff accounts for departments and lifts lockouts. */
@Controller
class StaffPageController {

    private final Accounts accounts;
    private final Departments departments;

    StaffPageController(Accounts accounts, Departments departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("departments", departments.all());
        model.addAttribute("departmentNames", departments.all().stream()
                .collect(Collectors.toMap(d -> d.code().value(), Department::name)));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isStaff).toList());
        return "admin/staff";
    }

    @PostMapping("/admin/staff")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) Role role,
            @RequestParam String departmentCode, @RequestParam String password, Model model, RedirectAttributes redirect) {
        try {
            // a code no department can have is refused like one no department has
            DepartmentCode department = DepartmentCode.parse(departmentCode)
                    .orElseThrow(() -> ChengxinException.badRequest("DEPARTMENT_NOT_FOUND", "所属部门不存在"));
            accounts.createStaff(username.strip(), displayName, role, department, password);
            // the administrator knows this password: the person replaces it at the first login
            accounts.requirePasswordChange(username.strip());
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
            return list(model);
        }
        redirect.addFlashAttribute("notice", "已创建账号 " + username.strip() + "，请将初始密码当面交给本人；本人首次登录时须修改密码");
        return "redirect:/admin/staff";
    }

    @PostMapping("/admin/staff/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlockStaff(id);
        redirect.addFlashAttribute("notice", "已解除锁定");
        return "redirect:/admin/staff";
    }
}
