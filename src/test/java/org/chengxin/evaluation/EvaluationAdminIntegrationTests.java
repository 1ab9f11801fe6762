package org.chengxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.chengxin.shared.security.Role;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
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

    @Test
    void theModelIsShownAndAFullRecomputationIsQueuedAndDrained() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var admin = authentication(TestPrincipal.of(Role.ADMIN, "fgw"));

        String page = mvc.perform(get("/admin/evaluation").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("yueyang-1").contains("严重失信").contains("-150").contains("1030–1049");

        mvc.perform(post("/admin/evaluation/recomputation").with(admin).with(csrf()));
        assertThat(audit.count("action = 'evaluation.recompute-all'")).isEqualTo(1);
        while (scores.recomputePending(1000) > 0) {
            // drain what the full recomputation queued
        }
        assertThat(scores.pending()).isZero();
        assertThat(mvc.perform(get("/admin/evaluation/progress").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("<strong id=\"pending\">0</strong>");
    }
}
