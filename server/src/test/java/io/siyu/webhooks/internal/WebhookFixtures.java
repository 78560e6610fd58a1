package io.siyu.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuUnderTest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Endpoints and their deliveries for the webhooks' tests, through the operator API. */
public final class WebhookFixtures {

    private final SiyuUnderTest siyu;

    public WebhookFixtures(SiyuUnderTest siyu) {
        this.siyu = siyu;
    }

    /** A registered endpoint: its id and the secret shown when it was made. */
    public record Registered(long id, String secret) {}

    public Registered endpoint(String url) {
        var created = siyu.admin()
                .post("/api/v1/webhooks", "{\"name\":\"Test " + UUID.randomUUID() + "\",\"url\":\"" + url + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Registered(
                created.json().get("endpoint").get("id").asLong(),
                created.json().get("secret").asString());
    }

    /** The endpoint's newest delivery as the API lists it, once it meets the condition. */
    public JsonNode delivery(long endpoint, Predicate<JsonNode> until) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode delivery = null;
        while (System.nanoTime() < deadline) {
            var page = siyu.admin().get("/api/v1/webhooks/" + endpoint + "/deliveries?limit=1");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            delivery = page.json().get("items").path(0);
            if (until.test(delivery)) {
                return delivery;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "the newest delivery of endpoint " + endpoint + " never met the condition: " + delivery);
    }

    public static Predicate<JsonNode> status(String status) {
        return delivery -> delivery.path("status").asString("").equals(status);
    }
}
