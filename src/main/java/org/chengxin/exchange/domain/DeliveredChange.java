package org.chengxin.exchange.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One change as delivered: its position in the feed, the stable identifier of what changed, the change, whether it is
 * delivered withdrawn (then {@code fields} hold no name, no number and no content, only what identifies the thing), and
 * the national format's columns of the thing as it stands when delivered ({@link NationalColumns}).
 */
public record DeliveredChange(long position, String identifier, Shared shared, ChangeKind change, boolean withdrawn,
        Instant occurredAt, Map<String, String> fields) {
}
