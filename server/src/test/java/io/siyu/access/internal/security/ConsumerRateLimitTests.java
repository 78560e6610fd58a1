package io.siyu.access.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures.ShopKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The consumer API's limits per customer and per address, set low here and refilled over an hour, so that no refill
 * can happen while the test runs.
 */
@SiyuIntegrationTest
@TestPropertySource(
        properties = {
            "siyu.access.consumer.rate-limit.per-customer=3",
            "siyu.access.consumer.rate-limit.per-address=5",
            "siyu.access.consumer.rate-limit.period=1h"
        })
class ConsumerRateLimitTests {

    @Autowired
    SiyuUnderTest siyu;

    ShopKey key() {
        var key = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", key.registration("limits"))
                        .status())
                .isEqualTo(201);
        return key;
    }

    HttpFixtures.Response call(ShopKey key, String user, String address) {
        return HttpFixtures.token(siyu.port(), key.token(user))
                .header("X-Forwarded-For", address)
                .get("/consumer/v1/me");
    }

    static void assertTooMany(HttpFixtures.Response response, String limit) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/too-many-requests");
        assertThat(response.json().get("limit").asString()).isEqualTo(limit);
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3_600L));
    }

    @Test
    void aCustomerWhoCallsTooOftenIsHeldBackWherever() {
        var key = key();
        var user = "limited-" + UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            assertThat(call(key, user, "198.51.100." + (i + 1)).status()).isEqualTo(200);
        }

        assertTooMany(call(key, user, "198.51.100.4"), "customer");
        assertThat(call(key, "another-" + UUID.randomUUID(), "198.51.100.5").status())
                .isEqualTo(200);
    }

    @Test
    void anAddressThatCallsTooOftenIsHeldBackWhoeverItSpeaksFor() {
        var key = key();

        for (int i = 0; i < 5; i++) {
            assertThat(call(key, "crowd-" + UUID.randomUUID(), "203.0.113.9").status())
                    .isEqualTo(200);
        }

        assertTooMany(call(key, "crowd-" + UUID.randomUUID(), "203.0.113.9"), "address");
        var refusedToken = HttpFixtures.token(siyu.port(), "not-a-token")
                .header("X-Forwarded-For", "203.0.113.9")
                .get("/consumer/v1/me");
        assertTooMany(refusedToken, "address");
        assertThat(call(key, "crowd-" + UUID.randomUUID(), "203.0.113.10").status())
                .isEqualTo(200);
    }
}
