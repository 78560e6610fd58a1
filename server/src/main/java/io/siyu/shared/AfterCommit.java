package io.siyu.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs something once the current transaction committed, or at once when there is none. */
public final class AfterCommit {

    private AfterCommit() {}

    /**
     * Runs {@code action} after the surrounding transaction commits (never when it rolls back), or now when the caller
     * is in no transaction: for waking a worker that must see what the transaction wrote.
     */
    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
