package org.chengxin.notifications.web;

import org.chengxin.identity.Citizens;
import org.chengxin.notifications.Inbox;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of unread messages a logged-in citizen sees beside 我的消息 in every page's header; null
 * for anybody else. Looked up lazily, so that a web test without the inbox still renders its pages.
 */
@ControllerAdvice
class InboxCount {

    static final String ATTRIBUTE = "inboxUnread";

    private final ObjectProvider<Inbox> inbox;
    private final ObjectProvider<Citizens> citizens;

    InboxCount(ObjectProvider<Inbox> inbox, ObjectProvider<Citizens> citizens) {
        this.inbox = inbox;
        this.citizens = citizens;
    }

    @ModelAttribute(ATTRIBUTE)
    Integer unread() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ChengxinPrincipal who) || who.subjectId() == null) {
            return null;
        }
        Inbox messages = inbox.getIfAvailable();
        Citizens people = citizens.getIfAvailable();
        if (messages == null || people == null) {
            return null;
        }
        return people.findById(who.subjectId()).map(me -> messages.unread(me.subject())).orElse(null);
    }
}
