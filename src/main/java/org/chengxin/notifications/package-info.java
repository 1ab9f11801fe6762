/**
 * Telling a person what happens to them: the in-platform inbox (站内消息) with its unread count in the header, and
 * SMS and e-mail through the messaging module's gateways, per kind as the person chooses, sent from an outbox with
 * retries after the business transaction. Filled from other modules' events after they commit (answers to
 * objections, repair applications, complaints; listing notices and decisions; grade changes) and, for what comes in
 * large numbers (new dishonesty records, uses of a person's data), by sweeping the new rows in sets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "消息通知 notifications",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "lists", "remedies", "complaints",
                "messaging", "records", "inquiry", "evaluation" })
package org.chengxin.notifications;
