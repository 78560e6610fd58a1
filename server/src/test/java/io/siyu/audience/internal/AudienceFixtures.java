package io.siyu.audience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.TestCredentials;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.ingest.Ingestion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What audience tests do over and over: send messages through the real API, find customers, ask the index. */
public final class AudienceFixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Environment environment;
    private final Ingestion ingestion;
    private final Profiles profiles;
    private final CurrentIndex current;

    AudienceFixtures(Environment environment, Ingestion ingestion, Profiles profiles, CurrentIndex current) {
        this.environment = environment;
        this.ingestion = ingestion;
        this.profiles = profiles;
        this.current = current;
    }

    /** The port the test server listens on, known once it has started. */
    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public HttpFixtures admin() {
        return HttpFixtures.token(port(), TestCredentials.API_TOKEN);
    }

    public HttpFixtures shop() {
        return HttpFixtures.writeKey(port(), TestCredentials.WRITE_KEY);
    }

    public void awaitReady() {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!current.ready()) {
            assertThat(System.nanoTime()).as("audience index ready").isLessThan(deadline);
            sleep(50);
        }
    }

    /** Sends messages in batches of 200 and applies everything queued, so the index is current on return. */
    public void send(List<? extends JsonNode> messages) {
        for (int from = 0; from < messages.size(); from += 200) {
            var batch = HttpFixtures.JSON.createObjectNode();
            batch.putArray("batch").addAll(messages.subList(from, Math.min(messages.size(), from + 200)));
            var response = shop().post("/v1/batch", batch.toString());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("rejected").asInt())
                    .as(response.body())
                    .isZero();
        }
        ingestion.applyQueued();
    }

    public void send(JsonNode... messages) {
        send(List.of(messages));
    }

    public static ObjectNode identify(String userId, Instant at) {
        var message = HttpFixtures.JSON.createObjectNode();
        message.put("type", "identify").put("userId", userId).put("timestamp", at.toString());
        message.putObject("traits");
        return message;
    }

    public static ObjectNode track(String userId, String event, Instant at) {
        var message = HttpFixtures.JSON.createObjectNode();
        message.put("type", "track").put("userId", userId).put("event", event).put("timestamp", at.toString());
        message.putObject("properties");
        return message;
    }

    /** Noon of a day in the brand's zone, plus some minutes. */
    public static Instant at(LocalDate day, int minutes) {
        return day.atTime(12, 0).atZone(ZONE).toInstant().plusSeconds(minutes * 60L);
    }

    public LocalDate today() {
        return current.today();
    }

    public long customer(String userId) {
        return profiles.find("user_id:" + userId).orElseThrow().value();
    }

    public CustomerId id(String userId) {
        return CustomerId.of(customer(userId));
    }

    public static ObjectNode definition(ObjectNode condition) {
        var definition = HttpFixtures.JSON.createObjectNode();
        definition.put("version", 1).set("condition", condition);
        return definition;
    }

    public static ObjectNode condition(String json) {
        return (ObjectNode) HttpFixtures.JSON.readTree(json);
    }

    public long createSegment(String name, ObjectNode condition) {
        var body = HttpFixtures.JSON.createObjectNode();
        body.put("name", name).set("definition", definition(condition));
        var response = admin().post("/api/v1/segments", body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
