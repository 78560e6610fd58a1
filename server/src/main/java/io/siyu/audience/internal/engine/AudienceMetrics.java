package io.siyu.audience.internal.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How fast the index keeps up: the time spent applying batches of touches, how many touches were applied, and the
 * delay from a message's acknowledgement to the signal (entered or left a segment, changed stage) it caused.
 */
@Component
class AudienceMetrics {

    private static final Duration[] SIGNAL_BUCKETS = java.util.stream.LongStream.of(
                    50, 100, 150, 200, 300, 400, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 30_000)
            .mapToObj(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final Clock clock;
    private final Timer apply;
    private final Counter applied;
    private final Counter applyCpu;
    private final Timer signal;

    AudienceMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.apply = Timer.builder("siyu.audience.apply")
                .description("time to apply a committed batch of touches to the audience index")
                .register(registry);
        this.applied = Counter.builder("siyu.audience.applied.touches")
                .description("touches applied to the audience index")
                .register(registry);
        this.applyCpu = Counter.builder("siyu.audience.apply.cpu.seconds")
                .description("processor time the applying thread spent on batches: the index's own work, without the"
                        + " time other processes (the database, request handling) had the processor")
                .register(registry);
        this.signal = Timer.builder("siyu.audience.signal.delay")
                .description("from a message's acknowledgement to the segment or stage change it caused")
                // cumulative buckets, from which the delay distribution of any period can be read (two scrapes)
                .serviceLevelObjectives(SIGNAL_BUCKETS)
                .register(registry);
    }

    void applied(int touches, long nanos, long cpuNanos) {
        apply.record(Duration.ofNanos(nanos));
        applied.increment(touches);
        applyCpu.increment(cpuNanos / 1e9);
    }

    /** Records, for every customer who entered or left a set, the delay since their message was acknowledged. */
    void signalled(List<MembershipPublisher.Change> changes, Map<Long, Instant> acknowledged) {
        if (changes.isEmpty() || acknowledged.isEmpty()) {
            return;
        }
        var now = clock.instant();
        for (var change : changes) {
            change.entered().forEach((int ordinal) -> record(acknowledged.get((long) ordinal), now));
            change.left().forEach((int ordinal) -> record(acknowledged.get((long) ordinal), now));
        }
    }

    private void record(Instant acknowledgedAt, Instant now) {
        if (acknowledgedAt != null) {
            signal.record(Duration.between(acknowledgedAt, now));
        }
    }
}
