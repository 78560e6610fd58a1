package io.siyu.shared;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * One worker's drain of its queue, at most one at a time in a process: a call while another drains only asks that one
 * to look again, and the drain that ends checks for such asks after it lets go, so none is lost and none waits for
 * the next poll.
 */
public final class Drain {

    private final String name;
    private final IntSupplier round;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** {@code round} takes what is due and answers how much it handled; {@code name} names the wake-up threads. */
    public Drain(String name, IntSupplier round) {
        this.name = name;
        this.round = round;
    }

    /** Drains now, or asks the drain under way to look again; answers how much this call handled. */
    public int run() {
        requested.set(true);
        var handled = 0;
        while (requested.get() && draining.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    handled += round.getAsInt();
                }
            } finally {
                draining.unlock();
            }
        }
        return handled;
    }

    /** Asks for a drain soon, without waiting for it. */
    public void wake() {
        if (draining.isLocked()) {
            requested.set(true);
            if (draining.isLocked()) {
                return;
            }
        }
        Thread.ofVirtual().name(name).start(this::run);
    }
}
