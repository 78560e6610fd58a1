package io.siyu.loyalty.internal.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.customers.CustomerId;
import io.siyu.journeys.internal.JourneyFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Orders earn points through the tracking API as the shop reports them: once per completed order, a refund takes back
 * its share, a cancellation all, points already spent are not recovered and the ledger says so, and an event heard
 * again changes nothing.
 */
@SiyuIntegrationTest
class OrderPointsTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    PointsLedger points;

    private void track(JourneyFixtures.Customer customer, String event, String properties, String messageId) {
        var sent = siyu.shop().post("/v1/track", """
                {"userId":"%s","event":"%s","messageId":"%s","properties":%s}""".formatted(customer.user(), event, messageId, properties));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }

    @Test
    void aCompletedOrderEarnsOnceAndRefundsTakeBackTheirShareUpToWhatIsLeft() {
        var customer = new JourneyFixtures(siyu).customer();
        var id = CustomerId.of(customer.id());
        var order = "P-" + UUID.randomUUID();
        var completedAt =
                Instant.now().minus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var completed = "{\"order_id\":\"" + order + "\",\"total\":258.50,\"currency\":\"CNY\"}";
        for (int i = 0; i < 2; i++) {
            var sent = siyu.shop().post("/v1/track", """
                    {"userId":"%s","event":"Order Completed","timestamp":"%s","properties":%s}""".formatted(customer.user(), completedAt, completed));
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            siyu.applyQueued();
        }

        assertThat(points.balance(id)).isEqualTo(258);
        var earned = points.ledger(id, 1).getFirst();
        assertThat(earned.reason()).isEqualTo("order " + order);
        assertThat(earned.at()).as("dated when the order was completed").isEqualTo(completedAt);
        var shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(earned.expiresAt())
                .isEqualTo(LocalDate.of(completedAt.atZone(shanghai).getYear() + 2, 1, 1)
                        .atStartOfDay(shanghai)
                        .toInstant()
                        .minusMillis(1));

        var refund = "m-" + UUID.randomUUID();
        track(customer, "Order Refunded", "{\"order_id\":\"" + order + "\",\"total\":100}", refund);
        track(customer, "Order Refunded", "{\"order_id\":\"" + order + "\",\"total\":100}", refund);

        // 258 × 100 / 258.50, rounded down; the same refund heard twice takes back once
        assertThat(points.balance(id)).isEqualTo(258 - 99);

        points.redeem(id, 150, "exchange", "test:" + UUID.randomUUID());
        track(customer, "Order Refunded", "{\"order_id\":\"" + order + "\"}", "m-" + UUID.randomUUID());

        // the rest of the order is refunded: 159 to take back, 9 left to take
        assertThat(points.balance(id)).isZero();
        var last = points.ledger(id, 1).getFirst();
        assertThat(last.kind()).isEqualTo("reverse");
        assertThat(last.points()).isEqualTo(-9);
        assertThat(last.reason()).contains("150 already spent");
    }

    @Test
    void aCancelledOrderTakesBackAllAndAnOrderInAnotherCurrencyEarnsNothing() {
        var customer = new JourneyFixtures(siyu).customer();
        var id = CustomerId.of(customer.id());
        var order = "P-" + UUID.randomUUID();
        track(
                customer,
                "Order Completed",
                "{\"order_id\":\"" + order + "\",\"total\":88,\"currency\":\"CNY\"}",
                "m-" + UUID.randomUUID());
        track(
                customer,
                "Order Completed",
                "{\"order_id\":\"U-" + UUID.randomUUID() + "\",\"total\":50,\"currency\":\"USD\"}",
                "m-" + UUID.randomUUID());
        assertThat(points.balance(id)).isEqualTo(88);

        var later = Instant.now().plusSeconds(60).toString();
        var cancelled = siyu.shop().post("/v1/track", """
                {"userId":"%s","event":"Order Cancelled","timestamp":"%s","properties":{"order_id":"%s"}}""".formatted(customer.user(), later, order));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        siyu.applyQueued();

        assertThat(points.balance(id)).isZero();
        assertThat(points.ledger(id, 1).getFirst().reason()).isEqualTo("order " + order + " cancelled");
    }
}
