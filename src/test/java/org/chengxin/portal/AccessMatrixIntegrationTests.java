package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.ServletException;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what. Every endpoint the application maps must appear in {@link #MATRIX}: a new
 * endpoint without an entry fails this test, so no endpoint can go live without a deliberate rule.
 * Each entry is then tried by every kind of caller.
 */
@ChengxinIntegrationTest
class AccessMatrixIntegrationTests {

    private static final Set<String> ALL_PEOPLE = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DATA_OFFICER",
            "REVIEWER", "CLERK", "AUDITOR", "LEADER", "CITIZEN");
    private static final Set<String> SCOPES = Set.of("records:write", "measures:check", "reports:read", "identity:validate",
            "remedies:decide", "mutual:query", "exchange:read", "lists:import");

    /**
     * Endpoint ("METHOD /path") to the callers allowed: "anonymous", role names ("people" for every role), or "scope:..." for
     * API clients ("scopes" for a token of any scope).
     */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        allow("GET /", "anonymous", "people");
        allow("GET /login", "anonymous", "people");
        allow("GET /error", "anonymous", "people");
        allow("GET /error/problem", "anonymous", "people");
        allow("GET /home", "people");
        allow("GET /home/overview/charts", "SYSTEM_ADMIN");
        allow("GET /account/password", "people");
        allow("POST /account/password", "people");
        allow("GET /activate", "anonymous", "people");
        allow("POST /activate", "anonymous", "people");
        allow("GET /enrol", "anonymous", "people");
        allow("GET /public/figures", "anonymous", "people");
        allow("GET /public/notices", "anonymous", "people");
        allow("GET /public/honesty-models", "anonymous", "people");
        allow("GET /my/honesty-model", "CITIZEN");
        allow("POST /my/honesty-model/consent", "CITIZEN");
        allow("POST /my/honesty-model/withdrawal", "CITIZEN");
        allow("GET /public/laws", "anonymous", "people");
        allow("GET /public/bulletins/{id}", "anonymous", "people");
        allow("GET /admin/bulletins", "SYSTEM_ADMIN");
        allow("POST /admin/bulletins", "SYSTEM_ADMIN");
        allow("POST /admin/bulletins/preview", "SYSTEM_ADMIN");
        allow("POST /admin/bulletins/{id}/withdrawal", "SYSTEM_ADMIN");
        allow("GET /admin/calendar", "SYSTEM_ADMIN");
        allow("POST /admin/calendar/days", "SYSTEM_ADMIN");
        allow("POST /admin/calendar/days/{date}/removal", "SYSTEM_ADMIN");
        allow("POST /admin/calendar/year", "SYSTEM_ADMIN");
        allow("GET /api/v1/calendar/{year}", "anonymous", "scopes");
        allow("POST /enrol", "anonymous", "people");
        allow("GET /window/accounts", "CLERK");
        allow("POST /window/accounts/person", "CLERK");
        allow("POST /window/accounts/code", "CLERK");
        allow("GET /my/account", "CITIZEN");
        allow("POST /my/account/closure", "CITIZEN");
        allow("GET /admin/departments", "SYSTEM_ADMIN");
        allow("POST /admin/departments", "SYSTEM_ADMIN");
        // 三员分立 (docs/architecture.md, "Separated administrators"): the security administrator keeps the staff accounts
        allow("GET /admin/staff", "SECURITY_ADMIN");
        allow("POST /admin/staff", "SECURITY_ADMIN");
        allow("POST /admin/staff/{id}/unlock", "SECURITY_ADMIN");
        allow("GET /admin/second-factor-resets", "SECURITY_ADMIN");
        allow("POST /admin/second-factor-resets", "SECURITY_ADMIN");
        allow("POST /admin/second-factor-resets/{id}/approval", "SECURITY_ADMIN");
        // between the password and the second factor only (SecondFactorPending): nobody fully logged in, nobody anonymous
        allow("GET /login/second-factor");
        allow("POST /login/second-factor");
        allow("GET /login/second-factor/enrolment");
        allow("POST /login/second-factor/enrolment");
        allow("GET /admin/clients", "SYSTEM_ADMIN");
        allow("POST /admin/clients", "SYSTEM_ADMIN");
        allow("GET /admin/population", "SYSTEM_ADMIN");
        allow("POST /admin/population", "SYSTEM_ADMIN");
        allow("GET /admin/inbound-lists", "SYSTEM_ADMIN");
        allow("POST /admin/inbound-lists", "SYSTEM_ADMIN");
        allow("GET /admin/inbound-lists/{platform}/batches/{id}/rejections.csv", "SYSTEM_ADMIN");
        // the audit trail: the security audit administrator (read, verify) and the auditor, neither other administrator
        allow("GET /audit", "AUDITOR", "AUDIT_ADMIN");
        allow("GET /audit/export.xlsx", "AUDITOR", "AUDIT_ADMIN");
        allow("POST /audit/verification", "AUDITOR", "AUDIT_ADMIN");
        allow("POST /api/v1/identity/validations", "scope:identity:validate", "scope:records:write");
        allow("GET /api/v1/catalog", "anonymous", "scopes");
        allow("GET /public/double-publicity", "anonymous", "people");
        allow("GET /public/serious-dishonesty", "anonymous", "people");
        for (String open : List.of("/api/v1/public/double-publicity", "/api/v1/public/double-publicity.csv",
                "/api/v1/public/serious-dishonesty", "/api/v1/public/serious-dishonesty.csv", "/api/v1/public/honesty-models",
                "/api/v1/public/honesty-models.csv")) {
            allow("GET " + open, "anonymous", "scopes");
        }
        allow("GET /catalog", "anonymous", "people");
        allow("GET /api/v1/public/figures", "anonymous", "scopes");
        allow("GET /catalog/items/{code}", "anonymous", "people");
        allow("GET /catalog/items/{code}/template.csv", "anonymous", "people");
        allow("GET /catalog/items/{code}/template.xlsx", "anonymous", "people");
        allow("GET /admin/catalog", "SYSTEM_ADMIN");
        allow("POST /admin/catalog", "SYSTEM_ADMIN");
        allow("POST /api/v1/record-batches", "scope:records:write");
        allow("GET /api/v1/record-batches/{id}", "scope:records:write");
        allow("GET /api/v1/record-batches/{id}/rejections.csv", "scope:records:write");
        allow("GET /api/v1/record-batches/{id}/rejections.xlsx", "scope:records:write");
        allow("POST /api/v1/inbound-lists", "scope:lists:import");
        allow("GET /api/v1/inbound-lists/{id}", "scope:lists:import");
        allow("GET /api/v1/inbound-lists/{id}/rejections.csv", "scope:lists:import");
        allow("POST /api/v1/records/{id}/revocation", "scope:records:write");
        allow("POST /api/v1/records/revocation", "scope:records:write");
        allow("GET /ingestion", "DATA_OFFICER");
        allow("POST /ingestion", "DATA_OFFICER");
        allow("GET /ingestion/batches", "DATA_OFFICER");
        allow("GET /ingestion/export.xlsx", "DATA_OFFICER");
        allow("GET /ingestion/entry", "DATA_OFFICER");
        allow("POST /ingestion/entry", "DATA_OFFICER");
        allow("GET /ingestion/batches/{id}", "DATA_OFFICER");
        allow("GET /ingestion/batches/{id}/progress", "DATA_OFFICER");
        allow("GET /ingestion/batches/{id}/rejections.csv", "DATA_OFFICER");
        allow("GET /ingestion/batches/{id}/rejections.xlsx", "DATA_OFFICER");
        allow("GET /ingestion/batches/{id}/rejections/export.xlsx", "DATA_OFFICER");
        allow("GET /admin/figures", "SYSTEM_ADMIN");
        allow("GET /assessment", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /assessment/charts", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /assessment/departments/{code}", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /assessment/departments/{code}/charts", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /assessment/counties/{code}", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /assessment/counties/{code}/charts", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /assessment/export.xlsx", "LEADER", "SYSTEM_ADMIN", "AUDITOR");
        allow("GET /my/credit", "CITIZEN");
        allow("GET /my/report", "CITIZEN");
        allow("POST /my/report", "CITIZEN");
        allow("GET /my/statements", "CITIZEN");
        allow("GET /my/statements/records/{recordId}", "CITIZEN");
        allow("POST /my/statements", "CITIZEN");
        allow("POST /my/statements/{id}/withdrawal", "CITIZEN");
        allow("GET /my/inbox", "CITIZEN");
        allow("GET /my/notification-settings", "CITIZEN");
        allow("POST /my/notification-settings", "CITIZEN");
        allow("GET /statements/review", "SYSTEM_ADMIN");
        allow("POST /statements/review/{id}/publication", "SYSTEM_ADMIN");
        allow("POST /statements/review/{id}/rejection", "SYSTEM_ADMIN");
        allow("GET /my/authorizations", "CITIZEN");
        allow("POST /my/authorizations", "CITIZEN");
        allow("POST /my/authorizations/{id}/withdrawal", "CITIZEN");
        allow("GET /my/queries", "CITIZEN");
        allow("GET /inquiry", "CLERK");
        allow("POST /inquiry/person", "CLERK");
        allow("POST /inquiry/paper", "CLERK");
        allow("POST /inquiry/report", "CLERK");
        allow("GET /audit/queries", "AUDITOR");
        allow("POST /audit/queries/filter", "AUDITOR");
        allow("GET /audit/queries/export.xlsx", "AUDITOR");
        allow("GET /reports/issued", "CLERK", "AUDITOR");
        allow("POST /reports/issued/filter", "CLERK", "AUDITOR");
        allow("GET /reports/issued/export.xlsx", "CLERK", "AUDITOR");
        allow("GET /lists", "REVIEWER");
        allow("GET /lists/candidates/{key}", "REVIEWER");
        allow("POST /lists/filter", "REVIEWER");
        allow("GET /lists/candidates/export.xlsx", "REVIEWER");
        allow("GET /lists/entries/export.xlsx", "REVIEWER");
        allow("GET /lists/notices/export.xlsx", "REVIEWER");
        allow("GET /lists/good-credit", "REVIEWER");
        allow("POST /lists/good-credit/filter", "REVIEWER");
        allow("GET /lists/good-credit/export.xlsx", "REVIEWER");
        allow("POST /api/v1/credit-status", "scope:reports:read");
        allow("POST /api/v1/mutual/credit-status", "scope:mutual:query");
        allow("GET /api/v1/exchange/changes", "scope:exchange:read");
        // firms and their responsible persons (issue 18 item 3)
        allow("GET /api/v1/firms/{uscc}/records", "scope:records:write", "scope:measures:check");
        allow("POST /api/v1/firm-records/revocation", "scope:records:write");
        allow("GET /firms", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "SYSTEM_ADMIN");
        allow("GET /firms/{uscc}", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "SYSTEM_ADMIN");
        allow("GET /admin/exchange", "SYSTEM_ADMIN");
        allow("POST /admin/exchange/export", "SYSTEM_ADMIN");
        allow("POST /admin/exchange/baseline", "SYSTEM_ADMIN");
        allow("POST /admin/exchange/deliveries/{id}/resend", "SYSTEM_ADMIN");
        allow("POST /api/v1/reports", "scope:reports:read");
        allow("POST /api/v1/reports/pdf", "scope:reports:read");
        allow("GET /my/report/{number}.pdf", "CITIZEN");
        allow("GET /inquiry/report/{number}.pdf", "CLERK");
        allow("GET /my/objections", "CITIZEN");
        allow("POST /my/objections", "CITIZEN");
        allow("POST /my/objections/{id}/withdrawal", "CITIZEN");
        allow("GET /my/objections/attachments/{id}", "CITIZEN");
        allow("GET /my/repairs", "CITIZEN");
        allow("POST /my/repairs", "CITIZEN");
        allow("POST /my/repairs/{id}/withdrawal", "CITIZEN");
        allow("GET /my/repairs/attachments/{id}", "CITIZEN");
        allow("GET /my/repairs/commitment.pdf", "CITIZEN");
        allow("GET /window/remedies", "CLERK");
        allow("POST /window/remedies/person", "CLERK");
        allow("POST /window/remedies/objection", "CLERK");
        allow("POST /window/remedies/repair", "CLERK");
        allow("POST /window/remedies/commitment.pdf", "CLERK");
        allow("GET /my/complaints", "CITIZEN");
        allow("POST /my/complaints", "CITIZEN");
        allow("GET /window/complaints", "CLERK");
        allow("POST /window/complaints/person", "CLERK");
        allow("POST /window/complaints/complaint", "CLERK");
        allow("GET /admin/complaints", "SYSTEM_ADMIN");
        allow("POST /admin/complaints/{id}/acknowledgement", "SYSTEM_ADMIN");
        allow("POST /admin/complaints/{id}/assignment", "SYSTEM_ADMIN");
        allow("POST /admin/complaints/{id}/reply", "SYSTEM_ADMIN");
        allow("POST /admin/complaints/{id}/finding-referral", "SYSTEM_ADMIN");
        allow("POST /admin/complaints/{id}/reply-with-finding", "SYSTEM_ADMIN");
        allow("GET /review/complaints", "REVIEWER");
        allow("POST /review/complaints/{id}/acknowledgement", "REVIEWER");
        allow("POST /review/complaints/{id}/reply", "REVIEWER");
        allow("GET /audit/flags", "AUDITOR");
        allow("GET /audit/flags/export.xlsx", "AUDITOR");
        allow("POST /audit/flags/scan", "AUDITOR");
        allow("POST /audit/flags/{id}/close", "AUDITOR");
        allow("POST /api/v1/measure-checks", "scope:measures:check");
        allow("GET /api/v1/measure-checks/{id}", "scope:measures:check");
        allow("POST /api/v1/measure-checks/{id}/feedback", "scope:measures:check");
        allow("GET /api/v1/measure-checks/overdue", "scope:measures:check");
        allow("GET /api/v1/whoami", "scopes");
        allow("GET /api/v1/measures", "anonymous", "scopes");
        allow("GET /measures", "anonymous", "people");
        allow("GET /checks", "CLERK");
        allow("POST /checks", "CLERK");
        allow("GET /checks/{id}", "CLERK");
        allow("POST /checks/{id}/feedback", "CLERK");
        allow("POST /checks/filter", "CLERK");
        allow("GET /checks/export.xlsx", "CLERK");
        allow("GET /admin/measures", "SYSTEM_ADMIN");
        allow("POST /admin/measures", "SYSTEM_ADMIN");
        allow("POST /admin/measures/{code}/removal", "SYSTEM_ADMIN");
        allow("POST /admin/measures/objected-records", "SYSTEM_ADMIN");
        allow("GET /admin/measures/figures", "SYSTEM_ADMIN");
        allow("POST /lists/notices", "REVIEWER");
        allow("POST /lists/notices/confirmation", "REVIEWER");
        allow("POST /lists/entries/{id}/decision", "REVIEWER");
        allow("POST /lists/entries/{id}/drop", "REVIEWER");
        allow("GET /my/list-notices", "CITIZEN");
        allow("POST /my/list-notices/{id}/statement", "CITIZEN");
        allow("POST /lists/entries/{id}/removal", "REVIEWER");
        allow("GET /admin/evaluation", "SYSTEM_ADMIN");
        allow("GET /admin/agency-blacklist", "SYSTEM_ADMIN");
        allow("POST /admin/agency-blacklist", "SYSTEM_ADMIN");
        allow("POST /admin/agency-blacklist/{id}/end", "SYSTEM_ADMIN");
        allow("GET /admin/evaluation/progress", "SYSTEM_ADMIN");
        allow("POST /admin/evaluation/recomputation", "SYSTEM_ADMIN");
        allow("POST /admin/evaluation/model", "SYSTEM_ADMIN");
        allow("GET /records", "DATA_OFFICER", "REVIEWER");
        allow("POST /records/filter", "DATA_OFFICER", "REVIEWER");
        allow("GET /records/export.xlsx", "DATA_OFFICER", "REVIEWER");
        allow("GET /records/{id}", "DATA_OFFICER");
        allow("POST /records/{id}/revocation", "DATA_OFFICER");
        // key-group and student archives: the reviewer of a department holding the archive (403 for another department's)
        allow("GET /archives", "REVIEWER");
        allow("GET /archives/groups/{code}", "REVIEWER");
        allow("POST /archives/groups/{code}/filter", "REVIEWER");
        allow("POST /archives/groups/{code}/archive", "REVIEWER");
        allow("GET /v3/api-docs", "anonymous", "people");
        allow("GET /v3/api-docs.yaml", "anonymous", "people");
        allow("GET /v3/api-docs/swagger-config", "anonymous", "people");
        allow("GET /swagger-ui.html", "anonymous", "people");
        allow("GET /actuator/health", "anonymous", "people");
        allow("GET /actuator/health/**", "anonymous", "people");
        allow("GET /actuator/auditchain", "AUDIT_ADMIN", "AUDITOR");
        allow("GET /actuator/auditchain/{file}", "AUDIT_ADMIN", "AUDITOR");
        // the metrics account alone (HTTP Basic, MetricsEndpointIntegrationTests), no person's session
        allow("GET /actuator/prometheus");
        allow("GET /actuator");
        allow("GET /verify", "anonymous", "people");
        allow("POST /verify", "anonymous", "people");
        allow("GET /remedies/screening", "SYSTEM_ADMIN");
        allow("GET /admin/remedies-figures", "SYSTEM_ADMIN");
        allow("POST /remedies/screening/{id}/acceptance", "SYSTEM_ADMIN");
        allow("POST /remedies/screening/{id}/dismissal", "SYSTEM_ADMIN");
        allow("GET /remedies/attachments/{id}", "SYSTEM_ADMIN");
        allow("GET /review/cases", "REVIEWER");
        allow("POST /review/cases/filter", "REVIEWER");
        allow("GET /review/cases/export.xlsx", "REVIEWER");
        allow("GET /review/attachments/{id}", "REVIEWER");
        allow("GET /review/objections/{id}", "REVIEWER");
        allow("POST /review/objections/{id}/decision", "REVIEWER");
        allow("GET /review/repairs/{id}", "REVIEWER");
        allow("POST /review/repairs/{id}/decision", "REVIEWER");
        allow("GET /api/v1/objections", "scope:remedies:decide");
        allow("GET /api/v1/objections/{id}", "scope:remedies:decide");
        allow("GET /api/v1/objections/{id}/attachments/{attachmentId}", "scope:remedies:decide");
        allow("POST /api/v1/objections/{id}/decision", "scope:remedies:decide");
        allow("GET /api/v1/repairs", "scope:remedies:decide");
        allow("GET /api/v1/repairs/{id}", "scope:remedies:decide");
        allow("GET /api/v1/repairs/{id}/attachments/{attachmentId}", "scope:remedies:decide");
        allow("POST /api/v1/repairs/{id}/decision", "scope:remedies:decide");
    }

    private static void allow(String endpoint, String... callers) {
        Set<String> allowed = new TreeSet<>();
        for (String caller : callers) {
            if (caller.equals("people")) {
                allowed.addAll(ALL_PEOPLE);
            } else if (caller.equals("scopes")) {
                SCOPES.forEach(scope -> allowed.add("scope:" + scope));
            } else {
                allowed.add(caller);
            }
        }
        MATRIX.put(endpoint, allowed);
    }

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @Test
    void everyMappedEndpointHasARuleInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                            ? Set.of("GET") : new TreeSet<>(info.getMethodsCondition().getMethods().stream().map(Enum::name).toList());
                    info.getPatternValues().forEach(pattern -> methods.forEach(m -> mapped.add(m + " " + pattern)));
                }));
        assertThat(mapped).as("endpoints mapped by the application; add each new one to MATRIX with its rule")
                .isSubsetOf(MATRIX.keySet());
    }

    /**
     * 三员分立: beyond what every person may open (the workbench, the own password, the public pages), no endpoint is open to
     * two of the three administrators, and the audit administrator changes nothing but runs the chain's verification.
     */
    @Test
    void theThreeAdministratorsShareNoPowerAndTheAuditAdministratorOnlyReads() {
        List<String> shared = new ArrayList<>();
        List<String> auditWrites = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : MATRIX.entrySet()) {
            Set<String> allowed = entry.getValue();
            if (allowed.containsAll(ALL_PEOPLE)) {
                continue;
            }
            long administrators = Set.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN").stream().filter(allowed::contains).count();
            if (administrators > 1) {
                shared.add(entry.getKey() + " " + allowed);
            }
            if (allowed.contains("AUDIT_ADMIN") && !entry.getKey().startsWith("GET ")) {
                auditWrites.add(entry.getKey());
            }
        }
        assertThat(shared).isEmpty();
        assertThat(auditWrites).containsExactly("POST /audit/verification");
        assertThat(MATRIX.entrySet().stream().filter(e -> !e.getValue().containsAll(ALL_PEOPLE))
                .filter(e -> e.getValue().contains("SECURITY_ADMIN")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("GET /admin/staff", "POST /admin/staff", "POST /admin/staff/{id}/unlock",
                        "GET /admin/second-factor-resets", "POST /admin/second-factor-resets",
                        "POST /admin/second-factor-resets/{id}/approval");
    }

    @Test
    void eachCallerGetsExactlyWhatTheMatrixAllows() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : MATRIX.entrySet()) {
            String[] parts = entry.getKey().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = parts[1].replace("/**", "/liveness").replaceAll("\\{[a-zA-Z]+}", "1");
            boolean api = path.startsWith("/api/");
            for (String caller : callers(api)) {
                boolean allowed = entry.getValue().contains(caller);
                String status = call(method, path, caller);
                boolean refused = status.startsWith("401") || status.startsWith("403") || status.endsWith("/login");
                if (allowed == refused) {
                    wrong.add(entry.getKey() + " as " + caller + " -> " + status + (allowed ? " (should be allowed)" : " (should be refused)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<String> callers(boolean api) {
        List<String> callers = new ArrayList<>(List.of("anonymous"));
        if (api) {
            SCOPES.forEach(s -> callers.add("scope:" + s));
        } else {
            callers.addAll(ALL_PEOPLE);
        }
        return callers;
    }

    /** The status, and for a redirect where it points. */
    private String call(HttpMethod method, String path, String caller) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path).with(csrf());
        RequestPostProcessor who = who(caller);
        if (who != null) {
            request.with(who);
        }
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            return response.getStatus() + (response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl());
        } catch (ServletException e) {
            // past security, the handler failed on the empty request (in a server: the error page)
            return "500";
        }
    }

    private static RequestPostProcessor who(String caller) {
        if (caller.equals("anonymous")) {
            return null;
        }
        if (caller.startsWith("scope:")) {
            String scope = caller.substring("scope:".length());
            return jwt().jwt(j -> j.subject("matrix-client").claim("department", "scjg"))
                    .authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
        }
        Role role = Role.valueOf(caller);
        return authentication(TestPrincipal.of(role, role == Role.CITIZEN ? null : "scjg"));
    }
}
