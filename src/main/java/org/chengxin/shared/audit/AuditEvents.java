package org.chengxin.shared.audit;

import java.util.List;

/**
 * Several {@link AuditEvent}s of one transaction, stored together: the same guarantees as publishing each of them
 * (stored with the transaction, or durable before the publisher goes on when there is none), in one statement
 * instead of one per entry. A group commit of many uses of personal data (the measure checks) publishes this.
 */
public record AuditEvents(List<AuditEvent> events) {

    public AuditEvents {
        events = List.copyOf(events);
    }
}
