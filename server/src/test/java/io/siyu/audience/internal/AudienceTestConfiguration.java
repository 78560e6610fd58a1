package io.siyu.audience.internal;

import io.siyu.audience.CustomerChangedStage;
import io.siyu.audience.CustomerEnteredSegment;
import io.siyu.audience.CustomerLeftSegment;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.Profiles;
import io.siyu.ingest.Ingestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

@TestConfiguration(proxyBeanMethods = false)
public class AudienceTestConfiguration {

    public static final Instant START = Instant.parse("2026-03-15T04:00:00Z");

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock(START);
    }

    @Bean
    Signals signals() {
        return new Signals();
    }

    @Bean
    AudienceFixtures audienceFixtures(
            Environment environment, Ingestion ingestion, Profiles profiles, CurrentIndex current) {
        return new AudienceFixtures(environment, ingestion, profiles, current);
    }

    /** A clock that stands still until the test moves it. */
    public static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(Instant start) {
            this(new AtomicReference<>(start), ZoneOffset.UTC);
        }

        private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void set(Instant instant) {
            now.set(instant);
        }

        public void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovableClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Every signal the audience module published, with the moment (System.nanoTime) it arrived. */
    public static final class Signals {
        public record Received(Object event, long nanos) {}

        public final List<Received> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CustomerEnteredSegment event) {
            received.add(new Received(event, System.nanoTime()));
        }

        @EventListener
        void on(CustomerLeftSegment event) {
            received.add(new Received(event, System.nanoTime()));
        }

        @EventListener
        void on(CustomerChangedStage event) {
            received.add(new Received(event, System.nanoTime()));
        }
    }
}
