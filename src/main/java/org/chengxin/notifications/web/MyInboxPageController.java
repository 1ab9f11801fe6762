package org.chengxin.notifications.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.notifications.Inbox;

import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的消息: the citizen's inbox, newest first; what the page shows counts as seen. */
@Controller
class MyInboxPageController {

    static final int SHOWN = 200;

    private final Inbox inbox;
    private final Citizens citizens;
    private final Clock clock;

    MyInboxPageController(Inbox inbox, Citizens citizens, Clock clock) {
        this.inbox = inbox;
        this.citizens = citizens;
        this.clock = clock;
    }

    @GetMapping("/my/inbox")
    String page(@AuthenticationPrincipal ChengxinPrincipal who, Model model) {
        CitizenRef me = citizens.signedIn(who);
        List<Inbox.Notice> notices = inbox.of(me.subject(), SHOWN);
        model.addAttribute("notices", notices);
        model.addAttribute("unreadShown", notices.stream().filter(Inbox.Notice::unread).count());
        inbox.markAllRead(me.subject(), Instant.now(clock));
        // the header was filled before this page marked them: it shows none unread once the page is open
        model.addAttribute(InboxCount.ATTRIBUTE, 0);
        return "notifications/inbox";
    }
}
