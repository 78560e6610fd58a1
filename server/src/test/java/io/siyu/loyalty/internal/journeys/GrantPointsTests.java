package io.siyu.loyalty.internal.journeys;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.customers.CustomerId;
import io.siyu.journeys.internal.JourneyFixtures;
import io.siyu.loyalty.Points;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A journey grants points through the loyalty ledger, once per customer's pass, and refuses a node that would not. */
@SiyuIntegrationTest
class GrantPointsTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    Points points;

    @Test
    void aJourneyGrantsPointsOncePerPassWithTheNodesReasonAndExpiry() {
        var fixtures = new JourneyFixtures(siyu);
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"first":"gift","nodes":[
                  {"id":"gift","type":"action","action":"grant_points",
                   "config":{"points":200,"reason":"birthday gift","expiresInDays":365},"next":null}]}""");
        var customer = fixtures.customer();

        for (int i = 0; i < 2; i++) {
            var entered = siyu.admin()
                    .post("/api/v1/journeys/" + journey + "/entries", "{\"customerId\":" + customer.id() + "}");
            assertThat(entered.status()).as(entered.body()).isEqualTo(202);
        }
        fixtures.report(journey, r -> state(r, "completed") == 1);

        var id = CustomerId.of(customer.id());
        assertThat(points.balance(id)).isEqualTo(200);
        var line = points.ledger(id, 10);
        assertThat(line).singleElement().satisfies(l -> {
            assertThat(l.reason()).isEqualTo("birthday gift");
            assertThat(l.idempotencyKey()).startsWith("journey:" + journey + ":v1:gift:");
            assertThat(l.expiresAt()).isNotNull();
        });
    }

    @Test
    void aNodeThatWouldGrantNothingOrTooMuchIsRefusedOnItsFields() {
        var refused = siyu.admin().post("/api/v1/journeys", """
                {"name":"Points %s","draft":{"trigger":{"type":"api"},"first":"gift","nodes":[
                  {"id":"gift","type":"action","action":"grant_points",
                   "config":{"points":0,"reason":"","expiresInDays":9999},"next":null}]}}""".formatted(UUID.randomUUID()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("draft.nodes[0].config.points")
                .contains("draft.nodes[0].config.reason")
                .contains("draft.nodes[0].config.expiresInDays");
    }
}
