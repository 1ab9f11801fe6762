package org.chengxin.notifications.internal;

import org.chengxin.evaluation.GradeChanged;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.internal.JdbcInbox.Draft;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person that their credit grade changed, from what to what and why (the record whose change caused it),
 * after the change has committed. A recomputation of everybody publishes no per-person change, so a new model
 * version does not send five million messages; the person sees the new grade on 我的信用.
 */
@Component
class GradeChangeNotices {

    private final Notifier notifier;

    GradeChangeNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(GradeChanged e) {
        String from = GradeChanged.labelOf(e.oldGrade());
        String to = GradeChanged.labelOf(e.newGrade());
        String body = "您的公共信用综合评价等级由" + from + "变为" + to + "，信用分 " + (e.oldPoints() == null ? "" : e.oldPoints() + " → ")
                + e.newPoints() + "。" + (e.recordId() == null ? "" : "变化由信用记录 #" + e.recordId() + " 引起。")
                + "评价的依据和计算过程可在“我的信用”页面查看；对所依据的记录有异议的，可以提出异议。";
        notifier.give(new Draft(e.subject(), NoticeKind.GRADE_CHANGE, "您的信用等级已变为" + to, body, "/my/credit",
                "grade:" + e.subject().hex() + ":" + e.changedAt().toEpochMilli() + ":" + e.newGrade()), e.changedAt());
    }
}
