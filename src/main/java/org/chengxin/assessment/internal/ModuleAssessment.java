package org.chengxin.assessment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chengxin.assessment.DepartmentAssessment;
import org.chengxin.assessment.domain.CityFigures;
import org.chengxin.assessment.domain.DoublePublicity;
import org.chengxin.assessment.domain.Indicator;
import org.chengxin.assessment.domain.Monitoring;
import org.chengxin.assessment.domain.Period;
import org.chengxin.assessment.domain.Scoring;
import org.chengxin.assessment.domain.Tally;
import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.complaints.Complaints;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.ingestion.PushMonth;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.organization.Department;
import org.chengxin.organization.DepartmentKind;
import org.chengxin.organization.Departments;
import org.chengxin.records.Records;
import org.chengxin.remedies.RemedyFigures;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Regions;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.time.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reads the last 12 months to the end of the period from each module's API (one grouped statement each), adds them up
 * per department and month, and scores the period's months. The departments assessed are the active government
 * departments and associations; a department's must-push items are the current catalog's items that name it. The
 * city's county-level divisions are configured ({@code chengxin.city.divisions}, Yueyang's by default, the city's own code
 * first); a department in a division not listed is added after them, so no figure is lost.
 */
@Service
class ModuleAssessment implements DepartmentAssessment {

    static final int TREND_MONTHS = 12;
    static final String CITY_LEVEL = "市本级";

    private final Departments departments;
    private final Catalog catalog;
    private final Records records;
    private final RecordBatches batches;
    private final MeasureChecks checks;
    private final RemedyFigures remedies;
    private final Complaints complaints;
    private final WorkingCalendar calendar;
    private final QueryLog queries;
    private final List<String> divisions;

    ModuleAssessment(Departments departments, Catalog catalog, Records records, RecordBatches batches, MeasureChecks checks,
            RemedyFigures remedies, Complaints complaints, WorkingCalendar calendar, QueryLog queries,
            @Value("${chengxin.city.divisions:430600,430602,430603,430611,430621,430623,430624,430626,430681,430682}") String divisions) {
        this.departments = departments;
        this.catalog = catalog;
        this.records = records;
        this.batches = batches;
        this.checks = checks;
        this.remedies = remedies;
        this.complaints = complaints;
        this.calendar = calendar;
        this.queries = queries;
        this.divisions = Arrays.stream(divisions.split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    @Override
    public Ranking ranking(Period period) {
        return rank(period, read(period));
    }

    private Ranking rank(Period period, Window w) {
        List<Scorecard> unranked = new ArrayList<>();
        for (Department d : w.assessed) {
            Tally t = w.sum(d.code(), period.months());
            unranked.add(new Scorecard(0, d.code(), d.name(), d.kind().label(), d.regionCode(), t, Scoring.score(t)));
        }
        unranked.sort(Comparator.comparing((Scorecard s) -> s.score() == null ? -1 : s.score()).reversed()
                .thenComparing(s -> s.result().shares().get(Indicator.COVERAGE) == null ? 1 : -s.result().shares().get(Indicator.COVERAGE))
                .thenComparing(Scorecard::name));
        int[] ranks = Scoring.ranks(unranked.stream().map(Scorecard::score).toList());
        List<Scorecard> ranked = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            Scorecard s = unranked.get(i);
            ranked.add(new Scorecard(ranks[i], s.code(), s.name(), s.kind(), s.regionCode(), s.tally(), s.result()));
        }
        List<MonthPoint> city = new ArrayList<>();
        for (YearMonth m : w.months) {
            Tally t = Tally.NONE;
            for (Department d : w.assessed) {
                t = t.plus(w.month(d.code(), m));
            }
            city.add(new MonthPoint(m, t, Scoring.score(t)));
        }
        return new Ranking(period, ranked, city);
    }

    @Override
    public DepartmentReport department(DepartmentCode code, Period period) {
        Window w = read(period);
        Scorecard card = rank(period, w).scorecards().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> ChengxinException.notFound("ASSESSMENT_DEPARTMENT_NOT_FOUND", "没有该部门的考核情况"));
        List<MonthPoint> trend = new ArrayList<>();
        for (YearMonth m : w.months) {
            Tally t = w.month(code, m);
            trend.add(new MonthPoint(m, t, Scoring.score(t)));
        }
        return new DepartmentReport(period, card, trend);
    }

    @Override
    public CountyRanking counties(Period period) {
        return new CountyRanking(period, countyCards(period, read(period)));
    }

    private List<CountyScorecard> countyCards(Period period, Window w) {
        Set<String> codes = new LinkedHashSet<>(divisions);
        w.assessed.stream().map(Department::regionCode).sorted().forEach(codes::add);
        List<String> order = List.copyOf(codes);
        List<CountyScorecard> unranked = new ArrayList<>();
        for (String region : order) {
            List<Department> members = w.assessed.stream().filter(d -> region.equals(d.regionCode())).toList();
            Tally sum = Tally.NONE;
            for (Department d : members) {
                sum = sum.plus(w.sum(d.code(), period.months()));
            }
            List<MonthPoint> trend = new ArrayList<>();
            for (YearMonth m : w.months) {
                Tally t = Tally.NONE;
                for (Department d : members) {
                    t = t.plus(w.month(d.code(), m));
                }
                trend.add(new MonthPoint(m, t, Scoring.score(t)));
            }
            unranked.add(new CountyScorecard(0, region, divisionName(region), members.size(), sum, Scoring.score(sum), List.copyOf(trend)));
        }
        unranked.sort(Comparator.comparing((CountyScorecard s) -> s.score() == null ? -1 : s.score()).reversed()
                .thenComparing(s -> order.indexOf(s.regionCode())));
        int[] ranks = Scoring.ranks(unranked.stream().map(CountyScorecard::score).toList());
        List<CountyScorecard> ranked = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            CountyScorecard s = unranked.get(i);
            ranked.add(new CountyScorecard(ranks[i], s.regionCode(), s.name(), s.departments(), s.tally(), s.result(), s.trend()));
        }
        return List.copyOf(ranked);
    }

    /** 市本级 for the city's own code, else the GB/T 2260 name (the code itself only if the table does not know it). */
    private String divisionName(String region) {
        if (!divisions.isEmpty() && divisions.get(0).equals(region) || region.endsWith("00")) {
            return CITY_LEVEL;
        }
        return Regions.nameOf(region).orElse("未收录的行政区划");
    }

    @Override
    public CountyReport county(String regionCode, Period period) {
        Window w = read(period);
        CountyScorecard card = countyCards(period, w).stream().filter(c -> c.regionCode().equals(regionCode)).findFirst()
                .orElseThrow(() -> ChengxinException.notFound("ASSESSMENT_COUNTY_NOT_FOUND", "没有该区县的考核情况"));
        List<Scorecard> members = rank(period, w).scorecards().stream().filter(s -> regionCode.equals(s.regionCode())).toList();
        return new CountyReport(period, card, members);
    }

    @Override
    public MonitoringReport monitoring(Period period) {
        Window w = read(period.first(), period.last());
        long timed = 0, late = 0, rows = 0, rejected = 0, checksMade = 0, given = 0, overdue = 0;
        long objections = 0, objectionsLate = 0, repairs = 0, repairsLate = 0;
        for (Map.Entry<Key, Counts> e : w.counts.entrySet()) {
            if (!period.months().contains(e.getKey().month())) {
                continue;
            }
            Counts c = e.getValue();
            timed += c.timed;
            late += c.late;
            rows += c.rows;
            rejected += c.rejected;
            checksMade += c.checks;
            given += c.feedbackGiven;
            overdue += c.feedbackOverdue;
            objections += c.objectionsReceived;
            objectionsLate += c.objectionsLate;
            repairs += c.repairsReceived;
            repairsLate += c.repairsLate;
        }
        long asked = 0, refused = 0;
        for (QueryLog.DayCount d : queries.queriesPerDay(period.from(), period.until())) {
            asked += d.queries();
            refused += d.refused();
        }
        CityFigures figures = new CityFigures(timed, late, rows, rejected, checksMade, given, overdue, objections, objectionsLate,
                repairs, repairsLate, asked, refused);
        Map<Monitoring, Double> values = new EnumMap<>(Monitoring.class);
        for (Monitoring m : Monitoring.values()) {
            values.put(m, m.value(figures));
        }
        return new MonitoringReport(period, figures, Collections.unmodifiableMap(values));
    }

    /** The departments assessed and their months, from 11 months before the period's end to its end. */
    private Window read(Period period) {
        return read(period.last().minusMonths(TREND_MONTHS - 1), period.last());
    }

    /** The departments assessed and their months from {@code first} to {@code last}. */
    private Window read(YearMonth first, YearMonth last) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        LocalDate from = first.atDay(1);
        LocalDate until = last.plusMonths(1).atDay(1);
        List<Department> assessed = departments.all().stream()
                .filter(d -> d.active() && (d.kind() == DepartmentKind.GOVERNMENT || d.kind() == DepartmentKind.ASSOCIATION))
                .sorted(Comparator.comparing(Department::name)).toList();
        Map<String, Set<String>> must = new HashMap<>();
        Set<String> doublePublicity = new HashSet<>();
        Map<String, Item> items = new HashMap<>();
        for (Item item : catalog.current().allItems()) {
            items.put(item.code(), item);
            for (String d : item.departments()) {
                if (!Item.ALL_GOVERNMENT.equals(d)) {
                    must.computeIfAbsent(d, k -> new HashSet<>()).add(item.code());
                }
            }
            if (DoublePublicity.covers(item)) {
                doublePublicity.add(item.code());
            }
        }
        Map<Key, Counts> counts = new HashMap<>();
        Map<List<LocalDate>, Long> days = new HashMap<>();
        for (Records.AcceptedCount a : records.acceptedBetween(from, until)) {
            Counts c = counts.computeIfAbsent(new Key(a.departmentCode(), YearMonth.from(a.acceptedOn())), k -> new Counts());
            c.pushedItems.add(a.itemCode());
            c.accepted += a.count();
            if (doublePublicity.contains(a.itemCode())) {
                long d = days.computeIfAbsent(List.of(a.decisionDate(), a.acceptedOn()),
                        p -> DoublePublicity.workingDays(calendar, p.get(0), p.get(1)));
                c.timed += a.count();
                c.timelinessDays += d * a.count();
                if (DoublePublicity.late(d)) {
                    c.late += a.count();
                }
            }
        }
        for (PushMonth p : batches.monthlyFigures(from, until)) {
            Counts c = counts.computeIfAbsent(new Key(p.departmentCode(), p.month()), k -> new Counts());
            c.rows += p.rows();
            c.rejected += p.rejected();
        }
        for (MeasureChecks.FeedbackMonth f : checks.feedbackPerMonth(from, until)) {
            Counts c = counts.computeIfAbsent(new Key(f.departmentCode(), f.month()), k -> new Counts());
            c.checks += f.checks();
            c.feedbackGiven += f.feedbackGiven();
            c.feedbackLate += f.feedbackLate();
            c.feedbackOverdue += f.overdue();
            c.feedbackDays += f.feedbackDays();
        }
        for (RemedyFigures.RemediesMonth r : remedies.byDepartmentAndMonth(from, until)) {
            Counts c = counts.computeIfAbsent(new Key(r.departmentCode(), r.month()), k -> new Counts());
            c.remediesReceived += r.objectionsReceived() + r.repairsReceived();
            c.remediesLate += r.objectionsLate() + r.repairsLate();
            c.objectionsReceived += r.objectionsReceived();
            c.objectionsLate += r.objectionsLate();
            c.repairsReceived += r.repairsReceived();
            c.repairsLate += r.repairsLate();
        }
        for (Complaints.MonthFigures f : complaints.figuresPerMonth(from, until)) {
            Counts c = counts.computeIfAbsent(new Key(f.departmentCode(), f.month()), k -> new Counts());
            c.complaintsReceived += f.received();
            c.complaintsLate += f.late();
        }
        return new Window(months, assessed, must, counts);
    }

    private record Key(DepartmentCode department, YearMonth month) {
    }

    private record Window(List<YearMonth> months, List<Department> assessed, Map<String, Set<String>> must, Map<Key, Counts> counts) {

        Tally month(DepartmentCode code, YearMonth m) {
            Counts c = counts.get(new Key(code, m));
            Set<String> mustItems = must.getOrDefault(code.value(), Set.of());
            return c == null ? Tally.NONE.withMustItems(mustItems) : c.tally(mustItems);
        }

        Tally sum(DepartmentCode code, List<YearMonth> ms) {
            Tally t = Tally.NONE.withMustItems(must.getOrDefault(code.value(), Set.of()));
            for (YearMonth m : ms) {
                t = t.plus(month(code, m));
            }
            return t;
        }
    }

    /** A department's month as it is added up. */
    private static final class Counts {
        final Set<String> pushedItems = new HashSet<>();
        long accepted;
        long timed;
        long late;
        long timelinessDays;
        long rows;
        long rejected;
        long checks;
        long feedbackGiven;
        long feedbackLate;
        long feedbackOverdue;
        double feedbackDays;
        long remediesReceived;
        long remediesLate;
        long complaintsReceived;
        long complaintsLate;
        long objectionsReceived;
        long objectionsLate;
        long repairsReceived;
        long repairsLate;

        Tally tally(Set<String> must) {
            return new Tally(must, pushedItems, accepted, timed, late, timelinessDays, rows, rejected, checks, feedbackGiven,
                    feedbackLate, feedbackOverdue, feedbackDays, remediesReceived, remediesLate, complaintsReceived, complaintsLate);
        }
    }
}
