package org.chengxin.organization.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.UUID;

import org.chengxin.organization.ApiClientInfo;
import org.chengxin.organization.ApiClients;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.text.UnicodeText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcApiClients implements ApiClients {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final RegisteredClientRepository clients;
    private final JdbcClient jdbc;
    private final Departments departments;
    private static final SecureRandom SECRETS = new SecureRandom();

    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcApiClients(RegisteredClientRepository clients, JdbcClient jdbc, Departments departments, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.departments = departments;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void register(String clientId, String rawSecret, String name, DepartmentCode departmentCode, Set<String> scopes) {
        if (clientId == null || !clientId.matches("[a-z][a-z0-9-]{2,63}")) {
            throw ChengxinException.badRequest("CLIENT_INVALID_ID", "客户端标识应为3至64位小写字母、数字或连字符，以字母开头");
        }
        if (name == null || name.isBlank() || UnicodeText.longerThan(name, 200)) {
            throw ChengxinException.badRequest("CLIENT_INVALID_NAME", "客户端名称不能为空，且不超过200个字符");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw ChengxinException.badRequest("CLIENT_INVALID_SCOPE", "至少授予一个授权范围");
        }
        Optional<Department> department = departmentCode == null ? Optional.empty() : departments.find(departmentCode);
        if (department.isEmpty()) {
            throw ChengxinException.badRequest("DEPARTMENT_NOT_FOUND", "部门不存在：" + departmentCode);
        }
        if (!SCOPES.containsAll(scopes)) {
            throw ChengxinException.badRequest("CLIENT_INVALID_SCOPE", "不支持的授权范围：" + scopes);
        }
        if (!ApiClients.scopesFor(department.get().kind()).containsAll(scopes)) {
            throw ChengxinException.badRequest("CLIENT_SCOPE_NOT_FOR_KIND", department.get().kind() == DepartmentKind.EXTERNAL_PLATFORM
                    ? "外部信用平台的接入客户端只能授予信用信息交换和异地互查范围"
                    : "信用信息交换和异地互查范围只能授予外部信用平台的接入客户端");
        }
        if (exists(clientId)) {
            throw ChengxinException.conflict("CLIENT_EXISTS", "接入客户端已存在：" + clientId);
        }
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(passwords.encode(rawSecret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(TOKEN_LIFETIME).build())
                .build();
        clients.save(client);
        jdbc.sql("insert into organization_api_client (client_id, department_code) values (:id, :dept)")
                .param("id", clientId).param("dept", departmentCode.value()).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), Instant.now(clock), "organization.client-register", null,
                "接入管理", AuditOutcome.SUCCESS, "登记接入客户端 " + clientId + "（" + departmentName(departmentCode) + "），范围："
                        + new TreeSet<>(scopes).stream().map(s -> SCOPE_LABELS.getOrDefault(s, s)).collect(Collectors.joining("、"))));
    }

    @Override
    @Transactional
    public String registerWithNewSecret(String clientId, String name, DepartmentCode departmentCode, Set<String> scopes) {
        byte[] random = new byte[24];
        SECRETS.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        register(clientId, secret, name, departmentCode, scopes);
        return secret;
    }

    @Override
    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    @Override
    public Optional<String> nameOf(String clientId) {
        return jdbc.sql("select client_name from oauth2_registered_client where client_id = :c").param("c", clientId)
                .query(String.class).optional();
    }

    @Override
    public List<ApiClientInfo> all() {
        return jdbc.sql("""
                select c.client_id, c.client_name, c.scopes, c.client_id_issued_at, a.department_code
                from oauth2_registered_client c join organization_api_client a on a.client_id = c.client_id
                order by a.department_code, c.client_id""")
                .query((rs, n) -> new ApiClientInfo(rs.getString("client_id"), rs.getString("client_name"),
                        DepartmentCode.of(rs.getString("department_code")), new TreeSet<>(Set.of(rs.getString("scopes").split(","))),
                        rs.getTimestamp("client_id_issued_at").toInstant()))
                .list();
    }

    /** The department's name for an audit text (the code stays out of the words a person reads). */
    private String departmentName(DepartmentCode code) {
        return jdbc.sql("select name from organization_department where code = :code").param("code", code.value())
                .query(String.class).optional().orElse(code.value());
    }
}
