package org.chengxin.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;

import org.chengxin.shared.organization.DepartmentCode;

/**
 * The auditor's review of the query log (policy 八): rules flag unusual use, and the auditor closes each
 * flag as justified or as misuse with a note. A misuse finding against a credit agency's query can place
 * the agency, or the member of its staff who queried, on the credit-agency blacklist.
 */
public interface QueryReview {

    /** Runs the rules over the recent query log; returns how many new flags were raised. */
    int scan();

    /** Flags, open first, newest first. */
    List<Flag> flags(int limit);

    /** The rules a flag may come from, in the order the page lists them. */
    List<String> RULES = List.of("MANY_PEOPLE", "OFF_HOURS", "REFUSED_NO_AUTHORIZATION", "REPEATED", "COMPLAINT");

    /**
     * The columns the flags may be sorted by: open first (default), the time raised, the organization. Ties go to the
     * newest.
     */
    SortColumns SORT = SortColumns.of(Map.of("status", "(status = 'OPEN')", "raisedAt", "raised_at", "organization", "organization"),
            "status", true);

    /** One page of the flags the filter matches, with their total. */
    PageResult<Flag> flags(FlagFilter filter, PageRequest request);

    /** The flags the filter matches in the request's order, at most {@code limit}, one at a time (an export); returns how many. */
    long eachFlag(FlagFilter filter, PageRequest order, int limit, Consumer<Flag> each);

    /**
     * What the auditor narrows the flags by; null parts match everything.
     *
     * @param status       OPEN, CLOSED (either verdict), JUSTIFIED or MISUSE
     * @param rule         the rule that raised the flag (one of {@link #RULES})
     * @param organization a part of the organization's name
     * @param from         raised at or after this instant
     * @param until        raised before this instant
     */
    record FlagFilter(String status, String rule, String organization, Instant from, Instant until) {

        public static final FlagFilter ALL = new FlagFilter(null, null, null, null, null);
    }

    /**
     * Closes an open flag.
     *
     * @param misuse     true when the use was not justified
     * @param blacklistUntil for a misuse by a credit agency: list the agency (or, with {@code staff}, the
     *                   querying member of staff) on the blacklist until this date; null not to list
     */
    Flag close(long flagId, boolean misuse, String note, LocalDate blacklistUntil, boolean staff);

    /**
     * Puts one entry of the query log before the auditor because the person complained about it (rule
     * {@code COMPLAINT}): a flag naming the entry, with the entry's actor and organization, to be closed like any other.
     * Referring the same entry again returns the flag already raised.
     *
     * @param detail why, in words for the auditor (never a complaint's text or a full ID number)
     */
    Flag refer(long queryId, String detail);

    /** The flags naming an entry of the query log, newest first: raised by the rules or referred after a complaint. */
    List<Flag> ofQuery(long queryId);

    record Flag(long id, String rule, String ruleLabel, String actor, String organization, DepartmentCode departmentCode, List<Long> queryIds,
            String detail, Instant raisedAt, String status, String note, String closedBy, Instant closedAt, Long blacklistId) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        /** Closed as misuse (违规使用). */
        public boolean misuse() {
            return "MISUSE".equals(status);
        }
    }
}
