/**
 * Telling a person what happens to them: the in-platform inbox (站内消息) with its unread count in the
 * header, filled from other modules' events after they commit. Today it tells the answers to the person's
 * objections and repair applications and to their complaints and reports; the other events and the SMS and e-mail channels come with
 * issue 14.
 */
@org.springframework.modulith.ApplicationModule(displayName = "消息通知 notifications",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "lists", "remedies", "complaints" })
package org.chengxin.notifications;
