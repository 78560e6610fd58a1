package io.siyu.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuUnderTest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Customers, journeys and events for the journeys' tests, through the real API. */
public final class JourneyFixtures {

    private final SiyuUnderTest siyu;

    public JourneyFixtures(SiyuUnderTest siyu) {
        this.siyu = siyu;
    }

    /** A customer the shop knows by {@code user}, with an e-mail address and consent to e-mail. */
    public record Customer(String user, long id, String email) {}

    public Customer customer() {
        var user = "journey-" + UUID.randomUUID();
        var email = "j-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        var sent = siyu.shop().post("/v1/batch", """
                        {"batch":[{"type":"identify","userId":"%s","traits":{"first_name":"Jia","email":"%s"},
                          "context":{"consent":{"categoryPreferences":{"email":true}}}}]}""".formatted(user, email));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return new Customer(user, siyu.customerId("user_id:" + user), email);
    }

    /** Creates and publishes a journey with this graph; answers its id. */
    public long published(String graph) {
        var created = siyu.admin()
                .post("/api/v1/journeys", "{\"name\":\"Test " + UUID.randomUUID() + "\",\"draft\":" + graph + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asLong();
        var published = siyu.admin().post("/api/v1/journeys/" + id + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    /**
     * Publishes a journey entered on {@code trigger} that sends the template ({@code hello}), waits three days for an
     * order ({@code order}) and converts on it within seven, or exits ({@code bye}); answers its id.
     */
    public long messageThenOrder(String trigger, String template) {
        return published("""
                {"trigger":{"type":"event","event":"%s"},"goal":{"event":"Order Completed","withinDays":7},
                 "first":"hello","nodes":[
                  {"id":"hello","type":"action","action":"send_message","config":{"template":"%s"},"next":"order"},
                  {"id":"order","type":"wait_event","event":"Order Completed","timeout":"P3D","onEvent":null,
                   "onTimeout":"bye"},
                  {"id":"bye","type":"exit"}]}""".formatted(trigger, template));
    }

    /** Tracks an event of the customer and applies it, as the pipeline would. */
    public void track(Customer customer, String event, String properties) {
        var sent = siyu.shop()
                .post(
                        "/v1/track",
                        "{\"userId\":\"%s\",\"event\":\"%s\",\"properties\":%s}"
                                .formatted(customer.user(), event, properties));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }

    /** Sets a trait of the customer through an identify message and applies it. */
    public void identify(Customer customer, String trait, String value) {
        var sent = siyu.shop()
                .post(
                        "/v1/identify",
                        "{\"userId\":\"%s\",\"traits\":{\"%s\":\"%s\"}}".formatted(customer.user(), trait, value));
        assertThat(sent.status()).isEqualTo(200);
        siyu.applyQueued();
    }

    /** Waits until the journey's report meets a condition, and answers it. */
    public JsonNode report(long journey, Predicate<JsonNode> until) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            report = siyu.admin().get("/api/v1/journeys/" + journey + "/report").json();
            if (until.test(report)) {
                return report;
            }
            pause();
        }
        throw new AssertionError("the report of journey " + journey + " never met the condition: " + report);
    }

    public static long state(JsonNode report, String state) {
        return report.path("states").path(state).asLong(0);
    }

    public static JsonNode arm(JsonNode report, String arm) {
        for (var entry : report.path("arms")) {
            if (entry.get("arm").asString().equals(arm)) {
                return entry;
            }
        }
        return report.path("missing");
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
