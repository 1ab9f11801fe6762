package org.chengxin.organization.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chengxin.organization.ApiClients;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator registers department business systems. The secret is generated here and shown
 * exactly once; only its hash is kept.
 */
@Controller
class ApiClientsPageController {

    private final ApiClients clients;
    private final Departments departments;

    ApiClientsPageController(ApiClients clients, Departments departments) {
        this.clients = clients;
        this.departments = departments;
    }

    @GetMapping("/admin/clients")
    String list(Model model) {
        model.addAttribute("clients", clients.all());
        model.addAttribute("departments", departments.all());
        model.addAttribute("scopeLabels", ApiClients.SCOPE_LABELS);
        model.addAttribute("departmentNames", departments.all().stream()
                .collect(Collectors.toMap(d -> d.code().value(), Department::name)));
        model.addAttribute("scopes", new TreeSet<>(ApiClients.SCOPES));
        return "admin/clients";
    }

    @PostMapping("/admin/clients")
    String register(@RequestParam String clientId, @RequestParam String name, @RequestParam String departmentCode,
            @RequestParam(name = "scopes", required = false) List<String> scopes, Model model) {
        try {
            // a code no department can have is refused like one no department has
            DepartmentCode department = DepartmentCode.parse(departmentCode)
                    .orElseThrow(() -> ChengxinException.badRequest("DEPARTMENT_NOT_FOUND", "部门不存在：" + departmentCode));
            String secret = clients.registerWithNewSecret(clientId.strip(), name.strip(), department,
                    scopes == null ? Set.of() : Set.copyOf(scopes));
            model.addAttribute("registered", clientId.strip());
            model.addAttribute("secret", secret);
        } catch (ChengxinException e) {
            model.addAttribute("error", e);
        }
        return list(model);
    }
}
