package org.chengxin.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;

/**
 * How long the audit trail (security logs included: logins, lockouts, tokens) stays in the database before it is
 * archived. The Cybersecurity Law (网络安全法 第二十一条) asks for network logs kept at least six months; an entry is
 * archived once it is older than the retention, and the retention is never shorter than six months in production.
 */
record AuditRetention(Period period) {

    static final Period LEGAL_MINIMUM = Period.ofMonths(6);

    AuditRetention {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("审计日志保存期限 chengxin.audit.retention 必须为正，例如 P1Y");
        }
    }

    /** Entries recorded before this instant are old enough to archive. */
    Instant cutoff(Clock clock) {
        return ZonedDateTime.now(clock).minus(period).toInstant();
    }

    /**
     * Whether the period is shorter than six months on some day of the calendar (P180D is: six months before
     * 31 August is 28 or 29 February, 184 days). Every day of a four-year cycle is tried, which covers them all.
     */
    boolean belowLegalMinimum() {
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 1461; i++, day = day.plusDays(1)) {
            if (day.minus(period).isAfter(day.minus(LEGAL_MINIMUM))) {
                return true;
            }
        }
        return false;
    }
}
