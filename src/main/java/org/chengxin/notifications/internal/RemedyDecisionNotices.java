package org.chengxin.notifications.internal;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.remedies.RemedyDecided;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.internal.JdbcInbox.Draft;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person the answer to their objection or repair application (征信业管理条例 第二十五条: the
 * result is told to the person who objected), in their inbox, after the decision has committed. Heard
 * through the event publication registry: a crash before the message is stored delivers it again on
 * restart, and the message's source keeps it from being added twice.
 */
@Component
class RemedyDecisionNotices {

    private final Notifier notifier;
    private final Catalog catalog;

    RemedyDecisionNotices(Notifier notifier, Catalog catalog) {
        this.notifier = notifier;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(RemedyDecided e) {
        String itemName = catalog.item(e.itemCode()).map(Item::name).orElse(e.itemCode());
        boolean objection = e.kind() == RemedyDecided.Kind.OBJECTION;
        String title = "您的" + e.kind().label() + "（编号 " + e.caseId() + "）已有处理结果：" + e.outcome();
        StringBuilder body = new StringBuilder()
                .append("关于您的信用记录 #").append(e.recordId()).append("（").append(itemName).append("）")
                .append(objection ? "提出的异议" : "提出的信用修复申请").append("，处理结果为“").append(e.outcome()).append("”。");
        if (e.reasons() != null && !e.reasons().isBlank()) {
            body.append("理由：").append(e.reasons().strip()).append(e.reasons().strip().matches(".*[。！？]$") ? "" : "。");
        }
        if (e.late()) {
            body.append("本件超过规定期限办结，已计入该部门的考核数据。");
        }
        notifier.give(new Draft(e.subject(), NoticeKind.REMEDY_DECISION, title, body.toString(), objection ? "/my/objections" : "/my/repairs", (objection ? "objection:" : "repair:") + e.caseId() + ":decided"), e.decidedAt());
    }
}
