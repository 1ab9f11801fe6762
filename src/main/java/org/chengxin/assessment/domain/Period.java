package org.chengxin.assessment.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chengxin.shared.error.ChengxinException;

/**
 * The period a scorecard covers: a calendar month ({@code 2026-10}) or a quarter ({@code 2026-Q4}), Beijing time.
 *
 * @param first the period's first month
 * @param last  its last month (the same for a month)
 */
public record Period(Kind kind, YearMonth first, YearMonth last) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String[] QUARTER_NAMES = { "一", "二", "三", "四" };

    public enum Kind {
        MONTH("月度"), QUARTER("季度");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month, month);
    }

    public static Period quarter(int year, int quarter) {
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return new Period(Kind.QUARTER, first, first.plusMonths(2));
    }

    /** The month or quarter a day falls in. */
    public static Period containing(LocalDate day, Kind kind) {
        return kind == Kind.MONTH ? month(YearMonth.from(day)) : quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** {@code 2026-10} or {@code 2026-Q4}; anything else is refused with ASSESSMENT_PERIOD_INVALID. */
    public static Period parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher q = QUARTER.matcher(t);
        if (q.matches()) {
            return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        }
        try {
            if (t.length() == 7) {
                return month(YearMonth.parse(t));
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw ChengxinException.badRequest("ASSESSMENT_PERIOD_INVALID", "考核期间应为月份（如 2026-10）或季度（如 2026-Q4）");
    }

    /** As {@link #parse} reads it back. */
    public String code() {
        return kind == Kind.MONTH ? first.toString() : first.getYear() + "-Q" + quarterNumber();
    }

    /** 2026年10月, 2026年第四季度. */
    public String label() {
        return kind == Kind.MONTH ? first.getYear() + "年" + first.getMonthValue() + "月"
                : first.getYear() + "年第" + QUARTER_NAMES[quarterNumber() - 1] + "季度";
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The first day of the period. */
    public LocalDate from() {
        return first.atDay(1);
    }

    /** The day after the period. */
    public LocalDate until() {
        return last.plusMonths(1).atDay(1);
    }

    /** The period before, of the same kind. */
    public Period previous() {
        return kind == Kind.MONTH ? month(first.minusMonths(1)) : containing(first.minusMonths(3).atDay(1), Kind.QUARTER);
    }

    private int quarterNumber() {
        return (first.getMonthValue() - 1) / 3 + 1;
    }
}
