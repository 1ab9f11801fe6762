package org.chengxin.complaints.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.chengxin.complaints.ComplaintAnswered;
import org.chengxin.complaints.Complaints;
import org.chengxin.complaints.domain.Complaint;
import org.chengxin.complaints.domain.ComplaintChannel;
import org.chengxin.complaints.domain.ComplaintKind;
import org.chengxin.identity.CitizenRef;
import org.chengxin.inquiry.QueryLog;
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
    private final Departments departments;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int acknowledgementDays;
    private final int replyDays;

    ComplaintHandling(JdbcComplaints complaints, QueryLog queryLog, Departments departments, WorkingCalendar calendar,
            ApplicationEventPublisher events, Clock clock,
            @Value("${chengxin.complaints.acknowledgement-working-days}") int acknowledgementDays,
            @Value("${chengxin.complaints.reply-working-days}") int replyDays) {
        this.complaints = complaints;
        this.queryLog = queryLog;
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
        Instant now = clock.instant();
        Complaint done = complaints.lock(id).orElseThrow(ComplaintHandling::notFound).acknowledge(now);
        complaints.update(done);
        audit(CurrentActor.get(), now, "complaints.acknowledge", done, "受理" + done.kind().label() + " #" + id
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
        Instant now = clock.instant();
        Complaint done = complaints.lock(id).orElseThrow(ComplaintHandling::notFound).answer(reasons, now, LocalDate.ofInstant(now, CITY));
        complaints.update(done);
        audit(CurrentActor.get(), now, "complaints.answer", done, "答复" + done.kind().label() + " #" + id + "，办结"
                + (done.answeredLate() ? "（超过答复期限）" : ""));
        events.publishEvent(new ComplaintAnswered(id, done.subject(), done.kind().label(), done.kind().report(), done.reply(),
                done.answeredLate(), now));
        return done;
    }

    @Override
    public List<Figures> figures() {
        return complaints.figures(LocalDate.now(clock.withZone(CITY)));
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
