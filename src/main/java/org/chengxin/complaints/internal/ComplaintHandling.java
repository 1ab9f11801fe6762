package org.chengxin.complaints.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chengxin.complaints.ComplaintAnswered;
import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintChannel;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.complaints.domain.ComplaintStatus;
import org.chengxin.identity.CitizenRef;
import org.chengxin.inquiry.QueryLog;
import org.chengxin.inquiry.QueryReview;
import org.chengxin.organization.Departments;
import org.chengxin.shared.audit.AuditEvent;
import org.chengxin.shared.audit.AuditOutcome;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.Actor;
import org.chengxin.shared.security.CurrentActor;
import org.chengxin.shared.time.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files, routes and answers complaints. The deadlines count working days on the platform's calendar from the day
 * of filing ({@code chengxin.complaints.*}). The audit detail names the case, its kind and its department, never
 * its text.
 */
@Service
class ComplaintHandling implements Complaints {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String PURPOSE = "投诉与举报处理";

    private final JdbcComplaints complaints;
    private final QueryLog queryLog;
    private final QueryReview review;
    private final Departments departments;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int acknowledgementDays;
    private final int replyDays;

    ComplaintHandling(JdbcComplaints complaints, QueryLog queryLog, QueryReview review, Departments departments, WorkingCalendar calendar,
            ApplicationEventPublisher events, Clock clock,
            @Value("${chengxin.complaints.acknowledgement-working-days}") int acknowledgementDays,
            @Value("${chengxin.complaints.reply-working-days}") int replyDays) {
        this.complaints = complaints;
        this.queryLog = queryLog;
        this.review = review;
        this.departments = departments;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.acknowledgementDays = acknowledgementDays;
        this.replyDays = replyDays;
    }

    @Override
    @Transactional
    public Complaint file(CitizenRef person, ComplaintKind kind, String text, Long queryId) {
        return fileFor(person, kind, text, queryId, ComplaintChannel.ONLINE);
    }

    @Override
    @Transactional
    public Complaint fileAtWindow(CitizenRef person, boolean personPresent, ComplaintKind kind, String text, Long queryId) {
        if (!personPresent) {
            throw ChengxinException.badRequest("WINDOW_PERSON_NOT_PRESENT", "代为提交须本人到场，请核验本人身份后勾选确认");
        }
        return fileFor(person, kind, text, queryId, ComplaintChannel.WINDOW);
    }

    private Complaint fileFor(CitizenRef person, ComplaintKind kind, String text, Long queryId, ComplaintChannel channel) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CITY);
        QueryLog.Entry entry = queryId == null || kind == null || !kind.aboutQuery() ? null : entryOf(person, queryId, now);
        DepartmentCode department = entry == null || entry.departmentCode() == null
                || departments.find(entry.departmentCode()).isEmpty() ? null : entry.departmentCode();
        Actor actor = CurrentActor.get();
        Complaint filed = Complaint.file(person.subject(), person.maskedId(), kind, channel, text, queryId,
                entry == null ? null : summary(entry), department, now, actor.name(),
                calendar.plusWorkingDays(today, acknowledgementDays), calendar.plusWorkingDays(today, replyDays));
        long id = complaints.insert(filed);
        audit(actor, now, channel == ComplaintChannel.WINDOW ? "complaints.window-file" : "complaints.file", person, id,
                kind.label() + (queryId == null ? "" : "，关联查询记录 #" + queryId) + "，转" + departmentLabel(department)
                        + (channel == ComplaintChannel.WINDOW ? "（窗口代办，本人到场）" : ""));
        return complaints.find(id).orElseThrow();
    }

    /** The entry of the person's own query log (the last two years, as the person reads it), or the refusal. */
    private QueryLog.Entry entryOf(CitizenRef person, long queryId, Instant now) {
        Instant since = now.atZone(CITY).minusYears(2).toInstant();
        return queryLog.of(person.subject(), since).stream().filter(e -> e.id() == queryId && !"SELF".equals(e.kind())).findFirst()
                .orElseThrow(() -> ChengxinException.notFound("COMPLAINT_QUERY_NOT_FOUND", "查询记录不存在或不是对您本人信息的查询"));
    }

    private static String summary(QueryLog.Entry e) {
        return MINUTE.format(e.at().atZone(CITY)) + " " + (e.organization() == null ? "" : e.organization()) + " "
                + (e.shownActor() == null ? "" : e.shownActor()) + " " + e.kindLabel()
                + (e.purpose() == null || e.purpose().isBlank() ? "" : "（用途：" + e.purpose() + "）");
    }

    @Override
    public List<Complaint> ofPerson(CitizenRef person) {
        return complaints.of(person.subject());
    }

    @Override
    public List<Complaint> queue() {
        return complaints.queue(500);
    }

    @Override
    public Complaint get(long id) {
        return complaints.find(id).orElseThrow(ComplaintHandling::notFound);
    }

    @Override
    @Transactional
    public Complaint acknowledge(long id) {
        return acknowledged(complaints.lock(id).orElseThrow(ComplaintHandling::notFound));
    }

    @Override
    @Transactional
    public Complaint acknowledge(DepartmentCode department, long id) {
        return acknowledged(ofDepartment(department, id));
    }

    private Complaint acknowledged(Complaint locked) {
        Instant now = clock.instant();
        Complaint done = locked.acknowledge(now);
        complaints.update(done);
        audit(CurrentActor.get(), now, "complaints.acknowledge", done, "受理" + done.kind().label() + " #" + done.id()
                + (now.atZone(CITY).toLocalDate().isAfter(done.ackDue()) ? "（超过受理期限）" : ""));
        return done;
    }

    @Override
    @Transactional
    public Complaint assign(long id, DepartmentCode department) {
        if (department != null && departments.find(department).isEmpty()) {
            throw ChengxinException.badRequest("COMPLAINT_DEPARTMENT_UNKNOWN", "没有这个部门，请从列表中选择");
        }
        Complaint done = complaints.lock(id).orElseThrow(ComplaintHandling::notFound).assign(department);
        complaints.update(done);
        audit(CurrentActor.get(), clock.instant(), "complaints.assign", done, "投诉 #" + id + " 转" + departmentLabel(department));
        return done;
    }

    @Override
    @Transactional
    public Complaint answer(long id, String reasons) {
        return answered(complaints.lock(id).orElseThrow(ComplaintHandling::notFound), reasons, "");
    }

    @Override
    @Transactional
    public Complaint answer(DepartmentCode department, long id, String reasons) {
        return answered(ofDepartment(department, id), reasons, "");
    }

    @Override
    public List<Complaint> ofDepartment(DepartmentCode department) {
        return department == null ? List.of() : complaints.ofDepartment(department, 500);
    }

    /** The case locked, if it is routed to the department; any other (or none) is refused alike, telling nothing of it. */
    private Complaint ofDepartment(DepartmentCode department, long id) {
        return complaints.lock(id).filter(c -> department != null && department.equals(c.department()))
                .orElseThrow(() -> ChengxinException.notFound("COMPLAINT_NOT_OF_DEPARTMENT", "投诉不存在或不由本部门办理"));
    }

    private Complaint answered(Complaint locked, String reasons, String how) {
        Instant now = clock.instant();
        Complaint done = locked.answer(reasons, now, LocalDate.ofInstant(now, CITY));
        complaints.update(done);
        audit(CurrentActor.get(), now, "complaints.answer", done, "答复" + done.kind().label() + " #" + done.id() + how + "，办结"
                + (done.answeredLate() ? "（超过答复期限）" : ""));
        events.publishEvent(new ComplaintAnswered(done.id(), done.subject(), done.kind().label(), done.kind().report(), done.reply(),
                done.answeredLate(), now));
        return done;
    }

    @Override
    @Transactional
    public Finding referToAuditor(long id) {
        Complaint c = complaints.lock(id).orElseThrow(ComplaintHandling::notFound);
        if (c.queryId() == null || !c.kind().aboutQuery()) {
            throw ChengxinException.badRequest("COMPLAINT_NO_QUERY", "该投诉没有关联查询记录，不能提请审计员认定");
        }
        if (c.status() == ComplaintStatus.ANSWERED) {
            throw ChengxinException.conflict("COMPLAINT_ALREADY_ANSWERED", "该投诉已答复办结");
        }
        Finding finding = finding(review.refer(c.queryId(), "当事人投诉（投诉编号 " + id + "）：" + c.kind().label()));
        audit(CurrentActor.get(), clock.instant(), "complaints.refer-finding", c, "投诉 #" + id + " 关联的查询记录 #" + c.queryId()
                + " 提请审计员认定（提示 #" + finding.flagId() + "）");
        return finding;
    }

    @Override
    public Optional<Finding> findingOf(Complaint complaint) {
        if (complaint.queryId() == null) {
            return Optional.empty();
        }
        List<QueryReview.Flag> flags = review.ofQuery(complaint.queryId());
        return flags.stream().filter(f -> !f.open()).max(Comparator.comparing(QueryReview.Flag::closedAt))
                .or(() -> flags.stream().findFirst()).map(ComplaintHandling::finding);
    }

    @Override
    @Transactional
    public Complaint answerWithFinding(long id) {
        Complaint c = complaints.lock(id).orElseThrow(ComplaintHandling::notFound);
        Finding f = findingOf(c).orElseThrow(() -> ChengxinException.conflict("COMPLAINT_FINDING_NONE",
                "该投诉关联的查询记录尚未提请审计员认定"));
        if (!f.recorded()) {
            throw ChengxinException.conflict("COMPLAINT_FINDING_PENDING", "审计员尚未对该查询作出认定，请待认定后再答复");
        }
        return answered(c, replyOf(c, f), "（以审计员认定答复，提示 #" + f.flagId() + "）");
    }

    /** The answer the auditor's finding gives the person. */
    static String replyOf(Complaint c, Finding f) {
        return "经审计员对您投诉的查询" + (c.querySummary() == null ? "" : "（" + c.querySummary().strip() + "）") + "审查（审查提示 #"
                + f.flagId() + "），认定为" + f.outcome() + "。审查意见：" + f.note() + "。"
                + (f.blacklisted() ? "已将违规的信用服务机构（或其从业人员）列入信用服务机构黑名单（黑名单条目 #" + f.blacklistId() + "），列入期间不得查询或使用个人信用信息。" : "")
                + (f.misuse() ? "" : "如您仍有异议，可再次提出投诉并提供相关材料。");
    }

    private static Finding finding(QueryReview.Flag f) {
        return new Finding(f.id(), f.queryIds().isEmpty() ? 0 : f.queryIds().get(0), f.status(), f.note(), f.blacklistId());
    }

    @Override
    public List<Figures> figures() {
        return complaints.figures(LocalDate.now(clock.withZone(CITY)));
    }

    @Override
    public List<MonthFigures> figuresPerMonth(LocalDate from, LocalDate to) {
        return complaints.figuresPerMonth(from, to, LocalDate.now(clock.withZone(CITY)));
    }

    private String departmentLabel(DepartmentCode department) {
        return department == null ? "平台管理员办理" : department.value() + " 办理";
    }

    private void audit(Actor actor, Instant at, String action, CitizenRef person, long id, String detail) {
        events.publishEvent(AuditEvent.of(actor, at, action, person.subject(), PURPOSE, AuditOutcome.SUCCESS,
                "投诉 #" + id + "：" + detail));
    }

    private void audit(Actor actor, Instant at, String action, Complaint c, String detail) {
        events.publishEvent(AuditEvent.of(actor, at, action, c.subject(), PURPOSE, AuditOutcome.SUCCESS, detail));
    }

    private static ChengxinException notFound() {
        return ChengxinException.notFound("COMPLAINT_NOT_FOUND", "投诉不存在");
    }
}
