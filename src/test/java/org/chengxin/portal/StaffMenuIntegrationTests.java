package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.portal.StaffMenu.Entry;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestTotp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Each staff role logs in through the login form and opens every page of its menu: each answers 200 in
 * the staff layout, with that entry marked current, the person's name and the department's name. The menu
 * and the access rules are held together: what the role may open is in its menu, and nothing else is.
 */
@ChengxinIntegrationTest
class StaffMenuIntegrationTests {

    private static final Pattern MENU = Pattern.compile("<nav class=\"staff-menu\".*?</nav>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "LEADER"})
    void everyMenuEntryOpensInTheStaffLayoutMarkedCurrent(Role role) throws Exception {
        MockHttpSession session = logIn(fixtures.staff(role));
        List<String> wrong = new ArrayList<>();

        for (Entry entry : StaffMenu.entries(role)) {
            MockHttpServletResponse page = mvc.perform(get(entry.path()).session(session)).andReturn().getResponse();
            String html = page.getContentAsString();
            if (page.getStatus() != 200) {
                wrong.add(entry.path() + " -> " + page.getStatus());
                continue;
            }
            if (!menuLinks(html).equals(StaffMenu.entries(role).stream().map(Entry::path).toList())) {
                wrong.add(entry.path() + " shows another menu: " + menuLinks(html));
            }
            if (!linkTag(html, entry.id()).contains("aria-current=\"page\"")) {
                wrong.add(entry.path() + " does not mark its entry current");
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void theHeaderNamesThePersonAndTheDepartmentNotTheirCodes() throws Exception {
        String username = fixtures.staff(Role.DATA_OFFICER);
        String html = mvc.perform(get("/ingestion").session(logIn(username))).andReturn().getResponse().getContentAsString();

        assertThat(text(html, "staff-person")).isEqualTo("测试" + Role.DATA_OFFICER.label());
        assertThat(text(html, "staff-department")).startsWith("测试部门").doesNotContain("dept-");
        assertThat(text(html, "staff-role")).isEqualTo("部门报送员");
        assertThat(html).contains("id=\"staff-logo\"").doesNotContain(">" + username + "<");
        assertThat(html).contains("id=\"breadcrumbs\"").contains("信用信息归集");
    }

    @Test
    void aCitizenKeepsThePublicHeader() throws Exception {
        String html = mvc.perform(get("/home").session(logIn(fixtures.citizenWithAccount().value()))).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).doesNotContain("staff-menu").contains("id=\"nav-double-publicity\"");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "DATA_OFFICER", "REVIEWER", "CLERK", "AUDITOR", "LEADER"})
    void theMenuListsExactlyThePagesTheAccessRulesOpenToTheRoleAlone(Role role) {
        Set<String> pages = new TreeSet<>();
        for (Map.Entry<String, Set<String>> rule : AccessMatrixIntegrationTests.MATRIX.entrySet()) {
            String path = rule.getKey().substring("GET ".length());
            boolean openToEveryone = rule.getValue().contains("CITIZEN");
            if (rule.getKey().startsWith("GET ") && isPage(path) && rule.getValue().contains(role.name()) && !openToEveryone) {
                pages.add(path);
            }
        }
        Set<String> menu = new TreeSet<>(StaffMenu.entries(role).stream().map(Entry::path).toList());
        menu.remove(StaffMenu.WORKBENCH.path());

        assertThat(menu).isEqualTo(pages);
    }

    /** A page a person opens by itself: no path variable, no download, no fragment polled by another page, no chart options fetched by one. */
    private static boolean isPage(String path) {
        return !path.contains("{") && !path.matches(".*\\.(csv|xlsx|pdf)$") && !path.endsWith("/progress") && !path.endsWith("/charts")
                && !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.equals("/ingestion/batches");
    }

    private MockHttpSession logIn(String account) throws Exception {
        var result = mvc.perform(formLogin("/login").userParameter("account").passwordParam("password")
                .user(account).password(Fixtures.PASSWORD)).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        if (result.getResponse().getRedirectedUrl().endsWith("/login/second-factor")) {
            // the fixtures enrol the roles that need a second factor with TestTotp.SECRET
            result = mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", TestTotp.nextCode(clock)))
                    .andReturn();
            session = (MockHttpSession) result.getRequest().getSession(false);
        }
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/home");
        return session;
    }

    private static List<String> menuLinks(String html) {
        Matcher menu = MENU.matcher(html);
        List<String> links = new ArrayList<>();
        if (menu.find()) {
            Matcher href = HREF.matcher(menu.group());
            while (href.find()) {
                links.add(href.group(1));
            }
        }
        return links;
    }

    private static String linkTag(String html, String id) {
        Matcher tag = Pattern.compile("<a [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        return tag.find() ? tag.group() : "";
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1).trim() : "";
    }
}
