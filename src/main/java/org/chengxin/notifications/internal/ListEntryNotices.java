package org.chengxin.notifications.internal;

import org.chengxin.lists.ListEntryChanged;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.notifications.NoticeKind;
import org.chengxin.notifications.internal.JdbcInbox.Draft;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person that a department intends to list them (the notice, with the last day to state their
 * case), that they were put on the serious-dishonesty list, with the deciding department, the
 * decision's number, its legal basis and period, that the listing was dropped, and that their entry ended
 * and why. Heard after commit
 * through the event publication registry, like the remedies' answers.
 */
@Component
class ListEntryNotices {

    private final Notifier notifier;
    private final Departments departments;

    ListEntryNotices(Notifier notifier, Departments departments) {
        this.notifier = notifier;
        this.departments = departments;
    }

    @ApplicationModuleListener
    void on(ListEntryChanged e) {
        String department = departments.find(e.departmentCode()).map(Department::name).orElse(e.departmentCode().value());
        switch (e.change()) {
            case NOTICED -> notifier.give(new Draft(e.subject(), NoticeKind.LIST_ENTRY, "认定告知：" + department + "拟将您列入严重失信主体名单", department + "拟依据" + e.legalBasis() + "（决定书 " + e.documentNumber() + "）将您列入严重失信主体名单，拟定期限自 "
                            + e.startDate() + " 至 " + e.endDate() + "。您有权陈述和申辩，请于 " + e.noticeDue()
                            + " 前在“认定告知与陈述申辩”页面提交；认定部门须在期限届满或收到您的陈述申辩后方可作出决定。", "/my/list-notices", "list:" + e.entryId() + ":noticed"), e.at());
            case ADDED -> notifier.give(new Draft(e.subject(), NoticeKind.LIST_ENTRY, "您已被列入严重失信主体名单", department + "依据" + e.legalBasis() + "作出认定（决定书 " + e.documentNumber() + "），将您列入严重失信主体名单，期限自 "
                            + e.startDate() + " 至 " + e.endDate() + "。名单期间相关部门将依法实施惩戒措施。对所依据的信用记录有异议的，"
                            + "可以提出异议；期满或所依据的记录被撤销、修复后，名单条目依法结束。", "/my/credit", "list:" + e.entryId() + ":added"), e.at());
            case DROPPED -> notifier.give(new Draft(e.subject(), NoticeKind.LIST_ENTRY, department + "决定不将您列入严重失信主体名单", "关于决定书 " + e.documentNumber() + " 的认定告知，" + department + "决定不予列入：" + e.reason() + "。", "/my/credit", "list:" + e.entryId() + ":dropped"), e.at());
            case ENDED -> notifier.give(new Draft(e.subject(), NoticeKind.LIST_ENTRY, "您的严重失信主体名单条目已结束", "您因" + department + "认定（决定书 " + e.documentNumber() + "）列入的严重失信主体名单条目已结束："
                            + e.reason() + "。自此不再据此实施惩戒措施。", "/my/credit", "list:" + e.entryId() + ":ended"), e.at());
            default -> throw new IllegalStateException("unknown change " + e.change());
        }
    }
}
