package io.siyu.journeys.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.journeys.internal.JourneyFixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A timer about to fall due is not left to the schedule's next poll: the worker's round sets an alarm for it, and the
 * timer fires either way.
 */
@SiyuIntegrationTest
class TimerAlarmTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JourneyWorker worker;

    @Test
    void aRoundSetsAnAlarmForATimerDueBeforeTheScheduleComesRoundAgain() throws Exception {
        var fixtures = new JourneyFixtures(siyu);
        var customer = fixtures.customer();
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"wait","nodes":[
                 {"id":"wait","type":"wait","duration":"PT1H","next":null}]}""");
        var due = Instant.now().plus(Duration.ofSeconds(3)).truncatedTo(ChronoUnit.MILLIS);
        var run = jdbc.queryForObject("""
                insert into journeys.run (journey_id, version, customer_id, occurrence, arm, state, node, due_at,
                                          entered_at, updated_at)
                values (?, 1, ?, 'alarm', 'treated', 'waiting', 'wait', ?, now(), now()) returning id""", Long.class, journey, customer.id(), Timestamp.from(due));

        worker.drain();

        // another timer of another test may be due sooner; then the alarm is set for that one, before this one
        assertThat(worker.alarm()).hasValueSatisfying(alarm -> assertThat(alarm).isBeforeOrEqualTo(due));
        var deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!"completed".equals(state(run)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(state(run)).isEqualTo("completed");
    }

    private String state(long run) {
        return jdbc.queryForObject("select state from journeys.run where id = ?", String.class, run);
    }
}
