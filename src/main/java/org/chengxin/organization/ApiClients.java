package org.chengxin.organization;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import org.chengxin.shared.organization.DepartmentCode;

/** Department business systems, registered as OAuth2 clients (client credentials) for one department. */
public interface ApiClients {

    /** Scopes a department system may be granted. */
    Set<String> DEPARTMENT_SCOPES = Set.of("records:write", "measures:check", "reports:read", "identity:validate",
            "remedies:decide");

    /**
     * Scopes only a system of another credit platform ({@link DepartmentKind#EXTERNAL_PLATFORM}) may be granted, and it no
     * other: reading the city's change feed for the upstream platform, another city's mutual credit-status query, and
     * delivering the upstream platform's lists (national or provincial lists about the city's residents).
     */
    Set<String> EXTERNAL_SCOPES = Set.of("exchange:read", "mutual:query", "lists:import");

    /** Every scope there is. */
    Set<String> SCOPES = Set.of("records:write", "measures:check", "reports:read", "identity:validate",
            "remedies:decide", "exchange:read", "mutual:query", "lists:import");

    /** What each scope lets a department system do, in the words the pages and the API description use. */
    Map<String, String> SCOPE_LABELS = Map.of(
            "records:write", "报送信用记录",
            "measures:check", "联合奖惩核查",
            "reports:read", "查询信用状况与报告",
            "identity:validate", "核验身份证号码",
            "remedies:decide", "处理异议和信用修复申请",
            "exchange:read", "读取信用信息交换数据（上级平台）",
            "mutual:query", "异地信用状况互查（其他城市平台）",
            "lists:import", "送达上级名单（上级平台）");

    /** The scopes a system of an organization of this kind may be granted. */
    static Set<String> scopesFor(DepartmentKind kind) {
        return kind == DepartmentKind.EXTERNAL_PLATFORM ? EXTERNAL_SCOPES : DEPARTMENT_SCOPES;
    }

    void register(String clientId, String rawSecret, String name, DepartmentCode departmentCode, Set<String> scopes);

    /** Registers a client with a random secret, which is returned once and never stored in clear. */
    String registerWithNewSecret(String clientId, String name, DepartmentCode departmentCode, Set<String> scopes);

    boolean exists(String clientId);

    /** The registered name of the department system with this client id (the name the administrator gave it). */
    Optional<String> nameOf(String clientId);

    List<ApiClientInfo> all();
}
