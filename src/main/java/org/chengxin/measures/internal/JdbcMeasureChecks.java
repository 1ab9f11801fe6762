package org.chengxin.measures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chengxin.identity.Citizens;
import org.chengxin.lists.AgencyBlacklist;
import org.chengxin.measures.MeasureCheck;
import org.chengxin.measures.MeasureCheck.Applicable;
import org.chengxin.measures.MeasureCheck.BasisRecord;
import org.chengxin.measures.MeasureCheck.Feedback;
import org.chengxin.measures.MeasureCheck.MeasureDecision;
import org.chengxin.measures.MeasureChecked;
import org.chengxin.measures.MeasureChecks;
import org.chengxin.measures.MeasureLists;
import org.chengxin.measures.domain.FeedbackDeadline;
import org.chengxin.measures.domain.FeedbackPolicy;
import org.chengxin.measures.domain.Hit;
import org.chengxin.measures.domain.Matter;
import org.chengxin.measures.domain.MeasureKind;
import org.chengxin.measures.domain.MeasureList;
import org.chengxin.measures.domain.MeasureRules;
import org.chengxin.measures.domain.PersonFacts;
import org.chengxin.organization.Accounts;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.listing.PageRequest;
import org.chengxin.shared.listing.PageResult;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.security.Role;
import org.chengxin.shared.subject.SubjectKey;
import org.chengxin.shared.time.WorkingCalendar;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.Standings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks and feedback, stored in {@code measures_check}. A check, its entry of the person's query log and its audit
 * entry are written in one transaction ({@link CheckWriter}, a group commit): a use of personal data is never stored
 * without its trace, nor traced without being stored.
 */
@Service
class JdbcMeasureChecks implements MeasureChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MeasureLists lists;
    private final Standings standings;
    private final Citizens citizens;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int feedbackWorkingDays;
    private final AgencyBlacklist blacklist;
    private final Accounts accounts;
    private final WorkingCalendar calendar;
    private final CheckWriter writer;

    JdbcMeasureChecks(JdbcClient jdbc, MeasureLists lists, Standings standings, Citizens citizens,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${chengxin.measures.feedback-working-days:5}") int feedbackWorkingDays, AgencyBlacklist blacklist,
            Accounts accounts, WorkingCalendar calendar, CheckWriter writer) {
        this.calendar = calendar;
        this.writer = writer;
        this.blacklist = blacklist;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.lists = lists;
        this.standings = standings;
        this.citizens = citizens;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.feedbackWorkingDays = feedbackWorkingDays;
    }

    /** What is stored of a check besides its id and feedback. */
    record Stored(Instant checkedAt, String maskedIdNumber, String matterCode, String matterName, DepartmentCode departmentCode,
            String checkedBy, String listVersion, MeasureCheck.Status status, List<Applicable> incentives,
            List<Applicable> punishments, LocalDate feedbackDue) {
    }

    @Override
    public MeasureCheck check(IdNumber number, String matterCode, DepartmentCode departmentCode) {
        MeasureList list = lists.current();
        String code = matterCode == null ? "" : matterCode.strip();
        if (code.isEmpty()) {
            throw ChengxinException.badRequest("MEASURE_MATTER_REQUIRED", "核查须写明所办理的事项（matterCode）：核查是对个人信息的使用");
        }
        Matter matter = list.matter(code).orElseThrow(() -> ChengxinException.badRequest("MEASURE_MATTER_UNKNOWN",
                "事项编码不在现行清单（" + list.version() + "）中：" + code));
        if (!matter.handledBy(departmentCode)) {
            throw ChengxinException.forbidden("MEASURE_MATTER_NOT_HANDLED", "本部门不办理事项“" + matter.name() + "”，不能以该事项核查");
        }
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        SubjectKey subject = citizens.subjectKeyOf(number);
        refuseIfBlacklisted(actor, departmentCode, subject, number.masked(), matter, list.version(), now);
        // the person's standing read (one read-only transaction), then the check stored with its entry of the person's
        // query log and its audit entry in one transaction: the checks' group commit (CheckWriter), with the checks
        // of other requests waiting at the same moment
        CreditStanding standing = standings.of(subject);
        PersonFacts facts = facts(standing);
        List<Hit> hits = MeasureRules.applicable(list, facts, matter.code(), departmentCode, today);
        Stored stored = new Stored(now, number.masked(), matter.code(), matter.name(), departmentCode, actor.name(), list.version(),
                status(standing, facts), applicable(hits, MeasureKind.INCENTIVE), applicable(hits, MeasureKind.PUNISHMENT),
                FeedbackDeadline.due(calendar, today, feedbackWorkingDays));
        return of(writer.write(stored, subject, actor), stored, null);
    }

    /**
     * The credit-agency blacklist: an organization listed today, or a clerk listed by real name as a member of its
     * staff, is refused; the refusal is logged as refused in the person's query log and audited, in a transaction
     * of its own, before it is thrown.
     */
    private void refuseIfBlacklisted(Actor actor, DepartmentCode departmentCode, SubjectKey subject, String masked, Matter matter,
            String listVersion, Instant now) {
        try {
            String staffName = Role.API_CLIENT.name().equals(actor.role()) ? null : accounts.staffName(actor.name()).orElse(null);
            blacklist.refuseIfListed(departmentCode, staffName);
        } catch (ChengxinException refused) {
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(new MeasureChecked(now, actor, subject, masked, matter.code(), matter.name(), listVersion, null,
                        refused.code()));
                events.publishEvent(AuditEvent.of(actor, now, "measures.check", subject, matter.name(), AuditOutcome.DENIED,
                        "联合奖惩核查被拒绝（" + refused.code() + "）：" + refused.getMessage()));
            });
            throw refused;
        }
    }

    /** The one conversion of the standing into the plain facts the rules read. */
    private static PersonFacts facts(CreditStanding s) {
        return new PersonFacts(s.grade(), s.points(), s.threeYearsClean(), s.disputed(),
                s.seriousDishonesty().stream().map(l -> new PersonFacts.ListFact(l.entryId(), l.departmentCode(), l.documentNumber(),
                        l.startDate(), l.endDate())).toList(),
                s.goodCredit().stream().map(JdbcMeasureChecks::fact).toList(),
                s.dishonesty().stream().map(JdbcMeasureChecks::fact).toList());
    }

    private static PersonFacts.RecordFact fact(CreditStanding.RecordInForce r) {
        return new PersonFacts.RecordFact(r.recordId(), r.itemCode(), r.itemName(), r.departmentCode(), r.documentNumber(),
                r.decisionDate(), r.severity(), r.disputed(), r.substance());
    }

    private static MeasureCheck.Status status(CreditStanding s, PersonFacts facts) {
        return new MeasureCheck.Status(s.grade(), s.gradeLabel(), s.points(), s.threeYearsClean(), s.disputed(),
                s.seriouslyDishonest(), facts.listEntries());
    }

    private static List<Applicable> applicable(List<Hit> hits, MeasureKind kind) {
        return hits.stream().filter(h -> h.measure().kind() == kind)
                .map(h -> new Applicable(h.measure().code(), h.measure().name(), kind.name(), h.measure().content(),
                        h.measure().mandatory(), h.measure().legalBasis(), h.measure().trigger().describe(), h.reason(),
                        h.listEntries(),
                        h.records().stream().map(r -> new BasisRecord(r.recordId(), r.itemCode(), r.itemName(), r.departmentCode(),
                                r.documentNumber(), r.decisionDate(), r.disputed(), r.substance())).toList()))
                .toList();
    }

    @Override
    public MeasureCheck find(long checkId, DepartmentCode departmentCode) {
        return jdbc.sql("select * from measures_check where id = :id and department_code = :d")
                .param("id", checkId).param("d", departmentCode.value())
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> ChengxinException.notFound("MEASURE_CHECK_NOT_FOUND", "核查不存在或不属于本部门"));
    }

    @Override
    public MeasureCheck feedback(long checkId, DepartmentCode departmentCode, List<MeasureDecision> decisions, String outcome,
            LocalDate handledOn, String note) {
        MeasureCheck check = find(checkId, departmentCode);
        FeedbackPolicy.Accepted accepted = FeedbackPolicy.accept(check, decisions, outcome, handledOn, note, LocalDate.now(clock),
                clock.getZone());
        Actor actor = CurrentActor.get();
        Instant now = Instant.now(clock);
        boolean late = accepted.late();
        List<MeasureDecision> clean = accepted.decisions();
        Feedback feedback = new Feedback(clean, accepted.outcome(), accepted.handledOn(), accepted.note(), now, actor.name(), late);
        int applied = accepted.applied();
        transactions.executeWithoutResult(tx -> {
            int updated = jdbc.sql("""
                    update measures_check set feedback = cast(:f as jsonb), feedback_at = :at, feedback_by = :by,
                        feedback_late = :late, measures_applied = :applied
                    where id = :id and department_code = :d and feedback is null""")
                    .param("f", JSON.writeValueAsString(feedback)).param("at", Timestamp.from(now)).param("by", actor.name())
                    .param("late", late).param("applied", applied).param("id", checkId).param("d", departmentCode.value()).update();
            if (updated == 0) {
                throw ChengxinException.conflict("MEASURE_FEEDBACK_GIVEN", "该核查已反馈，不能重复反馈");
            }
            events.publishEvent(AuditEvent.of(actor, now, "measures.feedback", null, check.matterName(), AuditOutcome.SUCCESS,
                    "联合奖惩核查 #" + checkId + " 反馈：实施 " + applied + " 项，未实施 " + (clean.size() - applied) + " 项"
                            + (late ? "（逾期）" : "")));
        });
        return find(checkId, departmentCode);
    }

    @Override
    public List<MeasureCheck> recent(DepartmentCode departmentCode, int limit) {
        return jdbc.sql("select * from measures_check where department_code = :d order by checked_at desc, id desc limit :n")
                .param("d", departmentCode.value()).param("n", limit).query((rs, n) -> map(rs)).list();
    }

    @Override
    public List<MeasureCheck> overdue(DepartmentCode departmentCode) {
        return jdbc.sql("""
                select * from measures_check where department_code = :d and feedback is null and feedback_due < :today
                order by feedback_due, id limit 500""")
                .param("d", departmentCode.value()).param("today", LocalDate.now(clock)).query((rs, n) -> map(rs)).list();
    }

    @Override
    public long overdueCount(DepartmentCode departmentCode) {
        return jdbc.sql("select count(*) from measures_check where department_code = :d and feedback is null and feedback_due < :today")
                .param("d", departmentCode.value()).param("today", LocalDate.now(clock)).query(Long.class).single();
    }

    private static final String LINE_COLUMNS = "select id, checked_at, masked_id, matter_code, result->>'matterName' as matter_name,"
            + " checked_by, incentives, punishments, feedback_due, feedback_at, feedback_by, feedback_late from measures_check";

    @Override
    public PageResult<CheckLine> page(CheckFilter filter, PageRequest request) {
        Where where = where(filter);
        long total = where.apply(jdbc.sql("select count(*) from measures_check" + where.sql())).query(Long.class).single();
        List<CheckLine> items = where.apply(jdbc.sql(LINE_COLUMNS + where.sql() + " order by "
                        + request.orderBy(CHECK_SORTS, "id") + " limit :limit offset :offset"))
                .param("limit", request.size()).param("offset", request.offset())
                .query((rs, n) -> line(rs)).list();
        return new PageResult<>(items, total, request);
    }

    @Override
    public long each(CheckFilter filter, PageRequest order, int limit, Consumer<CheckLine> each) {
        Where where = where(filter);
        long[] count = {0};
        where.apply(jdbc.sql(LINE_COLUMNS + where.sql() + " order by " + order.orderBy(CHECK_SORTS, "id") + " limit :limit"))
                .param("limit", limit)
                .query((RowCallbackHandler) rs -> {
                    each.accept(line(rs));
                    count[0]++;
                });
        return count[0];
    }

    private static CheckLine line(ResultSet rs) throws SQLException {
        Timestamp feedbackAt = rs.getTimestamp("feedback_at");
        return new CheckLine(rs.getLong("id"), rs.getTimestamp("checked_at").toInstant(), rs.getString("masked_id"),
                rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("checked_by"), rs.getInt("incentives"),
                rs.getInt("punishments"), rs.getObject("feedback_due", LocalDate.class), feedbackAt == null ? null : feedbackAt.toInstant(),
                rs.getString("feedback_by"), rs.getBoolean("feedback_late"));
    }

    /** The {@code where} of a check list and its parameters; nothing from the request but bound values. */
    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec apply(JdbcClient.StatementSpec statement) {
            params.forEach(statement::param);
            return statement;
        }
    }

    private static Where where(CheckFilter filter) {
        ZoneId city = ZoneId.of("Asia/Shanghai");
        StringBuilder sql = new StringBuilder(" where department_code = :d");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("d", filter.department().value());
        if (filter.subject() != null) {
            sql.append(" and subject_index = :s");
            params.put("s", filter.subject().bytes());
        }
        if (filter.matterCode() != null) {
            sql.append(" and matter_code = :matter");
            params.put("matter", filter.matterCode());
        }
        if (filter.state() != null) {
            switch (filter.state()) {
                case WAITING -> sql.append(" and feedback is null and feedback_due >= :today");
                case OVERDUE -> sql.append(" and feedback is null and feedback_due < :today");
                case GIVEN -> sql.append(" and feedback is not null and not coalesce(feedback_late, false)");
                case GIVEN_LATE -> sql.append(" and feedback is not null and feedback_late");
            }
            if (filter.state() == FeedbackState.WAITING || filter.state() == FeedbackState.OVERDUE) {
                params.put("today", filter.today());
            }
        }
        if (filter.hits() != null) {
            switch (filter.hits()) {
                case ANY -> sql.append(" and incentives + punishments > 0");
                case INCENTIVE -> sql.append(" and incentives > 0");
                case PUNISHMENT -> sql.append(" and punishments > 0");
                case NONE -> sql.append(" and incentives + punishments = 0");
            }
        }
        if (filter.from() != null) {
            sql.append(" and checked_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(city).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and checked_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(city).toInstant()));
        }
        return new Where(sql.toString(), params);
    }

    @Override
    public List<DepartmentFigures> figures(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select department_code, count(*) as checks,
                    count(*) filter (where incentives + punishments > 0) as with_hits,
                    coalesce(sum(incentives), 0) as incentives, coalesce(sum(punishments), 0) as punishments,
                    coalesce(sum(measures_applied), 0) as applied,
                    count(feedback) as feedback, count(*) filter (where feedback_late) as late,
                    count(*) filter (where feedback is null and feedback_due < :today) as overdue,
                    coalesce(avg(extract(epoch from feedback_at - checked_at) / 86400.0) filter (where feedback is not null), 0) as days
                from measures_check
                where checked_at >= :from and checked_at < :to
                group by department_code order by department_code""")
                .param("today", LocalDate.now(clock))
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new DepartmentFigures(DepartmentCode.of(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10)))
                .list();
    }

    @Override
    public List<FeedbackMonth> feedbackPerMonth(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select department_code, extract(year from m)::int, extract(month from m)::int, count(*),
                    count(feedback), count(*) filter (where feedback_late),
                    count(*) filter (where feedback is null and feedback_due < :today),
                    coalesce(sum(extract(epoch from feedback_at - checked_at) / 86400.0) filter (where feedback is not null), 0)
                from (select department_code, feedback, feedback_late, feedback_due, feedback_at, checked_at,
                          (checked_at at time zone 'Asia/Shanghai') as m
                      from measures_check where checked_at >= :from and checked_at < :to) c
                group by 1, 2, 3""")
                .param("today", LocalDate.now(clock))
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new FeedbackMonth(DepartmentCode.of(rs.getString(1)), YearMonth.of(rs.getInt(2), rs.getInt(3)),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getDouble(8)))
                .list();
    }

    private MeasureCheck map(ResultSet rs) throws SQLException {
        Stored s = JSON.readValue(rs.getString("result"), Stored.class);
        String f = rs.getString("feedback");
        return of(rs.getLong("id"), s, f == null ? null : JSON.readValue(f, Feedback.class));
    }

    private static MeasureCheck of(long id, Stored s, Feedback feedback) {
        return new MeasureCheck(id, s.checkedAt(), s.maskedIdNumber(), s.matterCode(), s.matterName(), s.departmentCode(),
                s.checkedBy(), s.listVersion(), s.status(), s.incentives(), s.punishments(), s.feedbackDue(), feedback);
    }
}
