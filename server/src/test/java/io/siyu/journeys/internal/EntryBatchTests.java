package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.runtime.JourneyRuntime.Entered.ALREADY;
import static io.siyu.journeys.internal.runtime.JourneyRuntime.Entered.CAPPED;
import static io.siyu.journeys.internal.runtime.JourneyRuntime.Entered.ENTERED;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.journeys.internal.runtime.JourneyRuntime;
import io.siyu.journeys.internal.runtime.JourneyRuntime.Entry;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entries come in batches (a drain of the trigger inbox enters hundreds at once): every rule must decide each entry of
 * a batch exactly as it would have decided them one by one.
 */
@SiyuIntegrationTest
class EntryBatchTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JourneyRuntime runtime;

    private static Entry entry(long journey, long customer, String occurrence) {
        return new Entry(journey, customer, occurrence, Instant.now(), Map.of());
    }

    @Test
    void aBatchKeepsTheDailyCapAndEntersEachCustomerOnceWhenTheJourneySaysSo() {
        var fixtures = new JourneyFixtures(siyu);
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"reentry":{"mode":"once"},"capPerDay":3,"first":"hold","nodes":[
                  {"id":"hold","type":"wait","duration":"P30D"}]}""");
        var a = fixtures.customer().id();
        var b = fixtures.customer().id();
        var c = fixtures.customer().id();
        var d = fixtures.customer().id();

        var first = runtime.enter(List.of(
                entry(journey, a, "1"), entry(journey, a, "2"), entry(journey, b, "1"), entry(journey, c, "1")));
        var second = runtime.enter(List.of(entry(journey, d, "1"), entry(journey, b, "2")));

        assertThat(first).containsExactly(ENTERED, ALREADY, ENTERED, ENTERED);
        assertThat(second).containsExactly(CAPPED, ALREADY);
        var report = fixtures.report(journey, r -> true);
        assertThat(JourneyFixtures.arm(report, "treated").path("customers").asLong(-1))
                .isEqualTo(3);
    }

    @Test
    void aCustomerWhoseRunEndedInItsFirstStepEntersAgainInTheSameBatch() {
        var fixtures = new JourneyFixtures(siyu);
        var template = new MessagingFixtures(siyu).marketingTemplate();
        var passing = fixtures.published("""
                {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"hello","nodes":[
                  {"id":"hello","type":"action","action":"send_message","config":{"template":"%s"}}]}""".formatted(template));
        var waiting = fixtures.published("""
                {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"hold","nodes":[
                  {"id":"hold","type":"wait","duration":"P1D"}]}""");
        var customer = fixtures.customer().id();

        var answers = runtime.enter(List.of(
                entry(passing, customer, "1"),
                entry(waiting, customer, "1"),
                entry(passing, customer, "2"),
                entry(waiting, customer, "2"),
                entry(passing, customer, "2")));

        assertThat(answers).containsExactly(ENTERED, ENTERED, ENTERED, ALREADY, ALREADY);
    }
}
