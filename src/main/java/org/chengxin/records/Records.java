package org.chengxin.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.listing.SortColumns;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.subject.SubjectKey;

/** The records module's API. */
public interface Records {

    /**
     * Stores validated records: new ones are accepted, a known (department, source id) with new
     * content becomes a new version, the same content again changes nothing. Joins the caller's
     * transaction.
     */
    StoreResult store(List<NewRecord> records, Long batchId);

    /** A record, unless it has expired (whether or not the daily job has marked it yet). */
    Optional<CreditRecord> find(long id);

    /**
     * These records whatever their status (one past its period reads as expired), in no particular order; ids that name no
     * record are left out. For a module that reports on records in sets (the exchange's change feed).
     */
    List<CreditRecord> byIds(Collection<Long> ids);

    /**
     * The records of a person that are shown today: active, under objection or suspended after an objection
     * not verified in time (shown, marked, not used), not expired.
     */
    List<CreditRecord> inForceFor(SubjectKey subject);

    /** A record of this department, expired or revoked included (the department's own review). */
    Optional<CreditRecord> findOfDepartment(long id, DepartmentCode departmentCode);

    /** Every record of a person, whatever its status (the evaluation applies its own counting rule). */
    List<CreditRecord> allFor(SubjectKey subject);

    /** A department's records of a severity that are shown and used today (at most {@code limit}). */
    List<CreditRecord> inForceOfDepartment(DepartmentCode departmentCode, String severity, int limit);

    /**
     * The sorts of the people {@link #seriousSubjects} puts forward: {@code newest} (the highest basis record number),
     * {@code earliest} (the earliest basis decision date), {@code records} (how many basis records); ties by the lowest
     * basis record number.
     */
    SortColumns SERIOUS_SUBJECT_SORT = SortColumns.of(Map.of("newest", "last_record_id", "earliest", "earliest", "records",
            "basis_records"), "newest", true);

    /** One page of the people a department's serious records put forward, as the query narrows them, with the total; in SQL. */
    PageResult<SeriousSubjectsQuery.SeriousSubject> seriousSubjects(SeriousSubjectsQuery query, PageRequest page);

    /** How many people the query puts forward. */
    long countSeriousSubjects(SeriousSubjectsQuery query);

    /** Every person the query puts forward, in the request's order (its page and size ignored), up to {@code limit}. */
    List<SeriousSubjectsQuery.SeriousSubject> seriousSubjects(SeriousSubjectsQuery query, PageRequest order, int limit);

    /**
     * One page of the good-credit records (优良信用记录, policy 十三) that are shown and used today, newest
     * decision first; of one item when {@code itemCode} is not null.
     */
    List<CreditRecord> goodCreditInForce(String itemCode, int page, int size);

    /** How many good-credit records are shown and used today, by item code. */
    Map<String, Long> goodCreditInForceByItem();

    /** The columns the good-credit list may be sorted by: 决定日期 (the default, newest first) and 有效期限. */
    SortColumns GOOD_CREDIT_SORT = SortColumns.of(Map.of("decisionDate", "decision_date", "expiresOn", "expires_on"), "decisionDate",
            true);

    /** One page of the good-credit records (优良信用记录名单) as filtered, with the total it matches. */
    PageResult<CreditRecord> goodCreditList(GoodCreditFilter filter, PageRequest page);

    /**
     * One page of the good-credit records as filtered, with a total the caller already holds (the counts in force by
     * item, kept: counting the city's millions of good-credit records takes seconds, reading a page milliseconds).
     */
    PageResult<CreditRecord> goodCreditList(GoodCreditFilter filter, PageRequest page, long total);

    /**
     * Every good-credit record the filter matches, in the page request's order (its page and size ignored), handed one
     * at a time from a database cursor (an export of any size without holding the rows); returns how many.
     */
    long eachGoodCredit(GoodCreditFilter filter, PageRequest order, Consumer<CreditRecord> each);

    /** Records first accepted per catalog item and month (Beijing time) since a day: the public figures. */
    List<ItemMonth> acceptedPerItemAndMonth(LocalDate since);

    /** Records shown and used today, per kind of item (守信, 失信, ...): the public figures. */
    Map<String, Long> inForceByKind();

    /** How many records of an item were first accepted in a month. */
    record ItemMonth(String itemCode, YearMonth month, long count) {
    }

    /**
     * Records first accepted from {@code from} up to the day before {@code to} (Beijing time), counted per department,
     * item, decision date and day of acceptance: the assessment of departments (policy 十六) reads volume, the items
     * pushed and the working days from decision to push from it.
     */
    List<AcceptedCount> acceptedBetween(LocalDate from, LocalDate to);

    /** How many records of a department and item, decided on a day, were first accepted on a day. */
    record AcceptedCount(DepartmentCode departmentCode, String itemCode, LocalDate decisionDate, LocalDate acceptedOn, long count) {
    }

    /**
     * One page of the administrative licensing and penalty decisions published today (双公示), newest decision
     * first: records of the items asked for whose own disclosure scope is public, never a minor (轻微) one, shown
     * (active, under objection or suspended, the last marked) and within their publication period. A record
     * expired, revoked or repaired is not among them from that moment on.
     */
    List<CreditRecord> publicDecisions(PublicDecisionQuery query, int page, int size);

    /**
     * How many decisions {@link #publicDecisions} has for the query, counted up to {@code atMost}: a page turns through
     * the first rows only, and counting the city's millions of published decisions takes seconds.
     */
    long countPublicDecisions(PublicDecisionQuery query, long atMost);

    /** A decision the 双公示 publishes today, by its id, person and item: what a baseline of the exchange starts from. */
    record Published(long id, SubjectKey subject, String itemCode) {
    }

    /**
     * The decisions of these items published today (as {@link #publicDecisions} publishes them) with an id above
     * {@code afterId}, in id order, at most {@code limit}: a keyset page, so that the city's millions are read in passes
     * of a bounded size.
     */
    List<Published> publishedAfter(Set<String> itemCodes, long afterId, int limit);

    /** How many decisions of these items are published today, by department. */
    Map<DepartmentCode, Long> publicDecisionsByDepartment(Set<String> itemCodes);

    /** A record of this department by the source id it was pushed with. */
    Optional<CreditRecord> findBySource(DepartmentCode departmentCode, String sourceId);

    /** A department's records, newest first, expired ones included for its own review. */
    List<CreditRecord> ofDepartment(DepartmentCode departmentCode, int page, int size);

    long countOfDepartment(DepartmentCode departmentCode);

    /** The columns a department's records list may be sorted by: 入库时间 (the default, newest first) and 决定日期. */
    SortColumns LIST_SORT = SortColumns.of(Map.of("acceptedAt", "accepted_at", "decisionDate", "decision_date"), "acceptedAt", true);

    /** One page of a department's records (expired and revoked included) as filtered, with the total it matches. */
    PageResult<RecordListRow> listOfDepartment(RecordFilter filter, PageRequest page);

    /**
     * Every record the filter matches, in the page request's order (its page and size ignored), handed one at a
     * time as the database cursor gives them (an export of any size without holding the rows); returns how many.
     */
    long eachOfDepartment(RecordFilter filter, PageRequest order, Consumer<RecordListRow> each);

    /** The columns the holders of an archive may be sorted by: 最近决定日期 (the default, newest first) and 记录数. */
    SortColumns HOLDER_SORT = SortColumns.of(Map.of("latest", "max(decision_date)", "records", "count(*)"), "latest", true);

    /**
     * One page of the people holding records in force of the filter's qualifying items, each with the count and latest
     * decision date of their records in force of the counted items, and the total of such people: one grouped query.
     */
    PageResult<HolderFilter.Holder> holders(HolderFilter filter, PageRequest page);

    List<RecordVersion> versionsOf(long recordId);

    /** Revokes a record of the department with a reason; refused for another department's record. */
    CreditRecord revoke(long recordId, DepartmentCode departmentCode, String reason);

    /** Revokes the record a department knows by its own source id. */
    CreditRecord revokeBySource(DepartmentCode departmentCode, String sourceId, String reason);

    /**
     * Puts a record under objection (异议处理中) for the reason given: it is still shown and used, marked as
     * disputed. Only an active record; refused with the lifecycle's code otherwise (docs/architecture.md 8.2).
     */
    CreditRecord markObjected(long recordId, String reason);

    /**
     * Suspends a record whose objection was not verified in time (the configured rule for overdue
     * objections): still shown, marked 异议逾期未核查，暂停使用, but used for neither points, lists nor measures
     * until the objection is decided. Only a record under objection.
     */
    CreditRecord markSuspended(long recordId, String reason);

    /** Ends the objection to a record that stands as it was: active again, no longer disputed (nor suspended). */
    CreditRecord resolveObjection(long recordId, String reason);

    /**
     * Corrects one content field of a record under objection (suspended or not), as the department decided
     * it: the next version (the old one kept), active again. Refused unless the record is under objection.
     */
    CreditRecord correctOnObjection(long recordId, String field, String value, String reason);

    /** Repairs a record (信用修复) for the reason given: neither shown nor used any more. Only an active record. */
    CreditRecord markRepaired(long recordId, String reason);

    /** Marks every record past its maximum disclosure period as expired; returns how many. */
    int expireDue();

    /**
     * Dishonesty records first accepted after record {@code afterId}, still shown and used, in id order up to the first
     * accepted at or after {@code before}: what the notifications module tells the people concerned, in sets, after
     * the fact.
     */
    List<CreditRecord> dishonestyAcceptedAfter(long afterId, Instant before, int limit);
}
