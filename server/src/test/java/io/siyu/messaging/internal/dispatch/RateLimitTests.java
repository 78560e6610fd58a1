package io.siyu.messaging.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A provider's rate limit through the real dispatcher: a burst for a limited channel reaches its provider no faster
 * than the limit allows, every message of it goes, and waiting for the limit costs no attempt.
 */
@SiyuIntegrationTest
@TestPropertySource(properties = "siyu.messaging.rate-limit.per-second.inbox=2")
class RateLimitTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void aBurstGoesOutNoFasterThanTheLimitAndEveryMessageGoes() {
        var fixtures = new MessagingFixtures(siyu);
        var user = "rate-" + UUID.randomUUID();
        assertThat(siyu.shop()
                        .post("/v1/identify", "{\"userId\":\"" + user + "\",\"traits\":{\"first_name\":\"Su\"}}")
                        .status())
                .isEqualTo(200);
        siyu.applyQueued();
        var customer = siyu.customerId("user_id:" + user);
        var key = "rl-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(siyu.admin()
                        .post(
                                "/api/v1/message-templates",
                                "{\"key\":\"" + key + "\",\"name\":\"Rate " + key + "\",\"channel\":\"inbox\","
                                        + "\"purpose\":\"transactional\",\"subject\":\"Hi\",\"text\":\"Hello\"}")
                        .status())
                .isEqualTo(201);

        var ids = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            ids.add(fixtures.send(customer, key, null).get("sendId").asLong());
        }
        var sentAt = new ArrayList<Instant>();
        for (var id : ids) {
            var row = fixtures.settled(id);
            assertThat(row.get("state").asString()).isEqualTo("sent");
            assertThat(row.get("attempts").asInt())
                    .as("waiting for the limit is no attempt")
                    .isEqualTo(1);
            sentAt.add(Instant.parse(row.get("sentAt").asString()));
        }

        sentAt.sort(null);
        for (int i = 0; i < sentAt.size(); i++) {
            var from = sentAt.get(i);
            var inOneSecond = sentAt.stream()
                    .filter(t -> !t.isBefore(from) && t.isBefore(from.plus(Duration.ofSeconds(1))))
                    .count();
            assertThat(inOneSecond)
                    .as("a bucket of 2 refilled at 2 a second lets at most 4 through in any second")
                    .isLessThanOrEqualTo(4);
        }
    }
}
