package org.chengxin.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.OptionalInt;

import org.chengxin.calendar.CalendarYears;
import org.chengxin.calendar.domain.CalendarEntryRules;
import org.chengxin.calendar.domain.CalendarEntryRules.Entry;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The administrator keeps the calendar: each change checked by {@link CalendarEntryRules}, stored, audited
 * (calendar.day-save, calendar.day-remove, calendar.year) and counted on by every deadline once it commits.
 */
@Service
class CalendarKeeping implements CalendarYears {

    private final JdbcCalendar store;
    private final StoredWorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarKeeping(JdbcCalendar store, StoredWorkingCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Year year(int year) {
        CalendarEntryRules.checkYear(year);
        List<Day> days = store.days(year);
        return store.year(year).map(y -> new Year(y.year(), y.source(), y.confirmed(), y.updatedAt(), y.updatedBy(), days))
                .orElse(new Year(year, null, false, null, null, days));
    }

    @Override
    public List<Integer> years() {
        return store.years();
    }

    @Override
    @Transactional
    public Day saveDay(int year, LocalDate replacing, LocalDate date, DayKind kind, String name, String note) {
        Entry entry = CalendarEntryRules.entry(year, date, kind, name, note);
        Day old = replacing == null ? null : store.day(replacing).filter(d -> d.date().getYear() == year)
                .orElseThrow(() -> notFound(replacing));
        if (!entry.date().equals(replacing)) {
            store.day(entry.date()).ifPresent(existing -> {
                throw ChengxinException.conflict("CALENDAR_DAY_DUPLICATE", entry.date() + " 已在日历中（" + existing.name() + " "
                        + existing.kind().label() + "），请修改该日，不要重复添加");
            });
        }
        Actor who = CurrentActor.get();
        Instant now = Instant.now(clock);
        store.ensureYear(year, now, who.name());
        if (replacing != null) {
            store.delete(replacing);
        }
        store.insert(year, entry, now, who.name());
        audit(who, now, "calendar.day-save", (old == null ? "新增 " : "修改 " + describe(old) + " 为 ") + describe(entry));
        refreshAfterCommit();
        return store.day(entry.date()).orElseThrow();
    }

    @Override
    @Transactional
    public void removeDay(LocalDate date) {
        Day old = store.day(date).orElseThrow(() -> notFound(date));
        Actor who = CurrentActor.get();
        Instant now = Instant.now(clock);
        store.delete(date);
        audit(who, now, "calendar.day-remove", "删除 " + describe(old));
        refreshAfterCommit();
    }

    @Override
    @Transactional
    public Year describe(int year, String source, boolean confirmed) {
        String s = CalendarEntryRules.source(year, source, confirmed);
        Actor who = CurrentActor.get();
        Instant now = Instant.now(clock);
        store.describe(year, s, confirmed, now, who.name());
        audit(who, now, "calendar.year", year + " 年：" + (confirmed ? "已确认" : "待确认") + "，依据：" + (s == null ? "未填写" : s));
        return year(year);
    }

    @Override
    public OptionalInt missingNextYear() {
        LocalDate today = LocalDate.now(clock);
        int next = today.getYear() + 1;
        return today.getMonth() == Month.DECEMBER && !store.hasDays(next) ? OptionalInt.of(next) : OptionalInt.empty();
    }

    private void audit(Actor who, Instant now, String action, String detail) {
        events.publishEvent(AuditEvent.of(who, now, action, null, null, AuditOutcome.SUCCESS, detail));
    }

    /** What this transaction wrote counts once it commits; on a rollback the days read again are the old ones. */
    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendar.refresh();
                }
            });
        } else {
            calendar.refresh();
        }
    }

    private static String describe(Day d) {
        return d.date() + " " + d.name() + " " + d.kind().label();
    }

    private static String describe(Entry e) {
        return e.date() + " " + e.name() + " " + e.kind().label() + (e.note() == null ? "" : "（" + e.note() + "）");
    }

    private static ChengxinException notFound(LocalDate date) {
        return ChengxinException.notFound("CALENDAR_DAY_NOT_FOUND", "日历中没有 " + date + " 这一天");
    }
}
