package io.siyu.access.internal.operators;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that hashes at most a few passwords at a time.
 *
 * <p>Argon2 is made to be costly: each hash takes tens of milliseconds of a core and 16 MB of memory. Requests run on
 * virtual threads, so a burst of sign-ins from many addresses (which the per-address throttle does not hold back)
 * would otherwise hash all at once and could exhaust the heap. Here the burst waits its turn instead, parked, with as
 * many hashes at once as the machine has cores (at least two).
 */
public final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore turns;

    public BoundedPasswordEncoder(PasswordEncoder delegate, int atOnce) {
        this.delegate = delegate;
        this.turns = new Semaphore(atOnce, true);
    }

    public static int forThisMachine() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inTurn(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return inTurn(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T inTurn(Supplier<T> hashing) {
        turns.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }
}
