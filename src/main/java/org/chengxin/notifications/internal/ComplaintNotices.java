package org.chengxin.notifications.internal;

import org.chengxin.complaints.ComplaintAnswered;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.internal.JdbcInbox.Draft;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person the answer to their complaint or report, with its reasons, in their inbox after the answer has
 * committed; the message's source keeps a second delivery of the same event from adding it twice.
 */
@Component
class ComplaintNotices {

    private final Notifier notifier;

    ComplaintNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(ComplaintAnswered e) {
        String what = e.report() ? "举报" : "投诉";
        String reply = e.reply() == null ? "" : e.reply().strip();
        String body = "关于您提出的" + what + "（" + e.kindLabel() + "，编号 " + e.complaintId() + "），平台已答复办结。答复及理由：" + reply
                + (reply.matches(".*[。！？]$") ? "" : "。") + (e.late() ? "本件超过答复期限办结，已计入办理部门的考核数据。" : "");
        notifier.give(new Draft(e.subject(), NoticeKind.COMPLAINT_ANSWER, "您的" + what + "（编号 " + e.complaintId() + "）已有答复", body, "/my/complaints", "complaint:" + e.complaintId() + ":answered"), e.answeredAt());
    }
}
