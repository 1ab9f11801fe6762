package org.chengxin.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcDepartments implements Departments {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDepartments(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Department register(String code, String name, DepartmentKind kind, String uscc, String regionCode) {
        String problem = UnifiedSocialCreditCode.problemWith(uscc);
        if (problem != null) {
            throw ChengxinException.badRequest("DEPARTMENT_INVALID_USCC", problem);
        }
        DepartmentCode department = DepartmentCode.parse(code).orElseThrow(
                () -> ChengxinException.badRequest("DEPARTMENT_INVALID_CODE", "部门代码应为2至32位小写字母、数字或连字符，以字母开头"));
        if (name == null || name.isBlank() || UnicodeText.longerThan(name, 100)) {
            throw ChengxinException.badRequest("DEPARTMENT_INVALID_NAME", "部门名称不能为空，且不超过100个字符");
        }
        if (kind == null) {
            throw ChengxinException.badRequest("DEPARTMENT_INVALID_KIND", "请选择机构类别");
        }
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw ChengxinException.badRequest("DEPARTMENT_INVALID_REGION", "行政区划代码应为6位数字");
        }
        if (find(department).isPresent()) {
            throw ChengxinException.conflict("DEPARTMENT_EXISTS", "部门代码 " + code + " 已登记");
        }
        jdbc.sql("select code from organization_department where uscc = :uscc")
                .param("uscc", uscc).query(String.class).optional().ifPresent(other -> {
                    throw ChengxinException.conflict("DEPARTMENT_USCC_TAKEN", "该统一社会信用代码已登记为部门 " + other);
                });
        jdbc.sql("""
                insert into organization_department (code, name, kind, uscc, region_code)
                values (:code, :name, :kind, :uscc, :region)""")
                .param("code", code).param("name", name).param("kind", kind.name())
                .param("uscc", uscc).param("region", regionCode).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "organization.department-register", null,
                "机构管理", AuditOutcome.SUCCESS, "登记机构“" + name + "”"));
        return find(department).orElseThrow();
    }

    @Override
    public Optional<Department> find(DepartmentCode code) {
        return jdbc.sql("select * from organization_department where code = :code").param("code", code.value())
                .query(JdbcDepartments::map).optional();
    }

    @Override
    public List<Department> all() {
        return jdbc.sql("select * from organization_department order by kind, code").query(JdbcDepartments::map).list();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(DepartmentCode.of(rs.getString("code")), rs.getString("name"), DepartmentKind.valueOf(rs.getString("kind")),
                new UnifiedSocialCreditCode(rs.getString("uscc")), rs.getString("region_code"), rs.getBoolean("active"));
    }
}
