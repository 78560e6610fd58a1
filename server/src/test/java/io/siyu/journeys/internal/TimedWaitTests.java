package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits for a moment of the customer's day, through the real ingestion and journeys: until a time of day in the
 * customer's own time zone, and until the hour they are learned to respond at.
 */
@SiyuIntegrationTest
class TimedWaitTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWaitUntilHalfPastNineIsDueAtHalfPastNineWhereTheCustomerLives() {
        var fixtures = new JourneyFixtures(siyu);
        var customer = fixtures.customer();
        liveIn(customer, NEW_YORK);

        var wait = waitAt(fixtures, customer, """
                {"id":"wait","type":"wait_until","time":"09:30","next":null}""");

        var due = wait.due();
        var arrived = wait.arrived();
        assertThat(due.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(due).isAfter(arrived).isBeforeOrEqualTo(arrived.plus(Duration.ofDays(1)));
    }

    @Test
    void aBestHourWaitIsDueAtTheHourTheCustomerOpensTheirMail() {
        var fixtures = new JourneyFixtures(siyu);
        var customer = fixtures.customer();
        liveIn(customer, SHANGHAI);
        // thirty opens at 20:15 in Shanghai on each of the last seven days: every weekday's 20:00 is theirs, whatever
        // hour
        // the rest of the brand's activity (other tests) crowds into
        var opens = new StringJoiner(",");
        var today = Instant.now().atZone(SHANGHAI).toLocalDate();
        for (int day = 1; day <= 7; day++) {
            var at = today.minusDays(day).atTime(20, 15).atZone(SHANGHAI).toInstant();
            for (int i = 0; i < 30; i++) {
                opens.add("""
                        {"type":"track","userId":"%s","event":"Email Opened","timestamp":"%s","messageId":"%s"}""".formatted(customer.user(), at.plusSeconds(i), UUID.randomUUID()));
            }
        }
        var sent = siyu.shop().post("/v1/batch", "{\"batch\":[" + opens + "]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();

        var wait = waitAt(fixtures, customer, """
                {"id":"wait","type":"wait_best_hour","within":"P1D","next":null}""");

        var due = wait.due();
        var arrived = wait.arrived();
        assertThat(due.atZone(SHANGHAI).getHour()).isEqualTo(20);
        assertThat(due).isBetween(arrived, arrived.plus(Duration.ofDays(1)));
        if (!due.equals(arrived)) {
            assertThat(due.atZone(SHANGHAI).truncatedTo(ChronoUnit.HOURS).toInstant())
                    .isEqualTo(due);
        }
        var brand = siyu.admin().get("/api/v1/journeys/best-hours").json();
        assertThat(brand.get("counts")).hasSize(168);
        assertThat(brand.get("events").asLong()).isGreaterThanOrEqualTo(210);
    }

    /** When a customer's run reached its wait, and when the wait is due. */
    private record Wait(Instant arrived, Instant due) {}

    /** Enters the customer into a journey of this one wait node (id {@code wait}), and answers their wait. */
    private Wait waitAt(JourneyFixtures fixtures, JourneyFixtures.Customer customer, String node) {
        var event = "Timed " + UUID.randomUUID();
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"%s"},"first":"wait","nodes":[%s]}""".formatted(event, node));
        fixtures.track(customer, event, "{}");
        fixtures.report(journey, r -> state(r, "waiting") == 1);
        var run = jdbc.queryForMap(
                "select due_at, updated_at from journeys.run where journey_id = ? and customer_id = ?",
                journey,
                customer.id());
        return new Wait(((Timestamp) run.get("updated_at")).toInstant(), ((Timestamp) run.get("due_at")).toInstant());
    }

    /** The customer's messages say where they live, as a phone's SDK does in {@code context.timezone}. */
    private void liveIn(JourneyFixtures.Customer customer, ZoneId zone) {
        var sent = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{},"context":{"timezone":"%s"}}""".formatted(customer.user(), zone.getId()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }
}
