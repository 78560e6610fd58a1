package io.siyu.webhooks.internal.delivery;

import static io.siyu.webhooks.internal.WebhookFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import io.siyu.webhooks.Webhooks;
import io.siyu.webhooks.internal.WebhookFixtures;
import io.siyu.webhooks.internal.WebhookReceiver;
import io.siyu.webhooks.internal.WebhookReceiver.Answer;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries to a real receiver on this machine: signed, retried after what may pass, failed after what will not,
 * parked after the last attempt, queued once per key. Retries are made due by passing the courier the time they are
 * due at, not by waiting for it.
 */
@SiyuIntegrationTest
class WebhookDeliveryTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    Webhooks webhooks;

    @Autowired
    Courier courier;

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void aDeliveryArrivesOnceSignedWithTheEndpointsSecret() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var key = key();

            var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key, Map.of("orderId", "A1001"));

            var request = receiver.await(1).getFirst();
            assertThat(request.id()).isEqualTo(key);
            assertThat(WebhookReceiver.verified(request, endpoint.secret())).isTrue();
            assertThat(request.contentType()).isEqualTo("application/json");
            var body = siyu.admin().get("/api/v1/webhooks/" + endpoint.id()).json();
            assertThat(body.get("secretPrefix").asString()).startsWith("whsec_");
            assertThat(request.body())
                    .startsWith("{\"type\":\"order.shipped\",\"timestamp\":\"")
                    .endsWith("\"data\":{\"orderId\":\"A1001\"}}");
            var delivered = new WebhookFixtures(siyu).delivery(endpoint.id(), status("delivered"));
            assertThat(delivered.get("id").asLong()).isEqualTo(queued.deliveryId());
            assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(200);

            var again = webhooks.enqueue(endpoint.id(), "order.shipped", key, Map.of("orderId", "A1001"));

            assertThat(again.alreadyQueued()).isTrue();
            assertThat(again.deliveryId()).isEqualTo(queued.deliveryId());
            var page = siyu.admin()
                    .get("/api/v1/webhooks/" + endpoint.id() + "/deliveries")
                    .json();
            assertThat(page.get("items")).hasSize(1);
            assertThat(outbox.get(endpoint.id(), queued.deliveryId()).attempts())
                    .isEqualTo(1);
        }
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdUntilTheReceiverTakesIt() throws Exception {
        try (var receiver = WebhookReceiver.start().answer(Answer.of(500))) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());
            var failed = await(endpoint.id(), queued.deliveryId(), DeliveryStatus.QUEUED, 1);
            assertThat(failed.lastStatusCode()).isEqualTo(500);
            assertThat(Duration.between(failed.lastAttemptAt(), failed.dueAt())).isEqualTo(Duration.ofSeconds(30));

            courier.pass(failed.dueAt());

            var delivered = outbox.get(endpoint.id(), queued.deliveryId());
            assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(delivered.lastStatusCode()).isEqualTo(200);
            var requests = receiver.received();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0).id()).isEqualTo(requests.get(1).id()).isEqualTo(queued.idempotencyKey());
            assertThat(requests).allMatch(r -> WebhookReceiver.verified(r, endpoint.secret()));
        }
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterAsks() throws Exception {
        try (var receiver =
                WebhookReceiver.start().answer(new Answer(429, Map.of("Retry-After", "120"), "slow down"))) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());

            var waiting = await(endpoint.id(), queued.deliveryId(), DeliveryStatus.QUEUED, 1);

            assertThat(waiting.lastStatusCode()).isEqualTo(429);
            assertThat(waiting.responseExcerpt()).isEqualTo("slow down");
            assertThat(Duration.between(waiting.lastAttemptAt(), waiting.dueAt()))
                    .isEqualTo(Duration.ofSeconds(120));
            courier.pass(waiting.dueAt().minusSeconds(1));
            assertThat(receiver.received()).hasSize(1);

            courier.pass(waiting.dueAt());

            assertThat(outbox.get(endpoint.id(), queued.deliveryId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(receiver.received()).hasSize(2);
        }
    }

    @Test
    void aClientErrorFailsForGoodAndAnOperatorCanRedeliverIt() throws Exception {
        try (var receiver = WebhookReceiver.start().answer(new Answer(400, Map.of(), "unknown order"))) {
            var fixtures = new WebhookFixtures(siyu);
            var endpoint = fixtures.endpoint(receiver.url());
            var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());

            var failed = fixtures.delivery(endpoint.id(), status("failed"));

            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(400);
            assertThat(failed.get("responseExcerpt").asString()).isEqualTo("unknown order");
            var path = "/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + queued.deliveryId() + "/redeliver";

            var redelivered = siyu.admin().post(path, "");

            assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
            fixtures.delivery(endpoint.id(), status("delivered"));
            assertThat(receiver.received()).hasSize(2);
            var twice = siyu.admin().post(path, "");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.json().get("detail").asString()).contains("delivered");
        }
    }

    @Test
    void refusedInputWritesNothingAndLeavesTheCallersTransactionUsable() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var tooLarge = Map.of("blob", "x".repeat(70_000));
            var key = key();

            var queued = transactions.execute(status -> {
                assertThatThrownBy(() -> webhooks.enqueue(List.of(
                                new Webhooks.Delivery(endpoint.id(), "order.shipped", key(), Map.of()),
                                new Webhooks.Delivery(endpoint.id(), "order.shipped", key(), tooLarge),
                                new Webhooks.Delivery(endpoint.id(), "order shipped", "a.b", Map.of()),
                                new Webhooks.Delivery(Long.MAX_VALUE, "order.shipped", key(), Map.of()))))
                        .isInstanceOfSatisfying(
                                InvalidInputException.class,
                                e -> assertThat(e.violations())
                                        .extracting(Violation::field)
                                        .containsExactly(
                                                "[1].data", "[2].eventType", "[2].idempotencyKey", "[3].endpointId"));
                return webhooks.enqueue(endpoint.id(), "order.shipped", key, Map.of());
            });

            assertThat(receiver.await(1).getFirst().id()).isEqualTo(key);
            assertThat(queued.alreadyQueued()).isFalse();
            assertThat(siyu.admin()
                            .get("/api/v1/webhooks/" + endpoint.id() + "/deliveries")
                            .json()
                            .get("items"))
                    .hasSize(1);
        }
    }

    @Test
    void aLongAnswerIsKeptOnlyByItsStart() throws Exception {
        try (var receiver = WebhookReceiver.start().answer(new Answer(503, Map.of(), "busy ".repeat(200_000)))) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());

            var waiting = await(endpoint.id(), queued.deliveryId(), DeliveryStatus.QUEUED, 1);

            assertThat(waiting.lastStatusCode()).isEqualTo(503);
            assertThat(waiting.responseExcerpt()).startsWith("busy busy").endsWith("…");
            assertThat(waiting.responseExcerpt()).hasSize(WebhookOutbox.EXCERPT + 1);
        }
    }

    @Test
    void aReceiverThatCannotBeReachedIsParkedAfterTheLastAttempt() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var endpoint = new WebhookFixtures(siyu).endpoint("http://127.0.0.1:" + closedPort + "/hooks");
        var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());
        var row = await(endpoint.id(), queued.deliveryId(), DeliveryStatus.QUEUED, 1);

        for (int i = 0; i < 20 && row.status() == DeliveryStatus.QUEUED; i++) {
            courier.pass(row.dueAt());
            row = outbox.get(endpoint.id(), queued.deliveryId());
        }

        assertThat(row.status()).isEqualTo(DeliveryStatus.PARKED);
        assertThat(row.attempts()).isEqualTo(10);
        assertThat(row.lastStatusCode()).isNull();
        assertThat(row.lastError()).startsWith("gave up after 10 attempts: connection refused");
    }

    @Test
    void aDeliveryLeftSendingByADeadSenderIsQueuedAgainAndSent() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var now = Instant.now().plusSeconds(1);
            // queued and claimed in one transaction, as by a sender that then died before it settled
            var queued = transactions.execute(status -> {
                var delivery = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());
                outbox.claim(1_000, now);
                return delivery;
            });
            assertThat(outbox.get(endpoint.id(), queued.deliveryId()).status()).isEqualTo(DeliveryStatus.SENDING);
            var later = now.plus(Duration.ofMinutes(6));

            assertThat(outbox.requeueAbandoned(later, Duration.ofMinutes(5))).isPositive();

            var requeued = outbox.get(endpoint.id(), queued.deliveryId());
            assertThat(requeued.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(requeued.lastError()).contains("unfinished attempt");
            courier.pass(later);
            assertThat(outbox.get(endpoint.id(), queued.deliveryId()).status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aDisabledEndpointHoldsItsDeliveriesUntilItIsEnabledAgain() throws Exception {
        try (var receiver = WebhookReceiver.start()) {
            var endpoint = new WebhookFixtures(siyu).endpoint(receiver.url());
            var path = "/api/v1/webhooks/" + endpoint.id();
            assertThat(siyu.admin().patch(path, "{\"enabled\":false}").status()).isEqualTo(200);
            var queued = webhooks.enqueue(endpoint.id(), "order.shipped", key(), Map.of());

            courier.pass(Instant.now().plusSeconds(60));

            assertThat(outbox.get(endpoint.id(), queued.deliveryId()).status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(receiver.received()).isEmpty();

            assertThat(siyu.admin().patch(path, "{\"enabled\":true}").status()).isEqualTo(200);
            courier.pass(Instant.now().plusSeconds(60));

            assertThat(receiver.await(1)).hasSize(1);
        }
    }

    /** The delivery once it is in this status after at least this many attempts. */
    WebhookOutbox.WebhookDelivery await(long endpoint, long delivery, DeliveryStatus status, int attempts) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var row = outbox.get(endpoint, delivery);
        while ((row.status() != status || row.attempts() < attempts) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            row = outbox.get(endpoint, delivery);
        }
        assertThat(row.status()).as(row.toString()).isEqualTo(status);
        assertThat(row.attempts()).as(row.toString()).isGreaterThanOrEqualTo(attempts);
        return row;
    }
}
