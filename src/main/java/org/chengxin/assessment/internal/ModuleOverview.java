package org.chengxin.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chengxin.assessment.AdminOverview;
import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Domain;
import org.chengxin.catalog.domain.Item;
import org.chengxin.evaluation.Scores;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.records.Records;
import org.chengxin.shared.listing.Kept;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reads the administrator's overview: one grouped statement per figure through the owning module's API, added up here
 * per domain, month or day. The twelve months end with the current one and the thirty days with today, on the clock.
 * Kept {@code chengxin.assessment.overview-kept} (one minute) and then recounted in the background while the page
 * shows the figures held ({@link Kept}): over the city's 20,000,000 records the records per item and month alone take
 * seconds, and an administrator's home page must not wait for them each time.
 */
@Service
class ModuleOverview implements AdminOverview {

    private final Records records;
    private final Catalog catalog;
    private final Scores scores;
    private final SeriousDishonestyList list;
    private final QueryLog queries;
    private final MeasureChecks checks;
    private final Clock clock;
    private final Kept<Overview> kept;

    ModuleOverview(Records records, Catalog catalog, Scores scores, SeriousDishonestyList list, QueryLog queries,
            MeasureChecks checks, Clock clock, @Value("${chengxin.assessment.overview-kept:PT1M}") Duration keep) {
        this.records = records;
        this.catalog = catalog;
        this.scores = scores;
        this.list = list;
        this.queries = queries;
        this.checks = checks;
        this.clock = clock;
        this.kept = new Kept<>("admin-overview", this::read, keep, clock, Kept.ownThread("admin-overview"));
    }

    @Override
    public Overview now() {
        return kept.get();
    }

    private Overview read() {
        LocalDate today = LocalDate.now(clock);
        YearMonth current = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(current.minusMonths(i));
        }
        LocalDate since = months.get(0).atDay(1);
        LocalDate tomorrow = today.plusDays(1);

        Map<String, String> domainNames = new LinkedHashMap<>();
        for (Domain d : catalog.domains()) {
            domainNames.put(d.code(), d.name());
        }
        Map<String, List<Long>> byDomain = new LinkedHashMap<>();
        domainNames.values().forEach(name -> byDomain.put(name, zeros(MONTHS)));
        for (Records.ItemMonth m : records.acceptedPerItemAndMonth(since)) {
            int index = months.indexOf(m.month());
            if (index < 0) {
                continue;
            }
            String domain = catalog.item(m.itemCode()).map(Item::domain).map(d -> domainNames.getOrDefault(d, d)).orElse("其他");
            List<Long> series = byDomain.computeIfAbsent(domain, d -> zeros(MONTHS));
            series.set(index, series.get(index) + m.count());
        }
        byDomain.values().removeIf(series -> series.stream().allMatch(c -> c == 0));

        List<GradeShare> grades = scores.gradeCounts().stream().map(g -> new GradeShare(g.grade(), g.label(), g.persons())).toList();
        long goodCredit = records.goodCreditInForceByItem().values().stream().mapToLong(Long::longValue).sum();

        List<LocalDate> days = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        List<Long> perDay = zeros(DAYS);
        List<Long> refusedPerDay = zeros(DAYS);
        for (QueryLog.DayCount d : queries.queriesPerDay(days.get(0), tomorrow)) {
            int index = days.indexOf(d.day());
            if (index >= 0) {
                perDay.set(index, d.queries());
                refusedPerDay.set(index, d.refused());
            }
        }

        Map<YearMonth, long[]> perMonth = new HashMap<>();
        for (MeasureChecks.FeedbackMonth f : checks.feedbackPerMonth(since, tomorrow)) {
            long[] sums = perMonth.computeIfAbsent(f.month(), m -> new long[3]);
            sums[0] += f.checks();
            sums[1] += f.feedbackGiven();
            sums[2] += f.overdue();
        }
        List<CheckMonth> checkMonths = new ArrayList<>();
        for (YearMonth m : months) {
            long[] sums = perMonth.getOrDefault(m, new long[3]);
            checkMonths.add(new CheckMonth(m, sums[0], sums[1], sums[2]));
        }
        return new Overview(today, List.copyOf(months), byDomain, grades, list.countInForce(), goodCredit, List.copyOf(days),
                perDay, refusedPerDay, checkMonths);
    }

    private static List<Long> zeros(int n) {
        return new ArrayList<>(Collections.nCopies(n, 0L));
    }
}
