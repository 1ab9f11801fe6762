package org.chengxin.audit.internal;

import org.chengxin.shared.audit.AuditEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hears every module's audit events. Inside a writable transaction the entry is stored in that
 * transaction (it commits or rolls back with the change it records); otherwise the caller waits
 * until the chain writer has committed it.
 */
@Component
class AuditEventListener {

    private final AuditInbox inbox;
    private final AuditChainWriter writer;

    AuditEventListener(AuditInbox inbox, AuditChainWriter writer) {
        this.inbox = inbox;
        this.writer = writer;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditEvent event) {
        record(event);
    }

    /** Stores an entry: with the current writable transaction if there is one, else at once. */
    void record(AuditEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            inbox.add(event);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writer.inboxChanged();
                }
            });
        } else {
            writer.appendAndWait(event);
        }
    }
}
