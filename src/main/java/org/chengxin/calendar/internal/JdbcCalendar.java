package org.chengxin.calendar.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chengxin.calendar.CalendarYears.Day;
import org.chengxin.calendar.CalendarYears.DayKind;
import org.chengxin.calendar.CalendarYears.Year;
import org.chengxin.calendar.domain.CalendarEntryRules.Entry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables calendar_year and calendar_day: statements and row mapping. */
@Repository
class JdbcCalendar {

    private final JdbcClient jdbc;

    JdbcCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Day> allDays() {
        return jdbc.sql("select * from calendar_day order by day").query(JdbcCalendar::day).list();
    }

    List<Day> days(int year) {
        return jdbc.sql("select * from calendar_day where year = :y order by day").param("y", year).query(JdbcCalendar::day).list();
    }

    Optional<Day> day(LocalDate date) {
        return jdbc.sql("select * from calendar_day where day = :d").param("d", Date.valueOf(date)).query(JdbcCalendar::day).optional();
    }

    Optional<Year> year(int year) {
        return jdbc.sql("select * from calendar_year where year = :y").param("y", year)
                .query((rs, n) -> new Year(rs.getInt("year"), rs.getString("source"), rs.getBoolean("confirmed"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), List.of()))
                .optional();
    }

    List<Integer> years() {
        return jdbc.sql("select year from calendar_year order by year").query(Integer.class).list();
    }

    boolean hasDays(int year) {
        return jdbc.sql("select exists (select 1 from calendar_day where year = :y)").param("y", year).query(Boolean.class).single();
    }

    /** The year's row, created unconfirmed and without a source when a first day is entered into it. */
    void ensureYear(int year, Instant now, String by) {
        jdbc.sql("""
                        insert into calendar_year (year, source, confirmed, updated_at, updated_by) values (:y, null, false, :now, :by)
                        on conflict (year) do nothing""")
                .param("y", year).param("now", Timestamp.from(now)).param("by", by).update();
    }

    void describe(int year, String source, boolean confirmed, Instant now, String by) {
        jdbc.sql("""
                        insert into calendar_year (year, source, confirmed, updated_at, updated_by) values (:y, :s, :c, :now, :by)
                        on conflict (year) do update set source = :s, confirmed = :c, updated_at = :now, updated_by = :by""")
                .param("y", year).param("s", source).param("c", confirmed).param("now", Timestamp.from(now)).param("by", by).update();
    }

    void insert(int year, Entry e, Instant now, String by) {
        jdbc.sql("""
                        insert into calendar_day (day, year, kind, name, note, updated_at, updated_by)
                        values (:d, :y, :k, :n, :t, :now, :by)""")
                .param("d", Date.valueOf(e.date())).param("y", year).param("k", e.kind().name()).param("n", e.name())
                .param("t", e.note()).param("now", Timestamp.from(now)).param("by", by).update();
    }

    void delete(LocalDate date) {
        jdbc.sql("delete from calendar_day where day = :d").param("d", Date.valueOf(date)).update();
    }

    private static Day day(ResultSet rs, int n) throws SQLException {
        return new Day(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("note"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
