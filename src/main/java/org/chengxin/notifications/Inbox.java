package org.chengxin.notifications;

import java.time.Instant;
import java.util.List;

import org.chengxin.shared.subject.SubjectKey;

/** A person's in-platform inbox: only ever read by the person it is about. */
public interface Inbox {

    /** The person's messages, newest first. */
    List<Notice> of(SubjectKey subject, int limit);

    /** How many of the person's messages they have not seen. */
    int unread(SubjectKey subject);

    /** Marks every message of the person as seen; returns how many were unread. */
    int markAllRead(SubjectKey subject, Instant at);

    /**
     * One message.
     *
     * @param link a page of the platform where the person reads more, or null
     */
    record Notice(long id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }
}
