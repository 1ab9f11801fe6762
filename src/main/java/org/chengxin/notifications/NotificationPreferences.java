package org.chengxin.notifications;

import java.util.Map;

import org.chengxin.shared.subject.SubjectKey;

/** Which channels besides the inbox a person wants for each kind of notice. */
public interface NotificationPreferences {

    /** The person's choice for every kind (the defaults where they made none), in the order of {@link NoticeKind}. */
    Map<NoticeKind, Channels> of(SubjectKey subject);

    /** Stores the person's choices; kinds not in the map keep what they had. */
    void set(SubjectKey subject, Map<NoticeKind, Channels> choices);

    /** The channels besides the inbox. */
    record Channels(boolean sms, boolean email) {
    }
}
