package org.chengxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.support.ApiContract;
import org.chengxin.support.AuditRecords;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The working-day calendar (issue 16): seeded with the 2026 notice and the statutory days of 2027, kept by the administrator
 * on /admin/calendar, audited, refused in Chinese with a code, counted on by the platform's calendar as soon as it is saved.
 * The tests write into 2031, a year nothing else uses, and remove it afterwards.
 */
@ChengxinIntegrationTest
class CalendarIntegrationTests {

    private static final int YEAR = 2031;

    @Autowired
    WebApplicationContext context;

    @Autowired
    CalendarYears years;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    AuditRecords audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Fixtures fixtures;

    MockMvc mvc;
    Authentication admin;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
        admin = TestPrincipal.of(Role.SYSTEM_ADMIN, null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        for (CalendarYears.Day d : years.year(YEAR).days()) {
            mvc.perform(post("/admin/calendar/days/" + d.date() + "/removal").with(authentication(admin)).with(csrf()));
        }
        jdbc.sql("delete from calendar_year where year = :y").param("y", YEAR).update();
    }

    @Test
    void theYearsAreSeededFromTheNoticeAnd2027AwaitsItsOwn() throws Exception {
        CalendarYears.Year y2026 = years.year(2026);
        assertThat(y2026.confirmed()).isTrue();
        assertThat(y2026.source()).contains("国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(y2026.holidays()).hasSize(33);
        assertThat(y2026.workdays()).extracting(CalendarYears.Day::date).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        CalendarYears.Year y2027 = years.year(2027);
        assertThat(y2027.confirmed()).isFalse();
        assertThat(y2027.holidays()).extracting(CalendarYears.Day::date).contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 4, 5), LocalDate.of(2027, 6, 9), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 10, 3)).hasSize(13);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("a worked Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).as("端午 2027, a Wednesday").isFalse();

        String page = page("/admin/calendar?year=2027");
        assertThat(page).contains("id=\"calendar-unconfirmed\"", "待国务院通知公布后确认", "2027-09-15", "中秋节", "星期三", "id=\"month-12\"");
        assertThat(page("/admin/calendar?year=2026")).contains("id=\"calendar-confirmed\"", "调休上班", "2026-02-14");

        MockHttpServletResponse api = mvc.perform(get("/api/v1/calendar/2027")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"confirmed\":false", "\"2027-02-06\"", "春节");
        MockHttpServletResponse bad = mvc.perform(get("/api/v1/calendar/20x7")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("CALENDAR_YEAR_INVALID");
    }

    @Test
    void theAdministratorAddsChangesAndRemovesADayAuditedAndEveryDeadlineCountsOnItAtOnce() throws Exception {
        LocalDate monday = LocalDate.of(YEAR, 3, 3);
        LocalDate saturday = LocalDate.of(YEAR, 3, 1);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        assertThat(calendar.isWorkingDay(monday)).isTrue();

        MockHttpServletResponse added = save(null, monday.toString(), "HOLIDAY", "测试假日" + tag, "演示");
        assertThat(added.getRedirectedUrl()).isEqualTo("/admin/calendar?year=" + YEAR + "&saved=" + monday);
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(YEAR, 2, 28), 1)).isEqualTo(LocalDate.of(YEAR, 3, 4));
        assertThat(page("/admin/calendar?year=" + YEAR + "&edit=" + monday)).contains("测试假日" + tag, "修改 " + monday);

        save(monday.toString(), saturday.toString(), "ADJUSTED_WORKDAY", "测试调休" + tag, null);
        assertThat(calendar.isWorkingDay(monday)).as("no longer a holiday").isTrue();
        assertThat(calendar.isWorkingDay(saturday)).as("a worked Saturday").isTrue();
        assertThat(years.year(YEAR).days()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);
            assertThat(d.name()).isEqualTo("测试调休" + tag);
        });

        String listed = page("/admin/calendar?year=" + YEAR);
        assertThat(listed).contains("id=\"remove-" + saturday + "\"", "data-confirm=\"确定删除 " + saturday);
        MockHttpServletResponse removed = mvc.perform(post("/admin/calendar/days/" + saturday + "/removal").with(authentication(admin))
                .with(csrf())).andReturn().getResponse();
        assertThat(removed.getRedirectedUrl()).isEqualTo("/admin/calendar?year=" + YEAR + "&removed=" + saturday);
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(years.year(YEAR).days()).isEmpty();

        MockHttpServletResponse confirmed = mvc.perform(post("/admin/calendar/year").with(authentication(admin)).with(csrf())
                .param("year", String.valueOf(YEAR)).param("source", "国务院办公厅关于" + YEAR + "年部分节假日安排的通知（测试" + tag + "）").param("confirmed", "true"))
                .andReturn().getResponse();
        assertThat(confirmed.getRedirectedUrl()).startsWith("/admin/calendar?year=" + YEAR);
        assertThat(years.year(YEAR).confirmed()).isTrue();

        assertThat(audit.count("action = 'calendar.day-save' and detail like ?", "%" + tag + "%")).isEqualTo(2);
        assertThat(audit.count("action = 'calendar.day-remove' and detail like ?", "%" + saturday + " 测试调休" + tag + "%")).isEqualTo(1);
        assertThat(audit.count("action = 'calendar.year' and detail like ?", YEAR + " 年：已确认%" + tag + "%")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInChineseWithItsCodeAndChangesNothing() throws Exception {
        save(null, LocalDate.of(YEAR, 3, 3).toString(), "HOLIDAY", "测试假日", null);
        String idNumber = fixtures.syntheticIdNumber().value();

        refused(save(null, (YEAR + 1) + "-01-05", "HOLIDAY", "元旦", null), 400, "CALENDAR_DATE_OUTSIDE_YEAR", "不在 " + YEAR + " 年内");
        refused(save(null, YEAR + "-03-03", "HOLIDAY", "重复", null), 409, "CALENDAR_DAY_DUPLICATE", "已在日历中");
        refused(save(null, YEAR + "-03-04", "ADJUSTED_WORKDAY", "调休", null), 400, "CALENDAR_WORKDAY_NOT_WEEKEND", "星期二");
        refused(save(null, YEAR + "-03-05", "HOLIDAY", "  ", null), 400, "CALENDAR_NAME_REQUIRED", "请填写节日名称");
        refused(save(null, YEAR + "-13-01", "HOLIDAY", "测试", null), 400, "CALENDAR_DATE_INVALID", "日期格式");
        refused(save(null, "", "HOLIDAY", "测试", null), 400, "CALENDAR_DATE_REQUIRED", "请填写日期");
        refused(save(null, YEAR + "-03-05", "WHATEVER", "测试", null), 400, "CALENDAR_KIND_REQUIRED", "请选择类型");
        MockHttpServletResponse personal = save(null, YEAR + "-03-05", "HOLIDAY", "测试", "申请人 " + idNumber);
        refused(personal, 400, "CALENDAR_PERSONAL_DATA", "身份证号码");
        assertThat(personal.getContentAsString(StandardCharsets.UTF_8)).as("the typed note comes back masked").doesNotContain(idNumber);
        assertThat(page("/admin/calendar?year=" + YEAR)).doesNotContain(idNumber);
        refused(save(YEAR + "-04-04", YEAR + "-04-04", "HOLIDAY", "测试", null), 404, "CALENDAR_DAY_NOT_FOUND", "日历中没有");
        refused(mvc.perform(post("/admin/calendar/year").with(authentication(admin)).with(csrf()).param("year", String.valueOf(YEAR))
                .param("source", " ").param("confirmed", "true")).andReturn().getResponse(), 400, "CALENDAR_SOURCE_REQUIRED", "须写明所依据的通知");

        MockHttpServletResponse badYear = mvc.perform(get("/admin/calendar?year=abc").with(authentication(admin))).andReturn().getResponse();
        assertThat(badYear.getStatus()).isEqualTo(400);
        MockHttpServletResponse noDay = mvc.perform(post("/admin/calendar/days/" + YEAR + "-05-05/removal").with(authentication(admin))
                .with(csrf())).andReturn().getResponse();
        assertThat(noDay.getStatus()).isEqualTo(404);

        assertThat(years.year(YEAR).days()).extracting(CalendarYears.Day::name).containsExactly("测试假日");
        assertThat(years.year(YEAR).confirmed()).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 3, 5))).isTrue();
    }

    @Test
    void onlyTheAdministratorKeepsTheCalendar() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.SYSTEM_ADMIN) {
                continue;
            }
            Authentication someone = TestPrincipal.of(role, role == Role.CITIZEN ? null : "scjg");
            assertThat(mvc.perform(get("/admin/calendar").with(authentication(someone))).andReturn().getResponse().getStatus())
                    .as(role.name()).isEqualTo(403);
            assertThat(save(someone, null, YEAR + "-03-03", "HOLIDAY", "测试", null).getStatus()).as(role.name()).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/admin/calendar")).andReturn().getResponse().getStatus()).as("not logged in").isIn(302, 401);
        assertThat(mvc.perform(post("/admin/calendar/days").param("year", String.valueOf(YEAR)).param("date", YEAR + "-03-03")
                .param("kind", "HOLIDAY").param("name", "测试").with(authentication(admin))).andReturn().getResponse().getStatus())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(years.year(YEAR).days()).isEmpty();
    }

    @Test
    void fromDecemberOnTheAdministratorIsWarnedThatNextYearIsMissing() throws Exception {
        clock.set(LocalDate.of(YEAR - 1, 11, 30).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(page("/admin/calendar")).doesNotContain("calendar-next-year-missing");
        clock.set(LocalDate.of(YEAR - 1, 12, 1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(page("/admin/calendar")).contains("id=\"calendar-next-year-missing\"", "尚未录入 <strong>" + YEAR + "</strong> 年");
        save(null, YEAR + "-01-01", "HOLIDAY", "元旦", null);
        assertThat(page("/admin/calendar")).doesNotContain("calendar-next-year-missing");
        // December 2026: 2027 has its statutory days, so nothing is missing
        clock.set(LocalDate.of(2026, 12, 6).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(years.missingNextYear()).isEmpty();
    }

    private MockHttpServletResponse save(String replacing, String date, String kind, String name, String note) throws Exception {
        return save(admin, replacing, date, kind, name, note);
    }

    private MockHttpServletResponse save(Authentication who, String replacing, String date, String kind, String name, String note)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/calendar/days").with(authentication(who)).with(csrf())
                .param("year", String.valueOf(YEAR)).param("date", date).param("kind", kind).param("name", name);
        if (replacing != null) {
            request.param("replacing", replacing);
        }
        if (note != null) {
            request.param("note", note);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static void refused(MockHttpServletResponse response, int status, String code, String message) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(body).contains("data-code=\"" + code + "\"", message);
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(authentication(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
