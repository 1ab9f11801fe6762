package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.organization.UnifiedSocialCreditCode;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** The administrator lists a credit agency or its staff; the agency is blacklisted inside the period only. */
@ChengxinIntegrationTest
class AgencyBlacklistIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger(500);

    @Autowired
    WebApplicationContext context;

    @Autowired
    AgencyBlacklist blacklist;

    @Autowired
    Departments departments;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditRecords audit;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAgencyIsBlacklistedDuringItsPeriodAndUntilItIsRemoved() throws Exception {
        String agency = agency();
        LocalDate today = LocalDate.now(clock);
        MockMvc mvc = ApiContract.mockMvc(context);
        var admin = authentication(TestPrincipal.of(Role.SYSTEM_ADMIN, "fgw"));

        mvc.perform(post("/admin/agency-blacklist").with(admin).with(csrf()).param("agencyCode", agency).param("staffName", "")
                .param("violation", "违规采集个人信用信息").param("documentNumber", "岳发改信〔2026〕7号")
                .param("legalBasis", "《征信业管理条例》第三十八条").param("startDate", today.toString())
                .param("endDate", today.plusYears(3).toString()));
        assertThat(blacklist.isBlacklisted(agency)).isTrue();
        assertThat(audit.count("action = 'lists.agency-add' and detail like ?", "%岳发改信〔2026〕7号%")).isEqualTo(1);
        String page = mvc.perform(get("/admin/agency-blacklist").with(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("违规采集个人信用信息").contains("（机构本身）").contains("有效");

        clock.advance(Duration.ofDays(365 * 3 + 2));
        assertThat(blacklist.isBlacklisted(agency)).as("not after its end date").isFalse();
        clock.reset();

        long id = blacklist.all().stream().filter(l -> l.agencyCode().equals(agency)).findFirst().orElseThrow().id();
        var refused = mvc.perform(post("/admin/agency-blacklist/" + id + "/end").with(admin).with(csrf()).param("reason", " ")).andReturn();
        assertThat(refused.getFlashMap().get("error")).hasFieldOrPropertyWithValue("code", "LIST_REMOVAL_REASON_REQUIRED");
        assertThat(blacklist.isBlacklisted(agency)).isTrue();
        assertThat(blacklist.end(id, "行政复议撤销原决定").endReason()).isEqualTo("行政复议撤销原决定");
        assertThat(blacklist.isBlacklisted(agency)).isFalse();
        assertThatThrownBy(() -> blacklist.end(id, "再次")).isInstanceOf(ChengxinException.class).extracting("code")
                .isEqualTo("LIST_ENTRY_ENDED");
    }

    @Test
    void aListedStaffMemberDoesNotBlacklistTheAgencyAndOnlyCreditAgenciesCanBeListed() {
        String agency = agency();
        LocalDate today = LocalDate.now(clock);
        AgencyListing staff = blacklist.add(new AgencyListing.Request(agency, "示例员工", "泄露个人信用信息", "岳发改信〔2026〕8号",
                "《征信业管理条例》第四十条", today, today.plusYears(1)));
        assertThat(staff.staffName()).isEqualTo("示例员工");
        assertThat(blacklist.isBlacklisted(agency)).isFalse();

        assertRefused(new AgencyListing.Request(fixtures.department(), null, "违规", "文", "法", today, today.plusYears(1)),
                "AGENCY_NOT_CREDIT_AGENCY");
        assertRefused(new AgencyListing.Request("no-such-agency", null, "违规", "文", "法", today, today.plusYears(1)), "AGENCY_UNKNOWN");
        for (String malformed : new String[] {"ZXJG", "岳阳示例征信", "z"}) {
            assertRefused(new AgencyListing.Request(malformed, null, "违规", "文", "法", today, today.plusYears(1)), "AGENCY_UNKNOWN");
        }
        assertRefused(new AgencyListing.Request(agency, null, "违规", " ", "法", today, today.plusYears(1)), "AGENCY_LISTING_INCOMPLETE");
        assertRefused(new AgencyListing.Request(agency, null, "违规", "文", "法", today, today.minusDays(1)), "LIST_PERIOD_INVALID");
    }

    private void assertRefused(AgencyListing.Request request, String code) {
        assertThatThrownBy(() -> blacklist.add(request)).isInstanceOf(ChengxinException.class).extracting("code").isEqualTo(code);
    }

    private String agency() {
        int n = SEQ.incrementAndGet() + (int) (System.nanoTime() % 100000);
        String code = "agency-" + n;
        String body = "91430600" + String.format("A%08d", Math.abs(n));
        departments.register(code, "示例征信机构" + n, DepartmentKind.CREDIT_AGENCY, body + UnifiedSocialCreditCode.checkCharacter(body), "430600");
        return code;
    }
}
