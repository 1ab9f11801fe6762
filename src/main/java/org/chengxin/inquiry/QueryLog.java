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
import org.chengxin.shared.subject.SubjectKey;

/**
 * The query log: every use of a person's data by somebody else — report queries, allowed or refused, credit-status
 * answers and measure checks (section 11 of docs/architecture.md) — and the person's own report queries, which the
 * person can read.
 */
public interface QueryLog {

    /** The entries about a person since a time, newest first. */
    List<Entry> of(SubjectKey subject, Instant since);

    /** The most recent entries of everybody, newest first (the auditor's review). */
    List<Entry> recent(int limit);

    /** The columns the auditor's list may be sorted by: the time of the query (default, newest first) and the organization. */
    SortColumns SORT = SortColumns.of(Map.of("time", "queried_at", "organization", "organization"), "time", true);

    /** One page of the entries of everybody the filter matches, with their total (the auditor's review). */
    PageResult<Entry> page(Filter filter, PageRequest request);

    /**
     * The entries the filter matches in the request's order (its page and size ignored), at most {@code limit}, read
     * from a database cursor and handed over one at a time (an export). Returns how many were handed over.
     */
    long each(Filter filter, PageRequest order, int limit, Consumer<Entry> each);

    /**
     * What the auditor narrows the log by; null parts match everything.
     *
     * @param subject      the person the entries are about (from an ID number the auditor typed, never stored)
     * @param organization a part of the organization's name
     * @param department   the department that queried
     * @param purpose      a part of the stated purpose
     * @param kind         the kind of use ({@code QueryKind} name)
     * @param refused      true for refusals only, false for allowed uses only
     * @param from         entries at or after this instant
     * @param until        entries before this instant
     */
    record Filter(SubjectKey subject, String organization, DepartmentCode department, String purpose, String kind, Boolean refused,
            Instant from, Instant until) {

        public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null);
    }

    /**
     * Uses of people's data by somebody else (not the person's own queries) logged after entry {@code afterId}, in id
     * order up to the first logged at or after {@code before}: what the notifications module tells the people
     * concerned.
     */
    List<Use> usesAfter(long afterId, Instant before, int limit);

    /**
     * Queries of people's credit information per day (Beijing time) from {@code from} up to the day before {@code to}, in
     * one grouped count: report queries of every kind, the person's own included, and credit-status answers, allowed or
     * refused; not measure checks, which the measures module counts. Only days with a query, oldest first.
     */
    List<DayCount> queriesPerDay(LocalDate from, LocalDate to);

    /**
     * @param queries the queries of the day, allowed or refused
     * @param refused those refused
     */
    record DayCount(LocalDate day, long queries, long refused) {
    }

    /** An entry with the person it is about. */
    record Use(SubjectKey subject, Entry entry) {
    }

    /**
     * One use of a person's data.
     *
     * @param organization  the organization that used the data (a department's name, never its code), or 本人
     * @param actor         the clerk's login name, the system's client id or the person's masked number
     * @param actorName     the clerk's real name or the system's registered name where the platform knows it
     * @param basis         the legal basis or authorization the use rested on, in words (null for older entries)
     * @param refusalReason the refusal in Chinese words for the person (the code stays for the auditor)
     * @param outcome       what came of it, in Chinese: 已出具 + report number, 已答复, 已核查 or 已拒绝 + the reason
     */
    record Entry(long id, Instant at, String kind, String kindLabel, String organization, DepartmentCode departmentCode, String actor,
            String actorName, String purpose, Long authorizationId, String basis, boolean refused, String refusalCode,
            String refusalReason, String reportNumber, String outcome, String maskedId) {

        /** Who acted, as the person reads it: the real name where known, else the login name or client id. */
        public String shownActor() {
            return actorName == null || actorName.isBlank() ? actor : actorName;
        }
    }
}
