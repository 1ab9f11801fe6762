package org.chengxin.shared.jdbc;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a listener gathers inside the transaction it hears from and writes once, just before that transaction commits:
 * a push of thousands of records then costs the listener one set-based statement, in the same transaction, instead of a
 * statement per record (the recomputation queue, the exchange's change feed).
 */
public final class TransactionBuffers {

    private TransactionBuffers() {
    }

    /**
     * The buffer this transaction gathers under {@code key}: made by {@code fresh} the first time, handed to {@code flush}
     * before the commit and forgotten when the transaction ends. Null outside a transaction: the caller writes at once.
     */
    @SuppressWarnings("unchecked")
    public static <B> B of(Object key, Supplier<B> fresh, Consumer<B> flush) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        B buffer = (B) TransactionSynchronizationManager.getResource(key);
        if (buffer == null) {
            B made = fresh.get();
            TransactionSynchronizationManager.bindResource(key, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    flush.accept(made);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            buffer = made;
        }
        return buffer;
    }
}
