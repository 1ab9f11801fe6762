package org.chengxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.records.NewRecord;
import org.chengxin.records.Records;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Role;
import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.MutableClock;
import org.chengxin.support.TestPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The candidates are found, filtered, counted and paged by the database, however many there are: a department with
 * more serious records than the list once read (the 500 newest) still offers every person, the oldest included, to
 * the filters, the sorts, the pages, the candidate's own page and the count on the tab.
 */
@ChengxinIntegrationTest
class ListsCandidatesInSqlIntegrationTests {

    private static final String TAX = "YY-TX-001";
    /** More than the 500 records the candidates were once read from. */
    private static final int PEOPLE = 505;
    private static final Pattern CANDIDATE = Pattern.compile("id=\"candidate-(\\d+)\"");

    @Autowired
    WebApplicationContext context;

    @Autowired
    SeriousDishonestyList list;

    @Autowired
    Records records;

    @Autowired
    Citizens citizens;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    DepartmentCode dept;
    LocalDate today;
    List<IdNumber> people = new ArrayList<>();
    /** The record of person i, decided {@code 10 + i} days ago: the last ones are the oldest. */
    List<Long> ids = new ArrayList<>();

    @BeforeEach
    void aDepartmentWithMoreSeriousRecordsThanTheOldCap() {
        clock.reset();
        mvc = ApiContract.mockMvc(context);
        dept = DepartmentCode.of(fixtures.department());
        today = LocalDate.now(clock);
        Item tax = catalog.item(TAX).orElseThrow();
        List<NewRecord> batch = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < PEOPLE; i++) {
            // 505 distinct people: two draws of the same made-up number (one in about 150 runs) made one candidate fewer
            IdNumber p = fixtures.syntheticIdNumber();
            while (!drawn.add(p.value())) {
                p = fixtures.syntheticIdNumber();
            }
            people.add(p);
            CitizenRef ref = citizens.enroll(p);
            batch.add(new NewRecord(ref.subject(), ref.id(), tax, catalog.current().id(), dept, "cap-" + i, today.minusDays(10 + i),
                    "岳税罚〔2026〕cap-" + i + "号", Map.of("facts", "少缴税款", "penaltyResult", "追缴并罚款", "evadedAmount", "120000",
                            "authority", "税务局"), false, false));
        }
        records.store(batch, null);
        for (int i = 0; i < PEOPLE; i++) {
            ids.add(records.findBySource(dept, "cap-" + i).orElseThrow().id());
        }
    }

    private String page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(authentication(TestPrincipal.of(Role.REVIEWER, dept.value()))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Long> rows(String html) {
        List<Long> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(html);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private static long total(String html) {
        Matcher m = Pattern.compile("id=\"total\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyPersonIsACandidateAndTheOldestAreFoundByEveryTool() throws Exception {
        String first = page("/lists");
        assertThat(total(first)).isEqualTo(PEOPLE);
        assertThat(first).contains("候选 <span class=\"count\">" + PEOPLE + "</span>")
                .contains("第 <span class=\"listing-number\">1</span>/<span class=\"listing-pages\">26</span> 页");
        // by default the newest record (the highest number) first: the first pushed are on the last page
        assertThat(rows(page("/lists?tab=candidates&page=26"))).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1),
                ids.get(0));
        assertThat(rows(page("/lists?tab=candidates&page=99"))).as("past the last page: the last page").hasSize(5);
        assertThat(rows(page("/lists?tab=candidates&sort=earliest&dir=asc"))).startsWith(ids.get(504), ids.get(503), ids.get(502));
        assertThat(rows(page("/lists?tab=candidates&sort=newest&dir=asc&size=100&page=6"))).hasSize(5).endsWith(ids.get(504));
        // the dates of the records beyond the 500 newest
        String oldest = page("/lists?tab=candidates&to=" + today.minusDays(10 + 500));
        assertThat(total(oldest)).isEqualTo(5);
        assertThat(rows(oldest)).containsExactly(ids.get(504), ids.get(503), ids.get(502), ids.get(501), ids.get(500));
        assertThat(total(page("/lists?tab=candidates&item=" + TAX + "&from=" + today.minusDays(10 + 504) + "&to="
                + today.minusDays(10 + 503)))).isEqualTo(2);
        // the oldest person's own page
        assertThat(page("/lists/candidates/" + ids.get(504))).contains(people.get(504).masked());
    }

    @Test
    void thePersonFilterReachesTheOldestAndANoticeTakesThePersonOff() {
        IdNumber oldest = people.get(PEOPLE - 1);
        CandidateFilter byPerson = new CandidateFilter(List.of(citizens.subjectKeyOf(oldest)), null, null, null);
        PageResult<Candidate> found = list.candidates(dept, byPerson, PageRequest.of(1, 20, null, null, SeriousDishonestyList.CANDIDATE_SORT));
        assertThat(found.total()).isEqualTo(1);
        Candidate c = found.items().get(0);
        assertThat(c.recordIds()).containsExactly(ids.get(PEOPLE - 1));
        assertThat(c.maskedId()).isEqualTo(oldest.masked());
        assertThat(c.itemCodes()).containsExactly(TAX);
        assertThat(c.earliest()).isEqualTo(today.minusDays(10 + PEOPLE - 1));
        assertThat(c.proposals()).singleElement().satisfies(p -> assertThat(p.rule()).isEqualTo("CATEGORY"));
        assertThat(list.candidate(dept, ids.get(PEOPLE - 1))).hasValueSatisfying(x -> assertThat(x.subject()).isEqualTo(c.subject()));
        assertThat(list.candidate(dept, ids.get(PEOPLE - 1) + 100_000_000L)).isEmpty();

        list.notice(dept, new Decision(c.subject(), "岳税认〔2026〕cap号", "《中华人民共和国税收征收管理法》第六十三条", "偷税", today,
                today.plusYears(1), c.recordIds()));
        assertThat(list.candidates(dept, byPerson, PageRequest.of(1, 20, null, null, SeriousDishonestyList.CANDIDATE_SORT)).total()).isZero();
        assertThat(list.candidates(dept, CandidateFilter.NONE, PageRequest.of(1, 20, null, null, SeriousDishonestyList.CANDIDATE_SORT))
                .total()).isEqualTo(PEOPLE - 1);
        assertThat(list.candidate(dept, ids.get(PEOPLE - 1))).as("told: no longer a candidate").isEmpty();
        assertThat(list.candidates(dept, new CandidateFilter(List.of(), null, null, null),
                PageRequest.of(1, 20, null, null, SeriousDishonestyList.CANDIDATE_SORT)).total()).as("a filter matching nobody").isZero();
    }
}
