package io.siyu.loyalty.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.journeys.internal.JourneyFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member's points through the real API: an operator grants and deducts by hand with a reason, a retry with the same
 * Idempotency-Key changes nothing, a deduction beyond the balance is refused, the member sees the same ledger in the
 * consumer API, and only roles that may see or change points do.
 */
@SiyuIntegrationTest
class PointsApiTests {

    @Autowired
    SiyuUnderTest siyu;

    private String path(long customer) {
        return "/api/v1/customers/" + customer + "/points";
    }

    @Test
    void anOperatorGrantsAndDeductsWithAReasonAndTheLedgerExplainsTheBalance() {
        var customer = new JourneyFixtures(siyu).customer();
        var key = UUID.randomUUID().toString();

        var granted = siyu.admin()
                .header("Idempotency-Key", key)
                .post(
                        path(customer.id()) + "/adjustments",
                        "{\"points\":100,\"reason\":\"goodwill for a late parcel\"}");
        var again = siyu.admin()
                .header("Idempotency-Key", key)
                .post(
                        path(customer.id()) + "/adjustments",
                        "{\"points\":100,\"reason\":\"goodwill for a late parcel\"}");
        var deducted =
                siyu.admin().post(path(customer.id()) + "/adjustments", "{\"points\":-30,\"reason\":\"correction\"}");
        var tooMuch =
                siyu.admin().post(path(customer.id()) + "/adjustments", "{\"points\":-100,\"reason\":\"correction\"}");

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(granted.json().get("id").asLong());
        assertThat(deducted.status()).as(deducted.body()).isEqualTo(201);
        assertThat(deducted.json().get("balanceAfter").asLong()).isEqualTo(70);
        assertThat(deducted.json().get("customerId").asLong()).isEqualTo(customer.id());
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("not-enough-points");
        var view = siyu.admin().get(path(customer.id())).json();
        assertThat(view.get("balance").asLong()).isEqualTo(70);
        assertThat(view.get("lines")).hasSize(2);
        assertThat(view.get("lines").get(0).get("reason").asString()).isEqualTo("correction");

        // the member sees the same
        var shop = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", shop.registration("points " + key))
                        .status())
                .isEqualTo(201);
        var mine = HttpFixtures.consumer(siyu.port(), () -> shop.token(customer.user()))
                .get("/consumer/v1/points");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("balance").asLong()).isEqualTo(70);
        assertThat(mine.json().get("lines").get(1).get("reason").asString()).isEqualTo("goodwill for a late parcel");
        assertThat(mine.body()).doesNotContain("idempotencyKey");
    }

    @Test
    void badAdjustmentsAreRefusedNamingTheFieldAndAnAnalystMayOnlyLook() {
        var customer = new JourneyFixtures(siyu).customer();

        var bad = siyu.admin()
                .post(
                        path(customer.id()) + "/adjustments",
                        "{\"points\":0,\"reason\":\"\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        var deductionExpiring = siyu.admin()
                .post(
                        path(customer.id()) + "/adjustments",
                        "{\"points\":-5,\"reason\":\"x\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        var nobody = siyu.admin().get("/api/v1/customers/987654321987/points");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"points\"").contains("\"reason\"").contains("\"expiresAt\"");
        assertThat(deductionExpiring.body()).contains("not-applicable");
        assertThat(nobody.status()).isEqualTo(400);

        var analyst = siyu.admin()
                .post("/api/v1/api-tokens", "{\"name\":\"points " + UUID.randomUUID() + "\",\"role\":\"ANALYST\"}")
                .json()
                .get("secret")
                .asString();
        assertThat(siyu.token(analyst).get(path(customer.id())).status()).isEqualTo(200);
        assertThat(siyu.token(analyst)
                        .post(path(customer.id()) + "/adjustments", "{\"points\":5,\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }
}
