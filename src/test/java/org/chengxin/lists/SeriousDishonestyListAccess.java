package org.chengxin.lists;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.support.Http;

/** Opens the list tests' pushing helpers to the other modules' tests. */
public final class SeriousDishonestyListAccess {

    private SeriousDishonestyListAccess() {
    }

    /**
     * Lists a person the way the law allows: the notice, the person's statement (so that the decision need
     * not wait for the notice's period), then the decision for the period the notice proposed.
     */
    public static ListEntry listed(SeriousDishonestyList list, DepartmentCode department, Decision decision) {
        ListEntry noticed = list.notice(department, decision);
        list.state(decision.subject(), noticed.id(), "本人已知悉告知内容，无异议。");
        return list.decide(department, noticed.id(), decision.startDate(), decision.endDate());
    }

    /** Pushes a serious tax-evasion record (YY-TX-001) decided 15 days ago and waits until it is stored. */
    public static void push(Http http, String token, IdNumber person, String source) {
        SeriousDishonestyListIntegrationTests.push(http, token, person, source);
    }

    /** Pushes one record of an item, decided {@code daysAgo} days ago, with the item's content as JSON, and waits until it is stored. */
    public static void pushSerious(Http http, String token, IdNumber person, String itemCode, String source, int daysAgo, String content) {
        SeriousDishonestyListIntegrationTests.pushSerious(http, token, person, itemCode, source, daysAgo, content);
    }

    /** Pushes a batch of one record and waits until it is stored. */
    public static void pushBody(Http http, String token, String body) {
        SeriousDishonestyListIntegrationTests.pushBody(http, token, body);
    }
}
