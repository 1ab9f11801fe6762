package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.chengxin.identity.Citizens;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A reviewer decides on the page: every record of the candidate is offered, and a form without records is refused. */
@ChengxinIntegrationTest
class ListsPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Test
    void theReviewerListsACandidateOnThePageOnAllItsRecords() throws Exception {
        Http http = new Http(port);
        String tax = http.token(fixtures.apiClientOf("swj", "records:write"), Fixtures.PASSWORD, "records:write");
        IdNumber person = fixtures.syntheticIdNumber();
        String subject = citizens.blindIndexOf(person);
        SeriousDishonestyListIntegrationTests.push(http, tax, person, "page-a-" + UUID.randomUUID());
        SeriousDishonestyListIntegrationTests.push(http, tax, person, "page-b-" + UUID.randomUUID());
        var ids = records.allFor(subject).stream().map(r -> r.id()).sorted().toList();
        assertThat(ids).hasSize(2);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var reviewer = authentication(TestPrincipal.of(Role.REVIEWER, "swj"));
        String page = mvc.perform(get("/lists").with(reviewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(person.masked()).doesNotContain(person.value());
        for (long id : ids) {
            assertThat(page).contains("name=\"recordIds\" value=\"" + id + "\" checked");
        }

        LocalDate today = LocalDate.now(clock);
        var refused = mvc.perform(post("/lists/entries").with(reviewer).with(csrf()).param("subjectIndex", subject)
                .param("documentNumber", "岳税认〔2026〕21号").param("legalBasis", "《中华人民共和国税收征收管理法》第六十三条")
                .param("criteria", "偷税").param("startDate", today.toString()).param("endDate", today.plusYears(1).toString()))
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).hasFieldOrPropertyWithValue("code", "LIST_WITHOUT_RECORDS");
        assertThat(list.activeFor(subject)).isEmpty();

        mvc.perform(post("/lists/entries").with(reviewer).with(csrf()).param("subjectIndex", subject)
                .param("recordIds", String.valueOf(ids.get(0))).param("recordIds", String.valueOf(ids.get(1)))
                .param("documentNumber", "岳税认〔2026〕22号").param("legalBasis", "《中华人民共和国税收征收管理法》第六十三条")
                .param("criteria", "偷税数额较大").param("startDate", today.toString()).param("endDate", today.plusYears(1).toString()));
        assertThat(list.activeFor(subject)).singleElement().satisfies(e -> {
            assertThat(e.documentNumber()).isEqualTo("岳税认〔2026〕22号");
            assertThat(e.recordIds()).containsExactlyInAnyOrderElementsOf(ids);
        });
        String after = mvc.perform(get("/lists").with(reviewer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("岳税认〔2026〕22号");
    }
}
