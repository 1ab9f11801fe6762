package org.chengxin.inquiry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.time.Calendar2026;
import org.chengxin.shared.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** Each review rule at its threshold, at office-hour edges, and never for a person's queries about themselves. */
class QueryReviewRulesTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static long next = 1;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private static QueryReviewRules.Fact q(Instant at, String actor, String person) {
        return new QueryReviewRules.Fact(next++, at, "WINDOW", actor, "岳阳市政务服务中心", DepartmentCode.of("zwfw"), key(person), false, null);
    }

    /** A made-up subject key per short name, so that the tests read "s1", "p" rather than 64 hex digits. */
    private static SubjectKey key(String person) {
        byte[] bytes = new byte[SubjectKey.LENGTH];
        byte[] name = person.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, bytes, 0, name.length);
        return SubjectKey.of(bytes);
    }

    private static List<String> rules(List<QueryReviewRules.Flag> flags) {
        return flags.stream().map(QueryReviewRules.Flag::rule).toList();
    }

    @Test
    void manyDifferentPeopleWithinAnHour() {
        List<QueryReviewRules.Fact> twenty = new ArrayList<>();
        Instant start = at("2026-11-25T09:00:00");
        for (int i = 0; i < QueryReviewRules.MANY_PEOPLE; i++) {
            twenty.add(q(start.plusSeconds(i * 60L), "clerk-a", "s" + i));
        }
        assertThat(QueryReviewRules.manyPeople(twenty)).as("exactly the threshold is allowed").isEmpty();
        List<QueryReviewRules.Fact> twentyOne = new ArrayList<>(twenty);
        twentyOne.add(q(start.plusSeconds(59 * 60L), "clerk-a", "s-extra"));
        assertThat(QueryReviewRules.manyPeople(twentyOne)).singleElement().satisfies(f -> {
            assertThat(f.actor()).isEqualTo("clerk-a");
            assertThat(f.queryIds()).hasSize(21);
        });
        // the same 21 spread over more than an hour, or one person 21 times, raise nothing
        List<QueryReviewRules.Fact> spread = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            spread.add(q(start.plusSeconds(i * 200L), "clerk-b", "s" + i));
        }
        assertThat(QueryReviewRules.manyPeople(spread)).isEmpty();
        List<QueryReviewRules.Fact> samePerson = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            samePerson.add(q(start.plusSeconds(i * 10L), "clerk-c", "same"));
        }
        assertThat(QueryReviewRules.manyPeople(samePerson)).isEmpty();
    }

    @Test
    void outsideOfficeHoursAndOnWeekends() {
        List<QueryReviewRules.Fact> facts = List.of(
                q(at("2026-11-25T07:59:59"), "a", "x"), // Wednesday, before eight
                q(at("2026-11-25T08:00:00"), "a", "x"),
                q(at("2026-11-25T17:59:59"), "a", "x"),
                q(at("2026-11-25T18:00:00"), "a", "x"),
                q(at("2026-11-28T10:00:00"), "a", "x")); // Saturday
        assertThat(QueryReviewRules.offHours(facts, ZONE, WorkingCalendar.WEEKENDS_ONLY)).extracting(QueryReviewRules.Flag::detail)
                .hasSize(3).anyMatch(d -> d.contains("周末")).anyMatch(d -> d.contains("07:59:59")).anyMatch(d -> d.contains("18:00"));
    }

    @Test
    void onAHolidayOfTheCalendarButNotOnAWorkedSaturday() {
        List<QueryReviewRules.Fact> facts = List.of(
                q(at("2026-10-05T10:00:00"), "a", "x"), // Monday in the National Day holiday
                q(at("2026-10-10T10:00:00"), "a", "x"), // Saturday worked (调休)
                q(at("2026-10-12T10:00:00"), "a", "x")); // an ordinary Monday
        assertThat(QueryReviewRules.offHours(facts, ZONE, Calendar2026.CALENDAR)).extracting(QueryReviewRules.Flag::detail)
                .singleElement().satisfies(d -> assertThat(d).contains("节假日", "2026-10-05"));
    }

    @Test
    void refusedForMissingAuthorizationOnly() {
        var noAuth = new QueryReviewRules.Fact(next++, at("2026-11-25T10:00:00"), "WINDOW", "a", "o", DepartmentCode.of("dd"), key("x"), true,
                "INQUIRY_AUTHORIZATION_REQUIRED");
        var invalid = new QueryReviewRules.Fact(next++, at("2026-11-25T10:00:00"), "API", "a", "o", DepartmentCode.of("dd"), key("x"), true,
                "INQUIRY_AUTHORIZATION_INVALID");
        var noPurpose = new QueryReviewRules.Fact(next++, at("2026-11-25T10:00:00"), "WINDOW", "a", "o", DepartmentCode.of("dd"), key("x"), true,
                "INQUIRY_PURPOSE_REQUIRED");
        assertThat(QueryReviewRules.refused(List.of(noAuth, invalid, noPurpose))).hasSize(2);
    }

    @Test
    void theSamePersonAgainAndAgainWithinAWeek() {
        Instant start = at("2026-11-23T10:00:00");
        List<QueryReviewRules.Fact> four = new ArrayList<>();
        for (int i = 0; i < QueryReviewRules.REPEATED - 1; i++) {
            four.add(q(start.plusSeconds(i * 86_400L), "a", "0123456789abcdef0123"));
        }
        assertThat(QueryReviewRules.repeated(four)).isEmpty();
        List<QueryReviewRules.Fact> five = new ArrayList<>(four);
        five.add(q(start.plusSeconds(6 * 86_400L), "b", "0123456789abcdef0123"));
        assertThat(QueryReviewRules.repeated(five)).singleElement().satisfies(f -> assertThat(f.queryIds()).hasSize(5));
        List<QueryReviewRules.Fact> late = new ArrayList<>(four);
        late.add(q(start.plusSeconds(8 * 86_400L), "a", "0123456789abcdef0123"));
        assertThat(QueryReviewRules.repeated(late)).as("the fifth came after seven days from the first").isEmpty();
    }

    @Test
    void aPersonsOwnQueriesAreNeverFlagged() {
        var self = new QueryReviewRules.Fact(next++, at("2026-11-28T23:00:00"), "SELF", "citizen", "本人", null, key("x"), false, null);
        assertThat(QueryReviewRules.review(List.of(self), ZONE, WorkingCalendar.WEEKENDS_ONLY)).isEmpty();
        assertThat(rules(QueryReviewRules.review(List.of(q(at("2026-11-28T23:00:00"), "a", "x")), ZONE, WorkingCalendar.WEEKENDS_ONLY))).containsExactly("OFF_HOURS");
    }
}
