package org.chengxin.shared.audit;

import java.util.List;
import java.util.function.Supplier;

/**
 * Writes group-committed with their audit entries: the audit chain's single writer runs the write in its own
 * transaction and appends the entries the write returns to the chain in that same transaction, together with
 * whatever else is waiting (other writes, other entries), so that many uses of personal data cost one commit and
 * no inbox round trip. The write and its entries are committed together or not at all. A write that fails is
 * tried again alone, so that it does not take the others of its group with it, and its failure reaches its caller.
 */
public interface AuditedWrites {

    /**
     * Runs {@code write} in the chain writer's transaction and returns its value once it and its entries are
     * committed. Called inside a transaction (or while the writer is not running), the write runs in the caller's
     * thread and transaction, its entries stored with it for the writer to chain.
     */
    <T> T write(Supplier<Audited<T>> write);

    /** What a write returns: its value for the caller and the audit entries to append with it. */
    record Audited<T>(T value, List<AuditEvent> events) {

        public Audited {
            events = List.copyOf(events);
        }
    }
}
