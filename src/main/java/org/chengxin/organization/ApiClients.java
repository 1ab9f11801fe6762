package org.chengxin.organization;

import java.util.Set;

/** Department business systems, registered as OAuth2 clients (client credentials) for one department. */
public interface ApiClients {

    /** Scopes a department system may be granted. */
    Set<String> SCOPES = Set.of("records:write", "measures:check", "reports:read", "identity:validate");

    void register(String clientId, String rawSecret, String name, String departmentCode, Set<String> scopes);

    boolean exists(String clientId);
}
