package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.arm;
import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.messaging.internal.MessagingFixtures;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entries through the API, the control group that gets nothing, re-entry, and pausing: what operators rely on to
 * measure a journey and to stop it without losing anyone.
 */
@SiyuIntegrationTest
class JourneyControlTests {

    @Autowired
    SiyuUnderTest siyu;

    private String enter(long journey, long customer, String occurrence) {
        var response = siyu.admin()
                .post(
                        "/api/v1/journeys/" + journey + "/entries",
                        "{\"customerId\":" + customer + ",\"occurrence\":\"" + occurrence + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("outcome").asString();
    }

    @Test
    void theControlGroupIsMeasuredButGetsNoMessage() {
        var fixtures = new JourneyFixtures(siyu);
        var template = new MessagingFixtures(siyu).marketingTemplate();
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"controlPercent":50,"goal":{"event":"Order Completed","withinDays":7},
                 "first":"hello","nodes":[
                  {"id":"hello","type":"action","action":"send_message","config":{"template":"%s"}}]}""".formatted(template));
        var outcomes = new ArrayList<String>();
        for (int i = 0; i < 16; i++) {
            outcomes.add(enter(journey, fixtures.customer().id(), "signup-" + i));
        }

        var report = fixtures.report(journey, r -> true);
        var treated = outcomes.stream().filter("entered"::equals).count();
        var control = outcomes.stream().filter("control"::equals).count();
        assertThat(treated + control).isEqualTo(16);
        assertThat(arm(report, "treated").path("customers").asLong(0)).isEqualTo(treated);
        assertThat(arm(report, "control").path("customers").asLong(0)).isEqualTo(control);
        var sent = siyu.admin().get("/api/v1/messages?limit=500").json().get("items");
        var fromJourney = 0;
        for (var row : sent) {
            if (row.get("origin").asString().equals("journey:" + journey)) {
                fromJourney++;
            }
        }
        assertThat(fromJourney).isEqualTo((int) treated);
        if (treated > 0 && control > 0) {
            assertThat(report.get("effect").get("sampleRatio").has("p")).isTrue();
        }
    }

    @Test
    void aCustomerInsideIsNotEnteredAgainAndTheSameOccurrenceNever() {
        var fixtures = new JourneyFixtures(siyu);
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"hold","nodes":[
                  {"id":"hold","type":"wait","duration":"P30D"}]}""");
        var customer = fixtures.customer().id();

        assertThat(enter(journey, customer, "a")).isEqualTo("entered");
        assertThat(enter(journey, customer, "a")).isEqualTo("already");
        assertThat(enter(journey, customer, "b")).isEqualTo("already");
    }

    @Test
    void onlyJourneysTriggeredByTheApiTakeEntries() {
        var fixtures = new JourneyFixtures(siyu);
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"Never %s"},"first":"x","nodes":[{"id":"x","type":"exit"}]}""".formatted(UUID.randomUUID()));

        var response = siyu.admin()
                .post(
                        "/api/v1/journeys/" + journey + "/entries",
                        "{\"customerId\":" + fixtures.customer().id() + "}");

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void aPausedJourneyHoldsItsCustomersAndResumingLetsThemGoOn() throws InterruptedException {
        var fixtures = new JourneyFixtures(siyu);
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"first":"pause","nodes":[
                  {"id":"pause","type":"wait","duration":"PT1S","next":"bye"},{"id":"bye","type":"exit"}]}""");
        var customer = fixtures.customer().id();
        assertThat(enter(journey, customer, "x")).isEqualTo("entered");

        assertThat(siyu.admin()
                        .post("/api/v1/journeys/" + journey + "/pause", "")
                        .status())
                .isEqualTo(200);
        assertThat(enter(journey, fixtures.customer().id(), "y")).isEqualTo("not_live");
        // the run's timer falls due while the journey is paused
        Thread.sleep(2_000);
        assertThat(state(fixtures.report(journey, r -> true), "waiting")).isEqualTo(1);

        assertThat(siyu.admin()
                        .post("/api/v1/journeys/" + journey + "/resume", "")
                        .status())
                .isEqualTo(200);

        fixtures.report(journey, r -> state(r, "exited") == 1);
    }

    @Test
    void aDraftThatCouldNotRunIsRefusedWithTheFieldsItBreaks() {
        var response = siyu.admin().post("/api/v1/journeys", """
                        {"name":"Broken","draft":{"trigger":{"type":"event","event":"X"},"first":"a","nodes":[
                          {"id":"a","type":"action","action":"send_message","config":{"template":"no-such-template"},
                           "next":"b"}]}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("draft.nodes[0].config.template").contains("draft.nodes[0].next");
    }
}
