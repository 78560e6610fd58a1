package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.arm;
import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customers moving through published journeys: entered by an event, sent a message, waiting, converted. */
@SiyuIntegrationTest
class JourneyFlowTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void anEventEntersTheCustomerWhoGetsTheMessageWaitsAndConvertsOnTheGoal() {
        var fixtures = new JourneyFixtures(siyu);
        var template = new MessagingFixtures(siyu).marketingTemplate();
        var joined = "Joined " + UUID.randomUUID();
        var journey = fixtures.messageThenOrder(joined, template);
        var customer = fixtures.customer();

        fixtures.track(customer, joined, "{\"plan\":\"gold\"}");

        assertThat(TestMailServer.await(customer.email(), 1)).hasSize(1);
        var waiting = fixtures.report(journey, r -> state(r, "waiting") == 1);
        assertThat(waiting.get("nodes").toString()).contains("\"node\":\"hello\"", "\"node\":\"order\"");

        fixtures.track(customer, "Order Completed", "{\"order_id\":\"" + UUID.randomUUID() + "\",\"total\":88}");

        var converted = fixtures.report(journey, r -> state(r, "converted") == 1);
        assertThat(arm(converted, "treated").get("converted").asLong()).isEqualTo(1);
        assertThat(arm(converted, "treated").get("revenue").asDouble()).isEqualTo(88.0);
    }

    @Test
    void aTimerMovesTheCustomerOnToTheNextAction() {
        var fixtures = new JourneyFixtures(siyu);
        var started = "Started " + UUID.randomUUID();
        var trait = "journey_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"%s"},"first":"pause","nodes":[
                  {"id":"pause","type":"wait","duration":"PT1S","next":"mark"},
                  {"id":"mark","type":"action","action":"set_trait","config":{"trait":"%s","value":"done"}}]}""".formatted(started, trait));
        var customer = fixtures.customer();

        fixtures.track(customer, started, "{}");

        fixtures.report(journey, r -> state(r, "completed") == 1);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var traits = "";
        while (System.nanoTime() < deadline && !traits.contains(trait)) {
            siyu.applyQueued();
            traits = siyu.admin()
                    .get("/api/v1/customers/" + customer.id())
                    .json()
                    .get("traits")
                    .toString();
        }
        assertThat(traits).contains(trait).contains("done");
    }

    @Test
    void twoEventsInOneBatchMoveTheCustomerTwoWaitsOn() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"Start %1$s"},"first":"one","nodes":[
                  {"id":"one","type":"wait_event","event":"Tap %1$s","timeout":"P1D","onEvent":"two","onTimeout":null},
                  {"id":"two","type":"wait_event","event":"Tap %1$s","timeout":"P1D","onEvent":null,"onTimeout":null}]}""".formatted(run));
        var customer = fixtures.customer();
        fixtures.track(customer, "Start " + run, "{}");
        fixtures.report(journey, r -> state(r, "waiting") == 1);

        var sent = siyu.shop().post("/v1/batch", """
                        {"batch":[{"type":"track","userId":"%1$s","event":"Tap %2$s"},
                                  {"type":"track","userId":"%1$s","event":"Tap %2$s"}]}""".formatted(customer.user(), run));
        assertThat(sent.status()).isEqualTo(200);
        siyu.applyQueued();

        fixtures.report(journey, r -> state(r, "completed") == 1);
    }

    @Test
    void anExitEventEndsTheCustomersRunEarly() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"Begin %1$s"},"exits":[{"type":"event","event":"Stop %1$s"}],
                 "first":"hold","nodes":[{"id":"hold","type":"wait","duration":"P30D"}]}""".formatted(run));
        var customer = fixtures.customer();
        fixtures.track(customer, "Begin " + run, "{}");
        fixtures.report(journey, r -> state(r, "waiting") == 1);

        fixtures.track(customer, "Stop " + run, "{}");

        fixtures.report(journey, r -> state(r, "exited") == 1 && state(r, "waiting") == 0);
    }

    @Test
    void leavingTheSegmentOfAnExitConditionEndsTheRun() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var customer = fixtures.customer();
        fixtures.identify(customer, "plan_" + run, "gold");
        siyu.admin().awaitAudienceIndex();
        var segment = siyu.admin().post("/api/v1/segments", """
                        {"name":"Plan %s","definition":{"version":1,"condition":{"type":"trait","trait":"plan_%s",
                         "operator":"equals","value":"gold"}}}""".formatted(run, run));
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        var journey =
                fixtures.published("""
                {"trigger":{"type":"event","event":"Begin %s"},"exits":[{"type":"left_segment","segment":%d}],
                 "first":"hold","nodes":[{"id":"hold","type":"wait","duration":"P30D"}]}""".formatted(run, segment.json().get("id").asLong()));
        fixtures.track(customer, "Begin " + run, "{}");
        fixtures.report(journey, r -> state(r, "waiting") == 1);

        fixtures.identify(customer, "plan_" + run, "silver");

        fixtures.report(journey, r -> state(r, "exited") == 1);
    }

    @Test
    void anEventFromLongAgoStartsNobodysJourney() {
        var fixtures = new JourneyFixtures(siyu);
        var browsed = "Browsed " + UUID.randomUUID();
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"%s"},"reentry":{"mode":"always"},"first":"bye","nodes":[
                  {"id":"bye","type":"exit"}]}""".formatted(browsed));
        var customer = fixtures.customer();
        // kept on a device for three days, sent now
        var old = java.time.Instant.now().minus(java.time.Duration.ofDays(3));

        var sent = siyu.shop()
                .post(
                        "/v1/track",
                        "{\"userId\":\"%s\",\"event\":\"%s\",\"timestamp\":\"%s\",\"sentAt\":\"%s\"}"
                                .formatted(customer.user(), browsed, old, java.time.Instant.now()));
        assertThat(sent.status()).isEqualTo(200);
        siyu.applyQueued();
        fixtures.track(customer, browsed, "{}");

        // the inbox is drained in order: had the old event entered, two runs would have ended by now
        var report = fixtures.report(journey, r -> state(r, "exited") >= 1);
        assertThat(arm(report, "treated").get("customers").asLong()).isEqualTo(1);
    }

    @Test
    void theSameEventTwiceEntersOnceWhenTheJourneyIsOncePerCustomer() {
        var fixtures = new JourneyFixtures(siyu);
        var viewed = "Viewed " + UUID.randomUUID();
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"%s","where":[{"property":"price","operator":"at_least",
                 "value":100}]},"reentry":{"mode":"once"},"first":"hold","nodes":[
                  {"id":"hold","type":"wait","duration":"P30D","next":null}]}""".formatted(viewed));
        var customer = fixtures.customer();

        fixtures.track(customer, viewed, "{\"price\":50}");
        fixtures.track(customer, viewed, "{\"price\":150}");
        fixtures.track(customer, viewed, "{\"price\":200}");

        var report = fixtures.report(journey, r -> state(r, "waiting") >= 1);
        assertThat(arm(report, "treated").get("customers").asLong()).isEqualTo(1);
    }
}
