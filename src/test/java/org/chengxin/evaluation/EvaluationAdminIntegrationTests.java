package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.chengxin.evaluation.domain.ObjectedRecords;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/** The administrator reads the model in force and starts a full recomputation that empties its queue. */
@ChengxinIntegrationTest
class EvaluationAdminIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Scores scores;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAdministratorPublishesANewVersionFromADateAndBadNumbersAreRefused() throws Exception {
        var mvc = ApiContract.mockMvc(context);
        var admin = authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw"));
        LocalDate today = LocalDate.now(clock);
        // far in the future, so the other tests, which move the clock by a few years at most, keep the default model
        LocalDate from = today.plusYears(40);
        String version = "test-" + System.nanoTime();

        assertThat(error(mvc.perform(model(version, from, "1000", "10").with(admin).with(csrf())).andReturn()))
                .as("a dishonesty record may not add points").isEqualTo("EVALUATION_MODEL_INVALID");
        assertThat(error(mvc.perform(model(version, today.minusDays(1), "1000", "-6").with(admin).with(csrf())).andReturn()))
                .isEqualTo("EVALUATION_MODEL_DATE_PAST");
        assertThat(error(mvc.perform(model("bad version!", from, "1000", "-6").with(admin).with(csrf())).andReturn()))
                .isEqualTo("EVALUATION_MODEL_VERSION_INVALID");
        assertThat(error(mvc.perform(model(version, from, "abc", "-6").with(admin).with(csrf())).andReturn()))
                .isEqualTo("EVALUATION_MODEL_INVALID");
        assertThat(error(mvc.perform(model("yueyang-1", from, "1000", "-6").with(admin).with(csrf())).andReturn()))
                .isEqualTo("EVALUATION_MODEL_VERSION_TAKEN");
        assertThat(scores.modelVersions()).noneMatch(v -> v.version().equals(version));

        assertThat(error(mvc.perform(model(version, from, "1000", "-6").param("objectedRecords", "SOMETIMES").with(admin).with(csrf()))
                .andReturn())).as("an unknown rule for records under objection").isEqualTo("EVALUATION_MODEL_INVALID");

        var published = mvc.perform(model(version, from, "1000", "-6").param("objectedRecords", "EXCLUDE").with(admin).with(csrf()))
                .andReturn();
        assertThat(published.getFlashMap().get("error")).isNull();
        assertThat(scores.model().version()).as("not before its date").isEqualTo("yueyang-1");
        assertThat(audit.count("action = 'evaluation.model-publish' and detail like ?", "%" + version + "%异议处理期间不计分"))
                .isEqualTo(1);
        String page = mvc.perform(get("/admin/evaluation").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(version).contains(from.toString());
        assertThat(page).as("the model in force keeps the default").contains("异议中的记录：<strong>照常计分，标注异议</strong>");

        clock.advance(Duration.between(today.atStartOfDay(), from.atStartOfDay()).plusHours(1));
        assertThat(scores.model().version()).isEqualTo(version);
        assertThat(scores.model().byKindAndSeverity()).containsEntry("DISHONESTY:MINOR", -6).containsEntry("DISHONESTY:SERIOUS", -150);
        assertThat(scores.model().bands().describe()).isNotEmpty();
        assertThat(scores.model().objectedRecords()).isEqualTo(ObjectedRecords.EXCLUDE);
        assertThat(mvc.perform(get("/admin/evaluation").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("异议中的记录：<strong>异议处理期间不计分</strong>");
    }

    private static MockHttpServletRequestBuilder model(String version, LocalDate from,
            String base, String minor) {
        return post("/admin/evaluation/model").param("version", version).param("effectiveFrom", from.toString()).param("basePoints", base)
                .param("p_GOOD_CREDIT", "30").param("p_DISHONESTY:MINOR", minor).param("p_DISHONESTY:GENERAL", "-30")
                .param("p_DISHONESTY:GRAVE", "-60").param("p_DISHONESTY:SERIOUS", "-150");
    }

    private static Object error(MvcResult result) {
        Object e = result.getFlashMap().get("error");
        return e == null ? null : ((ChengxinException) e).code();
    }

    @Test
    void theModelIsShownAndAFullRecomputationRunsWithItsProgress() throws Exception {
        var mvc = ApiContract.mockMvc(context);
        var admin = authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw"));

        String page = mvc.perform(get("/admin/evaluation").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("yueyang-1").contains("严重失信").contains("-150").contains("1030–1049");

        long audited = audit.count("action = 'evaluation.recompute-all' and outcome = 'SUCCESS'");
        var started = mvc.perform(post("/admin/evaluation/recomputation").with(admin).with(csrf())).andReturn();
        assertThat(started.getFlashMap().get("notice")).asString().contains("已开始全量重算");
        assertThat(audit.count("action = 'evaluation.recompute-all' and outcome = 'SUCCESS'")).isEqualTo(audited + 1);
        Recomputation done = awaitRecomputation();
        assertThat(done.failure()).isNull();
        assertThat(done.partsDone()).isEqualTo(done.partsTotal());
        assertThat(done.trigger()).contains("管理员");
        String progress = mvc.perform(get("/admin/evaluation/progress").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(progress).contains("最近一次全量重算").contains("<strong id=\"recompute-percent\">100%</strong>")
                .contains("<strong id=\"recompute-people\">" + done.people() + "</strong>");
    }

    private Recomputation awaitRecomputation() throws InterruptedException {
        for (int i = 0; i < 600 && scores.recomputation().running(); i++) {
            Thread.sleep(100);
        }
        assertThat(scores.recomputation().running()).as("the recomputation finished within a minute").isFalse();
        return scores.recomputation();
    }
}
