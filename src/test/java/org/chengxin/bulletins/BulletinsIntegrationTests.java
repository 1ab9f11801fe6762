package org.chengxin.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * 通知公告 and 政策法规 (issue 15): the administrator writes, previews (the text as text: markup is shown, never run),
 * saves a draft that the public cannot see, publishes, and withdraws at once; an ID number in the text is refused;
 * nobody else writes.
 */
@ChengxinIntegrationTest
class BulletinsIntegrationTests {

    private static final Pattern SAVED = Pattern.compile("saved=(\\d+)");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Bulletins bulletins;

    @Autowired
    AuditRecords audit;

    MockMvc mvc;
    Authentication admin;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        admin = TestPrincipal.of(Role.SYSTEM_ADMIN, null);
    }

    @Test
    void aDraftIsHiddenUntilPublishedMarkupIsShownAsTextAndWithdrawalTakesItOffAtOnce() throws Exception {
        String title = "关于信用修复服务的公告 " + UUID.randomUUID().toString().substring(0, 6);
        String body = "第一段：可以在网上申请信用修复。\n\n第二段 <script>alert('x')</script> 结束。";
        MockHttpServletResponse preview = mvc.perform(post("/admin/bulletins/preview").with(authentication(admin)).with(csrf())
                .param("kind", "NOTICE").param("title", title).param("body", body)).andReturn().getResponse();
        assertThat(preview.getStatus()).isEqualTo(200);
        String previewed = preview.getContentAsString(StandardCharsets.UTF_8);
        assertThat(previewed).contains("id=\"bulletin-article\"", "第一段：可以在网上申请信用修复。", "&lt;script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<html");
        assertThat(bulletins.all()).noneMatch(a -> a.title().equals(title));

        long id = saved(mvc.perform(post("/admin/bulletins").with(authentication(admin)).with(csrf()).param("kind", "NOTICE")
                .param("title", title).param("body", body).param("action", "draft")).andReturn().getResponse());
        assertThat(publicStatus("/public/bulletins/" + id)).as("a draft is not public").isEqualTo(404);
        assertThat(page("/public/notices")).doesNotContain(title);

        mvc.perform(post("/admin/bulletins").with(authentication(admin)).with(csrf()).param("id", String.valueOf(id)).param("kind", "NOTICE")
                .param("title", title).param("body", body).param("source", "岳阳市发展和改革委员会").param("action", "publish"));
        assertThat(page("/public/notices")).contains(title);
        String article = page("/public/bulletins/" + id);
        assertThat(article).contains(title, "来源：岳阳市发展和改革委员会", "第二段 &lt;script&gt;").doesNotContain("<script>alert");
        assertThat(page("/public/laws")).doesNotContain(title);

        MockHttpServletResponse withdrawn = mvc.perform(post("/admin/bulletins/" + id + "/withdrawal").with(authentication(admin)).with(csrf()))
                .andReturn().getResponse();
        assertThat(withdrawn.getRedirectedUrl()).isEqualTo("/admin/bulletins?withdrawn=" + id);
        assertThat(publicStatus("/public/bulletins/" + id)).isEqualTo(404);
        assertThat(page("/public/notices")).doesNotContain(title);
        assertThat(audit.count("action = 'bulletins.withdraw' and detail like ?", "%#" + id + "%")).isEqualTo(1);
        assertThat(audit.count("action = 'bulletins.save' and detail like ?", "%#" + id + "%")).isEqualTo(2);
    }

    @Test
    void badInputGetsAStableCodeAndOnlyTheAdministratorWrites() throws Exception {
        String id = fixtures.syntheticIdNumber().value();
        MockHttpServletResponse personal = mvc.perform(post("/admin/bulletins").with(authentication(admin)).with(csrf())
                .param("kind", "NOTICE").param("title", "失信名单").param("body", "当事人 " + id + " 被列入").param("action", "publish"))
                .andReturn().getResponse();
        assertThat(personal.getStatus()).isEqualTo(400);
        String answer = personal.getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("BULLETIN_PERSONAL_DATA").doesNotContain(id);
        MockHttpServletResponse empty = mvc.perform(post("/admin/bulletins").with(authentication(admin)).with(csrf()).param("kind", "LAW"))
                .andReturn().getResponse();
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("BULLETIN_TITLE_INVALID");
        assertThat(mvc.perform(post("/admin/bulletins").with(authentication(admin)).with(csrf()).param("kind", "LAW").param("title", "标题")
                .param("body", "x".repeat(20_001))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("BULLETIN_BODY_INVALID");
        assertThat(publicStatus("/public/bulletins/999999999")).isEqualTo(404);

        MockHttpServletResponse clerk = mvc.perform(post("/admin/bulletins").with(authentication(TestPrincipal.of(Role.CLERK,
                fixtures.department()))).with(csrf()).param("kind", "NOTICE").param("title", "t").param("body", "b")).andReturn().getResponse();
        assertThat(clerk.getStatus()).isEqualTo(403);
    }

    private long saved(MockHttpServletResponse response) {
        assertThat(response.getRedirectedUrl()).isNotNull();
        Matcher m = SAVED.matcher(response.getRedirectedUrl());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int publicStatus(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }
}
