package io.siyu.webhooks.internal;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.journeys.internal.JourneyFixtures;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The journeys' {@code call_webhook} action: one signed delivery per customer passing the node. */
@SiyuIntegrationTest
class JourneyWebhookTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void aJourneyCallsTheWebhookOncePerCustomerSigned() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var journeys = new JourneyFixtures(siyu);
            var joined = "Joined " + UUID.randomUUID();
            var journey = journeys.published("""
                    {"trigger":{"type":"event","event":"%s"},"first":"tell","nodes":[
                      {"id":"tell","type":"action","action":"call_webhook",
                       "config":{"endpoint":%d,"eventType":"journey.joined"},"next":"done"},
                      {"id":"done","type":"exit"}]}""".formatted(joined, endpoint.id()));
            var ann = journeys.customer();
            var bo = journeys.customer();

            journeys.track(ann, joined, "{\"plan\":\"gold\"}");
            journeys.track(bo, joined, "{\"plan\":\"silver\"}");

            journeys.report(journey, r -> state(r, "exited") + state(r, "completed") == 2);
            var requests = receiver.await(2);
            assertThat(requests).hasSize(2);
            assertThat(requests).allMatch(r -> WebhookReceiver.verified(r, endpoint.secret()));
            assertThat(requests.stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()))
                    .hasSize(2)
                    .allMatch(id -> id.startsWith("journey:" + journey + ":v1:tell:"));
            var bodies = requests.stream()
                    .map(r -> HttpFixtures.JSON.readTree(r.body()))
                    .toList();
            assertThat(bodies).allMatch(b -> b.get("type").asString().equals("journey.joined"));
            assertThat(bodies.stream()
                            .map(b -> b.get("data").get("customerId").asLong())
                            .collect(Collectors.toSet()))
                    .isEqualTo(Set.of(ann.id(), bo.id()));
            assertThat(bodies.stream()
                            .map(b -> b.get("data").get("data").get("plan").asString())
                            .collect(Collectors.toSet()))
                    .isEqualTo(Set.of("gold", "silver"));
            assertThat(bodies)
                    .allMatch(b -> b.get("data").get("node").asString().equals("tell")
                            && b.get("data").get("journeyId").asLong() == journey
                            && b.get("data").get("version").asInt() == 1);
            var deliveries = siyu.admin()
                    .get("/api/v1/webhooks/" + endpoint.id() + "/deliveries")
                    .json()
                    .get("items");
            assertThat(deliveries).hasSize(2);
        }
    }

    @Test
    void aJourneyCannotNameAnUnknownOrDisabledEndpoint() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            assertThat(siyu.admin()
                            .patch("/api/v1/webhooks/" + endpoint.id(), "{\"enabled\":false}")
                            .status())
                    .isEqualTo(200);
            var graph = """
                    {"trigger":{"type":"api"},"first":"tell","nodes":[
                      {"id":"tell","type":"action","action":"call_webhook",
                       "config":{"endpoint":%d,"eventType":"journey.joined"}}]}""";

            var disabled =
                    siyu.admin().post("/api/v1/journeys/check", "{\"draft\":" + graph.formatted(endpoint.id()) + "}");
            var unknown =
                    siyu.admin().post("/api/v1/journeys/check", "{\"draft\":" + graph.formatted(Long.MAX_VALUE) + "}");

            assertThat(disabled.status()).isEqualTo(400);
            assertThat(disabled.body()).contains("config.endpoint", "disabled");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("config.endpoint", "no webhook endpoint");
        }
    }
}
