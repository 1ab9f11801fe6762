package org.chengxin.lists.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.identity.Citizens;
import org.chengxin.lists.Candidate;
import org.chengxin.lists.CandidateFilter;
import org.chengxin.lists.EntryFilter;
import org.chengxin.lists.NoticeFilter;
import org.chengxin.lists.ListEntryRow;
import org.chengxin.lists.Decision;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.ListEntryChanged;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.lists.domain.ListEndPolicy;
import org.chengxin.lists.domain.ListRecord;
import org.chengxin.lists.domain.SeriousDishonestyCandidates;
import org.chengxin.lists.domain.SeriousDishonestyCandidates.Escalation;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.records.SeriousSubjectsQuery;
import org.chengxin.records.SeriousSubjectsQuery.SeriousSubject;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.jdbc.SubjectKeys;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.time.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcSeriousDishonestyList implements SeriousDishonestyList {

    static final String KIND = "SERIOUS_DISHONESTY";
    /** The longest an entry may last: the city's ceiling on disclosure (policy 十). */
    static final int MAX_YEARS = 3;
    /** The longest statement (陈述申辩) a person may write, in characters. */
    static final int STATEMENT_MAX = 2000;

    private final JdbcClient jdbc;
    private final Records records;
    private final Catalog catalog;
    private final Citizens citizens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final int noticeWorkingDays;

    JdbcSeriousDishonestyList(JdbcClient jdbc, Records records, Catalog catalog, Citizens citizens,
            ApplicationEventPublisher events, Clock clock, WorkingCalendar calendar,
            @Value("${chengxin.lists.notice-working-days:5}") int noticeWorkingDays) {
        this.calendar = calendar;
        this.noticeWorkingDays = noticeWorkingDays;
        this.jdbc = jdbc;
        this.records = records;
        this.catalog = catalog;
        this.citizens = citizens;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Candidate> candidates(DepartmentCode departmentCode) {
        return candidates(departmentCode, CandidateFilter.NONE);
    }

    @Override
    public List<Candidate> candidates(DepartmentCode departmentCode, CandidateFilter filter) {
        return candidates(departmentCode, filter, PageRequest.of(null, null, null, null, CANDIDATE_SORT), CANDIDATES_MAX);
    }

    @Override
    public PageResult<Candidate> candidates(DepartmentCode departmentCode, CandidateFilter filter, PageRequest request) {
        PageResult<SeriousSubject> people = records.seriousSubjects(seriousSubjects(departmentCode, filter), request);
        return new PageResult<>(candidatesOf(departmentCode, people.items()), people.total(), people.request());
    }

    @Override
    public List<Candidate> candidates(DepartmentCode departmentCode, CandidateFilter filter, PageRequest order, int limit) {
        return candidatesOf(departmentCode, records.seriousSubjects(seriousSubjects(departmentCode, filter), order,
                Math.min(limit, CANDIDATES_MAX)));
    }

    @Override
    public long countCandidates(DepartmentCode departmentCode) {
        return records.countSeriousSubjects(seriousSubjects(departmentCode, CandidateFilter.NONE));
    }

    @Override
    public Optional<Candidate> candidate(DepartmentCode departmentCode, long key) {
        return records.findOfDepartment(key, departmentCode).flatMap(r -> candidates(departmentCode,
                new CandidateFilter(List.of(r.subject()), null, null, null), PageRequest.of(null, null, null, null, CANDIDATE_SORT), 1)
                .stream().filter(c -> c.recordIds().stream().mapToLong(Long::longValue).min().orElse(0) == key).findFirst());
    }

    /**
     * Who the machine may propose, asked of the records module with the rules as parameters: the items of a category of
     * (十四) in today's catalog, the escalation, and the people this department already told or listed left out.
     */
    private SeriousSubjectsQuery seriousSubjects(DepartmentCode departmentCode, CandidateFilter filter) {
        LocalDate today = LocalDate.now(clock);
        Set<String> categories = new HashSet<>();
        catalog.current().allItems().stream().filter(i -> i.dishonestyCategory() != null).forEach(i -> categories.add(i.code()));
        List<SubjectKey> excluded = jdbc.sql("""
                select distinct subject_index from lists_entry
                where department_code = :d and (status = 'NOTICED' or (status = 'ACTIVE' and end_date >= :today))""")
                .param("d", departmentCode.value()).param("today", today).query((rs, n) -> SubjectKeys.read(rs, "subject_index")).list();
        Escalation escalation = Escalation.YUEYANG;
        return new SeriousSubjectsQuery(departmentCode, categories, escalation.records(), today.minusMonths(escalation.months()),
                filter.subjects(), excluded, filter.itemCode(), filter.from(), filter.to());
    }

    /** The people put forward as candidates: the rules run on each person's records for the proposals and their reasons. */
    private List<Candidate> candidatesOf(DepartmentCode departmentCode, List<SeriousSubject> people) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> masked = people.isEmpty() ? Map.of()
                : citizens.maskedIds(people.stream().map(SeriousSubject::subjectId).distinct().toList());
        List<Candidate> candidates = new ArrayList<>();
        for (SeriousSubject person : people) {
            List<ListRecord> theirs = records.allFor(person.subject()).stream().map(r -> listRecord(r, today)).toList();
            var proposals = SeriousDishonestyCandidates.proposals(departmentCode, theirs, Escalation.YUEYANG, today);
            if (proposals.isEmpty()) {
                continue; // changed since the page was counted
            }
            Set<Long> basisIds = new HashSet<>();
            proposals.forEach(p -> basisIds.addAll(p.recordIds()));
            List<ListRecord> basis = theirs.stream().filter(r -> basisIds.contains(r.recordId())).toList();
            candidates.add(new Candidate(person.subject(), masked.getOrDefault(person.subjectId(), "—"), proposals, person.subjectId(),
                    basis.stream().map(ListRecord::itemCode).distinct().toList(),
                    basis.stream().map(ListRecord::decisionDate).min(Comparator.naturalOrder()).orElse(null)));
        }
        return candidates;
    }

    @Override
    @Transactional
    public ListEntry notice(DepartmentCode departmentCode, Decision d) {
        if (blank(d.documentNumber()) || blank(d.legalBasis()) || blank(d.criteria()) || d.startDate() == null || d.endDate() == null) {
            throw ChengxinException.badRequest("LIST_DECISION_INCOMPLETE", "认定决定须写明决定书文号、法律依据、认定标准和起止日期");
        }
        checkPeriod(d.startDate(), d.endDate());
        if (d.recordIds() == null || d.recordIds().isEmpty()) {
            throw ChengxinException.badRequest("LIST_WITHOUT_RECORDS", "认定须依据至少一条信用记录");
        }
        List<CreditRecord> basis = checkRecords(departmentCode, d.subject(), d.recordIds());
        if (activeFor(d.subject()).stream().anyMatch(e -> e.departmentCode().equals(departmentCode))
                || noticesFor(d.subject()).stream().anyMatch(e -> e.departmentCode().equals(departmentCode))) {
            throw ChengxinException.conflict("LIST_ALREADY_NOTICED", "本部门已对该当事人发出认定告知或已将其列入名单");
        }
        Instant now = Instant.now(clock);
        LocalDate due = calendar.plusWorkingDays(LocalDate.now(clock), noticeWorkingDays);
        long id = jdbc.sql("""
                insert into lists_entry (list_kind, subject_index, department_code, document_number, legal_basis, criteria,
                    start_date, end_date, status, noticed_by, noticed_at, notice_due)
                values (:k, :s, :d, :doc, :basis, :criteria, :start, :end, 'NOTICED', :by, :at, :due) returning id""")
                .param("k", KIND).param("s", d.subject().bytes()).param("d", departmentCode.value()).param("doc", d.documentNumber().strip())
                .param("basis", d.legalBasis().strip()).param("criteria", d.criteria().strip()).param("start", d.startDate())
                .param("end", d.endDate()).param("by", CurrentActor.get().name()).param("at", Timestamp.from(now)).param("due", due)
                .query(Long.class).single();
        for (CreditRecord r : basis) {
            jdbc.sql("""
                    insert into lists_entry_record (entry_id, record_id, item_code, subject_id, subject_index)
                    values (:e, :r, :item, :subject, :key)""")
                    .param("e", id).param("r", r.id()).param("item", r.itemCode()).param("subject", r.subjectId())
                    .param("key", d.subject().bytes()).update();
        }
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.notice", d.subject(), "严重失信主体认定告知", AuditOutcome.SUCCESS,
                "拟列入严重失信主体名单的告知，决定书 " + d.documentNumber().strip() + "，陈述申辩期限至 " + due));
        ListEntry noticed = entry(id);
        changed(ListEntryChanged.Change.NOTICED, noticed, null, now);
        return noticed;
    }

    @Override
    @Transactional
    public ListEntry state(SubjectKey person, long entryId, String statement) {
        ListEntry e = locked(entryId).filter(x -> x.subject().equals(person) && x.noticed())
                .orElseThrow(() -> ChengxinException.notFound("LIST_NOTICE_NOT_FOUND", "告知不存在、不是关于您的，或已作出决定"));
        if (LocalDate.now(clock).isAfter(e.noticeDue())) {
            throw ChengxinException.conflict("LIST_STATEMENT_TOO_LATE", "陈述申辩期限已于 " + e.noticeDue() + " 届满");
        }
        // an ID number written into the text (the person's own or another's) is kept masked, as everywhere
        String text = statement == null ? "" : Masking.maskIdShaped(statement.strip());
        int length = text.codePointCount(0, text.length());
        if (length == 0 || length > STATEMENT_MAX) {
            throw ChengxinException.badRequest("LIST_STATEMENT_INVALID", "陈述申辩须为 1 至 " + STATEMENT_MAX + " 个字");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("update lists_entry set statement = :t, stated_at = :at where id = :id")
                .param("t", text).param("at", Timestamp.from(now)).param("id", entryId).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.statement", person, "严重失信主体认定告知", AuditOutcome.SUCCESS,
                "当事人对告知 " + entryId + " 提出陈述申辩（" + length + " 字）"));
        return entry(entryId);
    }

    @Override
    @Transactional
    public ListEntry decide(DepartmentCode departmentCode, long entryId, LocalDate startDate, LocalDate endDate) {
        ListEntry e = noticeOf(departmentCode, entryId);
        LocalDate today = LocalDate.now(clock);
        if (e.statement() == null && !today.isAfter(e.noticeDue())) {
            throw ChengxinException.conflict("LIST_NOTICE_PERIOD_OPEN", "陈述申辩期限至 " + e.noticeDue()
                    + "，当事人尚未陈述申辩：须待期限届满或收到陈述申辩后方可作出认定");
        }
        if (startDate == null || endDate == null) {
            throw ChengxinException.badRequest("LIST_DECISION_INCOMPLETE", "认定决定须写明决定书文号、法律依据、认定标准和起止日期");
        }
        checkPeriod(startDate, endDate);
        checkRecords(departmentCode, e.subject(), e.recordIds());
        Instant now = Instant.now(clock);
        jdbc.sql("""
                update lists_entry set status = 'ACTIVE', start_date = :start, end_date = :end, decided_by = :by, decided_at = :at
                where id = :id""").param("start", startDate).param("end", endDate).param("by", CurrentActor.get().name())
                .param("at", Timestamp.from(now)).param("id", entryId).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.add", e.subject(), "严重失信主体认定", AuditOutcome.SUCCESS,
                "列入严重失信主体名单，决定书 " + e.documentNumber() + "，期限 " + startDate + " 至 " + endDate
                        + (e.statement() == null ? "，当事人未陈述申辩" : "，已听取当事人陈述申辩")));
        ListEntry decided = entry(entryId);
        changed(ListEntryChanged.Change.ADDED, decided, null, now);
        return decided;
    }

    @Override
    @Transactional
    public ListEntry drop(DepartmentCode departmentCode, long entryId, String reason) {
        ListEntry e = noticeOf(departmentCode, entryId);
        if (blank(reason)) {
            throw ChengxinException.badRequest("LIST_DROP_REASON_REQUIRED", "不予列入须说明理由");
        }
        String why = Masking.maskIdShaped(reason.strip());
        Instant now = Instant.now(clock);
        jdbc.sql("update lists_entry set status = 'DROPPED', ended_at = :at, end_reason = :r where id = :id")
                .param("at", Timestamp.from(now)).param("r", why).param("id", entryId).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.drop", e.subject(), "严重失信主体认定告知", AuditOutcome.SUCCESS,
                "告知 " + entryId + " 不予列入：" + why));
        ListEntry dropped = entry(entryId);
        changed(ListEntryChanged.Change.DROPPED, dropped, why, now);
        return dropped;
    }

    @Override
    public List<ListEntry> noticesFor(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s and status = 'NOTICED' order by noticed_at desc")
                .param("s", subject.bytes()).query(this::map).list();
    }

    /** An open notice of the department, locked; another department's is answered as a missing one. */
    private ListEntry noticeOf(DepartmentCode departmentCode, long entryId) {
        ListEntry e = locked(entryId).filter(x -> x.departmentCode().equals(departmentCode))
                .orElseThrow(() -> ChengxinException.notFound("LIST_ENTRY_NOT_FOUND", "名单条目不存在或不属于本部门"));
        if (!e.noticed()) {
            throw ChengxinException.conflict("LIST_NOTICE_CLOSED", "该告知已作出决定");
        }
        return e;
    }

    private Optional<ListEntry> locked(long entryId) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", entryId).query(this::map).optional();
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start) || end.isAfter(start.plusYears(MAX_YEARS))) {
            throw ChengxinException.badRequest("LIST_PERIOD_INVALID", "名单期限须从开始日起不超过" + MAX_YEARS + "年，且结束日不早于开始日");
        }
    }

    /** The records an entry would rest on, each checked: the department's own, the person's, serious, counting, not a minor's. */
    private List<CreditRecord> checkRecords(DepartmentCode departmentCode, SubjectKey subject, List<Long> recordIds) {
        List<CreditRecord> checked = new ArrayList<>();
        for (long id : recordIds) {
            CreditRecord r = records.findOfDepartment(id, departmentCode)
                    .orElseThrow(() -> ChengxinException.badRequest("LIST_RECORD_NOT_OWN", "所依据的记录须为本部门报送的记录：" + id));
            if (!r.subject().equals(subject) || !r.status().counts() || !"SERIOUS".equals(r.severity())) {
                throw ChengxinException.badRequest("LIST_RECORD_NOT_USABLE", "所依据的记录须为该当事人有效的严重失信记录：" + id);
            }
            // as courts may not put a minor on the list of dishonest judgment debtors (法释〔2017〕7号 第四条), and nothing
            // that identifies a minor is published (未成年人保护法 第一百零三条)
            if (Boolean.TRUE.equals(r.subjectMinor())) {
                throw ChengxinException.badRequest("LIST_SUBJECT_MINOR", "所依据的记录作出时当事人未满18周岁，不得列入严重失信主体名单：" + id);
            }
            checked.add(r);
        }
        return checked;
    }

    private void changed(ListEntryChanged.Change change, ListEntry e, String reason, Instant at) {
        events.publishEvent(new ListEntryChanged(change, e.id(), e.subject(), e.departmentCode(), e.documentNumber(), e.legalBasis(),
                e.startDate(), e.endDate(), reason, change == ListEntryChanged.Change.NOTICED ? e.noticeDue() : null, at));
    }

    @Override
    @Transactional
    public ListEntry remove(long entryId, DepartmentCode departmentCode, String reason) {
        ListEntry e = ofDepartment(departmentCode).stream().filter(x -> x.id() == entryId).findFirst()
                .orElseThrow(() -> ChengxinException.notFound("LIST_ENTRY_NOT_FOUND", "名单条目不存在或不属于本部门"));
        if (!e.active()) {
            throw ChengxinException.conflict("LIST_ENTRY_ENDED", "该名单条目已结束");
        }
        if (blank(reason)) {
            throw ChengxinException.badRequest("LIST_REMOVAL_REASON_REQUIRED", "移出名单须说明理由");
        }
        end(e, "审核员决定移出：" + Masking.maskIdShaped(reason.strip()));
        return entry(entryId);
    }

    @Override
    public List<ListEntry> ofDepartment(DepartmentCode departmentCode) {
        return jdbc.sql(SELECT + " where department_code = :d order by decided_at desc").param("d", departmentCode.value())
                .query(this::map).list();
    }

    @Override
    public List<ListEntry> activeFor(SubjectKey subject) {
        return jdbc.sql(SELECT + " where subject_index = :s and status = 'ACTIVE' and end_date >= :today")
                .param("s", subject.bytes()).param("today", LocalDate.now(clock)).query(this::map).list();
    }

    // the same rule as activeFor: in force from its start date to its end date, whether or not endDue has run
    private static final String IN_FORCE = " where status = 'ACTIVE' and start_date <= :today and end_date >= :today";

    @Override
    public List<ListEntry> inForce(int page, int size) {
        return jdbc.sql(SELECT + IN_FORCE + " order by decided_at desc, id desc limit :size offset :offset")
                .param("today", LocalDate.now(clock)).param("size", size).param("offset", (long) page * size)
                .query(this::map).list();
    }

    @Override
    public long countInForce() {
        return jdbc.sql("select count(*) from lists_entry" + IN_FORCE).param("today", LocalDate.now(clock)).query(Long.class).single();
    }

    @Override
    @Transactional
    public int endDue() {
        List<ListEntry> due = jdbc.sql(SELECT + " where status = 'ACTIVE' and end_date < :today")
                .param("today", LocalDate.now(clock)).query(this::map).list();
        due.forEach(e -> end(e, ListEndPolicy.Reason.PERIOD_OVER.label()));
        return due.size();
    }

    /** Ends the active entries that rest only on records no longer usable (revoked, repaired, expired). */
    @Transactional
    void endEntriesOf(long recordId, String why) {
        List<Long> entryIds = jdbc.sql("""
                select e.id from lists_entry e join lists_entry_record r on r.entry_id = e.id
                where r.record_id = :r and e.status = 'ACTIVE'""").param("r", recordId).query(Long.class).list();
        for (long id : entryIds) {
            ListEntry e = entry(id);
            LocalDate today = LocalDate.now(clock);
            List<ListRecord> theirs = e.recordIds().stream().flatMap(rid -> records.find(rid).stream()).map(r -> listRecord(r, today)).toList();
            ListEndPolicy.endOf(e.endDate(), theirs, today).ifPresent(reason ->
                    end(e, reason == ListEndPolicy.Reason.RECORDS_GONE ? why : reason.label()));
        }
    }

    private void end(ListEntry e, String reason) {
        Instant now = Instant.now(clock);
        jdbc.sql("update lists_entry set status = 'ENDED', ended_at = :at, end_reason = :r where id = :id")
                .param("at", Timestamp.from(now)).param("r", reason).param("id", e.id()).update();
        events.publishEvent(AuditEvent.of(CurrentActor.get(), now, "lists.end", e.subject(), "严重失信主体名单", AuditOutcome.SUCCESS,
                "名单条目 " + e.id() + " 结束：" + reason));
        changed(ListEntryChanged.Change.ENDED, e, reason, now);
    }

    private ListEntry entry(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).single();
    }

    private ListRecord listRecord(CreditRecord r, LocalDate today) {
        Item item = catalog.item(r.itemCode()).orElse(null);
        return new ListRecord(r.id(), r.departmentCode(), r.itemCode(), item == null ? r.itemCode() : item.name(), r.severity(),
                item == null ? null : item.dishonestyCategory(), r.decisionDate(),
                r.status().counts() && r.expiresOn().isAfter(today));
    }

    private static final String SELECT = "select * from lists_entry";
    /** The days a notice was told on are Beijing days, as the page shows them. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    // the person's subject id and the items of an entry's records, as kept with the entry when it was made (V35)
    private static final String ROW_SELECT = """
            select e.*,
                (select min(r.subject_id) from lists_entry_record r where r.entry_id = e.id) as row_subject_id,
                (select string_agg(distinct r.item_code, ',') from lists_entry_record r where r.entry_id = e.id) as row_item_codes
            from lists_entry e""";

    @Override
    public PageResult<ListEntryRow> entries(DepartmentCode departmentCode, EntryFilter filter, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        long total = jdbc.sql("select count(*) from lists_entry e" + where).params(params).query(Long.class).single();
        List<ListEntryRow> rows = jdbc.sql(ROW_SELECT + where + " order by " + request.orderBy(ENTRY_SORT, "e.id")
                + " limit :limit offset :offset").params(params).param("limit", request.size()).param("offset", request.offset())
                .query(this::row).list();
        return new PageResult<>(rows, total, request);
    }

    @Override
    public void eachEntry(DepartmentCode departmentCode, EntryFilter filter, PageRequest order, int limit, Consumer<ListEntryRow> each) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        jdbc.sql(ROW_SELECT + where + " order by " + order.orderBy(ENTRY_SORT, "e.id") + " limit :limit").params(params)
                .param("limit", limit).query(this::row).list().forEach(each);
    }

    /** The filter as SQL, every value a parameter. */
    private static String where(DepartmentCode departmentCode, EntryFilter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where e.department_code = :dept");
        params.put("dept", departmentCode.value());
        w.append(f.ended() ? " and e.status in ('ENDED', 'DROPPED')" : " and e.status = 'ACTIVE'");
        personAndItem(w, params, f.subjects(), f.itemCode());
        range(w, params, "e.start_date", "startFrom", f.startFrom(), "startTo", f.startTo());
        range(w, params, "e.end_date", "endFrom", f.endFrom(), "endTo", f.endTo());
        return w.toString();
    }

    /** The notices' filter as SQL, every value a parameter; the days told are Beijing days, the state as of today. */
    private String where(DepartmentCode departmentCode, NoticeFilter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" where e.department_code = :dept and e.status = 'NOTICED'");
        params.put("dept", departmentCode.value());
        personAndItem(w, params, f.subjects(), f.itemCode());
        if (f.noticedFrom() != null) {
            w.append(" and e.noticed_at >= :noticedFrom");
            params.put("noticedFrom", Timestamp.from(f.noticedFrom().atStartOfDay(BEIJING).toInstant()));
        }
        if (f.noticedTo() != null) {
            w.append(" and e.noticed_at < :noticedBefore");
            params.put("noticedBefore", Timestamp.from(f.noticedTo().plusDays(1).atStartOfDay(BEIJING).toInstant()));
        }
        if (f.state() != null) {
            // the page's words for a notice without a statement: 期限已届满 once today is past its last day
            w.append(switch (f.state()) {
                case OPEN -> " and e.statement is null and e.notice_due >= :today";
                case STATED -> " and e.statement is not null";
                case LAPSED -> " and e.statement is null and e.notice_due < :today";
            });
            if (f.state() != NoticeFilter.State.STATED) {
                params.put("today", LocalDate.now(clock));
            }
        }
        return w.toString();
    }

    private static void personAndItem(StringBuilder w, Map<String, Object> params, List<SubjectKey> subjects, String itemCode) {
        if (subjects != null) {
            if (subjects.isEmpty()) {
                w.append(" and false");
            } else {
                w.append(" and e.subject_index in (:subjects)");
                params.put("subjects", subjects.stream().map(SubjectKey::bytes).toList());
            }
        }
        if (itemCode != null) {
            w.append(" and exists (select 1 from lists_entry_record r where r.entry_id = e.id and r.item_code = :item)");
            params.put("item", itemCode);
        }
    }

    @Override
    public PageResult<ListEntryRow> notices(DepartmentCode departmentCode, NoticeFilter filter, PageRequest request) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        long total = jdbc.sql("select count(*) from lists_entry e" + where).params(params).query(Long.class).single();
        PageRequest page = request;
        if (total > 0 && page.offset() >= total) {
            page = page.withPage((int) ((total - 1) / page.size()));
        }
        List<ListEntryRow> rows = jdbc.sql(ROW_SELECT + where + " order by " + page.orderBy(NOTICE_SORT, "e.id")
                + " limit :limit offset :offset").params(params).param("limit", page.size()).param("offset", page.offset())
                .query(this::row).list();
        return new PageResult<>(rows, total, page);
    }

    @Override
    public void eachNotice(DepartmentCode departmentCode, NoticeFilter filter, PageRequest order, int limit, Consumer<ListEntryRow> each) {
        Map<String, Object> params = new HashMap<>();
        String where = where(departmentCode, filter, params);
        jdbc.sql(ROW_SELECT + where + " order by " + order.orderBy(NOTICE_SORT, "e.id") + " limit :limit").params(params)
                .param("limit", limit).query(this::row).list().forEach(each);
    }

    private static void range(StringBuilder w, Map<String, Object> params, String column, String fromName, LocalDate from,
            String toName, LocalDate to) {
        if (from != null) {
            w.append(" and ").append(column).append(" >= :").append(fromName);
            params.put(fromName, from);
        }
        if (to != null) {
            w.append(" and ").append(column).append(" <= :").append(toName);
            params.put(toName, to);
        }
    }

    private ListEntryRow row(ResultSet rs, int n) throws SQLException {
        ListEntry e = map(rs, n);
        String items = rs.getString("row_item_codes");
        return new ListEntryRow(e, rs.getLong("row_subject_id"), items == null ? List.of() : List.of(items.split(",")));
    }

    private ListEntry map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Long> recordIds = jdbc.sql("select record_id from lists_entry_record where entry_id = :e order by record_id")
                .param("e", id).query(Long.class).list();
        return new ListEntry(id, rs.getString("list_kind"), SubjectKeys.read(rs, "subject_index"), DepartmentCode.of(rs.getString("department_code")),
                rs.getString("document_number"), rs.getString("legal_basis"), rs.getString("criteria"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getString("status"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("end_reason"), recordIds, instant(rs, "noticed_at"),
                rs.getObject("notice_due", LocalDate.class), rs.getString("statement"), instant(rs, "stated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
