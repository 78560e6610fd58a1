package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.customers.CustomerId;
import io.siyu.messaging.internal.tracking.Conversions;
import io.siyu.messaging.internal.tracking.Engagement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Orders are attributed to the message their customer last clicked or opened within the attribution windows: once per
 * order, however often and however concurrently its event arrives, on the ledger row and as an {@code Order
 * Attributed} event on the customer's timeline.
 */
@SiyuIntegrationTest
class ConversionTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    Engagement engagement;

    @Autowired
    Conversions conversions;

    @Autowired
    JdbcTemplate jdbc;

    record Customer(String user, long id) {}

    private Customer customer() {
        var user = "conv-" + UUID.randomUUID();
        var sent = siyu.shop().post("/v1/identify", """
                        {"userId":"%s","traits":{"first_name":"Lan","email":"%s"},
                         "context":{"consent":{"categoryPreferences":{"email":true}}}}""".formatted(user, MessagingFixtures.freshAddress()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return new Customer(user, siyu.customerId("user_id:" + user));
    }

    /** A marketing message sent to the customer; answers its ledger id. */
    private long sentTo(Customer customer) {
        var fixtures = new MessagingFixtures(siyu);
        var sendId = fixtures.send(customer.id(), fixtures.marketingTemplate(), null)
                .get("sendId")
                .asLong();
        assertThat(fixtures.settled(sendId).get("state").asString()).isEqualTo("sent");
        return sendId;
    }

    private void order(Customer customer, String orderId, String total) {
        var sent = siyu.shop().post("/v1/track", """
                        {"userId":"%s","event":"Order Completed","messageId":"%s",
                         "properties":{"order_id":"%s","total":%s,"currency":"CNY"}}""".formatted(customer.user(), UUID.randomUUID(), orderId, total));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }

    private JsonNode row(long sendId) {
        return siyu.admin().get("/api/v1/messages/" + sendId).json();
    }

    private List<JsonNode> attributedEvents(long customerId) {
        siyu.applyQueued();
        var items = siyu.admin()
                .get("/api/v1/customers/" + customerId + "/events?name=Order%20Attributed")
                .json()
                .get("items");
        var events = new ArrayList<JsonNode>();
        items.forEach(events::add);
        return events;
    }

    @Test
    void anOrderAfterAClickIsAttributedToThatMessageOnceWithItsRevenue() {
        var customer = customer();
        var earlier = sentTo(customer);
        var clicked = sentTo(customer);
        engagement.opened(earlier);
        engagement.clicked(clicked, "https://shop.example.com/new");
        var orderId = "o-" + UUID.randomUUID();

        order(customer, orderId, "88");
        order(customer, orderId, "88");

        var event = new MessagingFixtures(siyu).timelineEvent(customer.id(), "Order Attributed");
        var properties = event.get("properties");
        assertThat(properties.get("send_id").asLong()).isEqualTo(clicked);
        assertThat(properties.get("order_id").asString()).isEqualTo(orderId);
        assertThat(properties.get("revenue").asDouble()).isEqualTo(88.0);
        assertThat(properties.get("currency").asString()).isEqualTo("CNY");
        assertThat(properties.get("touch").asString()).isEqualTo("clicked");
        assertThat(properties.get("origin").asString()).isEqualTo("api");
        assertThat(properties.get("template").asString()).startsWith("t-");
        assertThat(row(clicked).get("conversions").asInt()).isEqualTo(1);
        assertThat(row(clicked).get("revenue").asDouble()).isEqualTo(88.0);
        assertThat(row(clicked).has("convertedAt")).isTrue();
        assertThat(row(earlier).get("conversions").asInt()).isZero();
        assertThat(attributedEvents(customer.id())).hasSize(1);
    }

    @Test
    void aClickOutsideItsWindowDoesNotCountAndARecentOpenDoes() {
        var customer = customer();
        var sendId = sentTo(customer);
        jdbc.update(
                "update messaging.send set clicked_at = now() - interval '6 days', opened_at = null where id = ?",
                sendId);

        order(customer, "o-" + UUID.randomUUID(), "10");

        assertThat(row(sendId).get("conversions").asInt()).isZero();
        assertThat(attributedEvents(customer.id())).isEmpty();

        jdbc.update("update messaging.send set opened_at = now() - interval '2 hours' where id = ?", sendId);
        order(customer, "o-" + UUID.randomUUID(), "12.5");

        var event = new MessagingFixtures(siyu).timelineEvent(customer.id(), "Order Attributed");
        assertThat(event.get("properties").get("touch").asString()).isEqualTo("opened");
        assertThat(row(sendId).get("conversions").asInt()).isEqualTo(1);
        assertThat(row(sendId).get("revenue").asDouble()).isEqualTo(12.5);
    }

    @Test
    void theSameOrderArrivingConcurrentlyIsAttributedExactlyOnce() throws Exception {
        var customer = customer();
        var sendId = sentTo(customer);
        engagement.clicked(sendId, "https://shop.example.com/new");
        var order = new Conversions.Order(
                CustomerId.of(customer.id()), "o-" + UUID.randomUUID(), Instant.now(), new BigDecimal("66.60"), "CNY");
        var deliveries = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(deliveries);
        try {
            var answers = new ArrayList<Future<List<Conversions.Attributed>>>();
            for (int i = 0; i < deliveries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return conversions.attribute(List.of(order));
                }));
            }
            start.countDown();
            var attributed = 0;
            for (var answer : answers) {
                attributed += answer.get(2, TimeUnit.MINUTES).size();
            }
            assertThat(attributed).as("deliveries that attributed the order").isEqualTo(1);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(jdbc.queryForObject(
                        "select count(*) from messaging.conversion where order_id = ?", Long.class, order.orderId()))
                .isEqualTo(1);
        assertThat(row(sendId).get("conversions").asInt()).isEqualTo(1);
        assertThat(row(sendId).get("revenue").asDouble()).isEqualTo(66.6);
        new MessagingFixtures(siyu).timelineEvent(customer.id(), "Order Attributed");
        assertThat(attributedEvents(customer.id())).hasSize(1);
    }
}
