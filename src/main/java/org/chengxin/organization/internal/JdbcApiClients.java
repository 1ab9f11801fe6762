package org.chengxin.organization.internal;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.chengxin.organization.ApiClients;
import org.chengxin.organization.Departments;
import org.chengxin.shared.error.ChengxinException;
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
    private final PasswordEncoder passwords;

    JdbcApiClients(RegisteredClientRepository clients, JdbcClient jdbc, Departments departments, PasswordEncoder passwords) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.departments = departments;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void register(String clientId, String rawSecret, String name, String departmentCode, Set<String> scopes) {
        if (departments.find(departmentCode).isEmpty()) {
            throw ChengxinException.badRequest("DEPARTMENT_NOT_FOUND", "部门不存在：" + departmentCode);
        }
        if (!SCOPES.containsAll(scopes)) {
            throw ChengxinException.badRequest("CLIENT_INVALID_SCOPE", "不支持的授权范围：" + scopes);
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
                .param("id", clientId).param("dept", departmentCode).update();
    }

    @Override
    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }
}
