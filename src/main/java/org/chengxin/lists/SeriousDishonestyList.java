package org.chengxin.lists;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chengxin.records.Records;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/**
 * The serious-dishonesty list (严重失信主体名单, policy 十四). The machine proposes candidates; every
 * entry is a reviewer's decision, made after the person was told and could state their case (国办发
 * 〔2020〕49号); an entry ends at its end date, when its records are revoked or
 * repaired, or by a reviewer's removal with reasons.
 */
public interface SeriousDishonestyList {

    /** The most candidates the list methods below return (a page or an export asks for fewer). */
    int CANDIDATES_MAX = 10_000;

    /**
     * The people the machine proposes to the reviewers of a department, from that department's records, newest record
     * first (at most {@value #CANDIDATES_MAX}).
     */
    List<Candidate> candidates(DepartmentCode departmentCode);

    /**
     * The department's candidates narrowed by the filter (at most {@value #CANDIDATES_MAX}): the people, the item and
     * the decision dates of the records the proposals rest on.
     */
    List<Candidate> candidates(DepartmentCode departmentCode, CandidateFilter filter);

    /**
     * The candidates' sorts: the newest record first (the default), the earliest record date, the number of records;
     * ties by the candidate's key (the lowest number of the records it rests on).
     */
    SortColumns CANDIDATE_SORT = Records.SERIOUS_SUBJECT_SORT;

    /** One page of the department's candidates as filtered and sorted, with the total: found, counted and paged in SQL. */
    PageResult<Candidate> candidates(DepartmentCode departmentCode, CandidateFilter filter, PageRequest request);

    /** How many candidates the department has (the count on the tab). */
    long countCandidates(DepartmentCode departmentCode);

    /** The department's candidates as filtered, in the request's order (its page and size ignored), up to {@code limit}. */
    List<Candidate> candidates(DepartmentCode departmentCode, CandidateFilter filter, PageRequest order, int limit);

    /** The department's candidate whose key (the lowest number of the records it rests on) is this; empty if none. */
    Optional<Candidate> candidate(DepartmentCode departmentCode, long key);

    /** The columns the reviewer's entries list sorts by: start date, end date; by default the newest decision first. */
    SortColumns ENTRY_SORT = SortColumns.of(Map.of("decided", "coalesce(e.decided_at, e.noticed_at)", "startDate", "e.start_date",
            "endDate", "e.end_date"), "decided", true);

    /** One page of the department's entries (in force, or ended and dropped) as filtered and sorted, with the total; in SQL. */
    PageResult<ListEntryRow> entries(DepartmentCode departmentCode, EntryFilter filter, PageRequest request);

    /** Every entry of the department as filtered and sorted (for an export), up to {@code limit}, one at a time. */
    void eachEntry(DepartmentCode departmentCode, EntryFilter filter, PageRequest order, int limit, Consumer<ListEntryRow> each);

    /** The columns the reviewer's open notices sort by: the day told (the default, newest first) and the last day for a statement. */
    SortColumns NOTICE_SORT = SortColumns.of(Map.of("noticed", "e.noticed_at", "noticeDue", "e.notice_due"), "noticed", true);

    /** One page of the department's open notices (told, not yet decided or dropped) as filtered and sorted, with the total; in SQL. */
    PageResult<ListEntryRow> notices(DepartmentCode departmentCode, NoticeFilter filter, PageRequest request);

    /** Every open notice of the department as filtered and sorted (for an export), up to {@code limit}, one at a time. */
    void eachNotice(DepartmentCode departmentCode, NoticeFilter filter, PageRequest order, int limit, Consumer<ListEntryRow> each);

    /**
     * Tells the person that the department intends to list them (告知): the facts, legal basis, records and
     * proposed period, and the last day to state their case. Refused when incomplete or resting on unusable
     * records, as a decision would be.
     */
    ListEntry notice(DepartmentCode departmentCode, Decision decision);

    /** The person states their case (陈述申辩) on a notice about them, until its last day. */
    ListEntry state(SubjectKey person, long entryId, String statement);

    /**
     * Lists the person on a notice of the department, for the period given: refused while the notice's
     * period runs and the person has not stated their case, or when its records are no longer usable.
     */
    ListEntry decide(DepartmentCode departmentCode, long entryId, LocalDate startDate, LocalDate endDate);

    /** Drops a notice of the department (不予列入) with the reason, for example after the person's statement. */
    ListEntry drop(DepartmentCode departmentCode, long entryId, String reason);

    /** The notices open for a person (not yet decided or dropped). */
    List<ListEntry> noticesFor(SubjectKey subject);

    /** Ends an entry of the department by a reviewer's removal decision. */
    ListEntry remove(long entryId, DepartmentCode departmentCode, String reason);

    List<ListEntry> ofDepartment(DepartmentCode departmentCode);

    /** The entries in force for a person. */
    List<ListEntry> activeFor(SubjectKey subject);

    /**
     * One page of the entries in force today (decided, begun, not past their end date), newest decision first: the
     * public list (严重失信主体名单公示). Noticed, dropped and ended entries are never among them.
     */
    List<ListEntry> inForce(int page, int size);

    /** How many entries are in force today. */
    long countInForce();

    /** Ends the entries past their end date; returns how many. */
    int endDue();
}
