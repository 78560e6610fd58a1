package io.siyu.access.internal.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTests {

    /** An encoder that records how many hashes run at once, each until the test lets it finish. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch finish = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            matches(raw, "");
            return "hash";
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return false;
        }
    }

    @Test
    void aBurstOfSignInsHashesAFewPasswordsAtATimeAndEveryOneInTurn() throws Exception {
        var counting = new CountingEncoder();
        var bounded = new BoundedPasswordEncoder(counting, 3);

        var answers = new ArrayList<Future<Boolean>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                answers.add(threads.submit(() -> bounded.matches("guess", "hash")));
            }
            // wait until three hashes run, then let them all finish
            while (counting.running.get() < 3) {
                Thread.onSpinWait();
            }
            counting.finish.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isFalse();
            }
        }

        assertThat(counting.most.get()).isEqualTo(3);
    }
}
