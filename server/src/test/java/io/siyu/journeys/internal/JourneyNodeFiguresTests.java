package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.messaging.internal.MessagingFixtures;
import io.siyu.messaging.internal.tracking.Engagement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The report counts, per node, the customers who entered it, wait there and ended there, and for a node that sends
 * messages, what became of them: sent, delivered, opened, clicked, converted and the revenue attributed to them.
 */
@SiyuIntegrationTest
class JourneyNodeFiguresTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    Engagement engagement;

    private static JsonNode node(JsonNode report, String id) {
        for (var node : report.get("nodes")) {
            if (node.get("node").asString().equals(id)) {
                return node;
            }
        }
        return report.path("missing");
    }

    @Test
    void aMessageNodeShowsWhatBecameOfItsMessagesAndEveryNodeWhoEndedThere() {
        var fixtures = new JourneyFixtures(siyu);
        var template = new MessagingFixtures(siyu).marketingTemplate();
        var joined = "Joined " + UUID.randomUUID();
        var journey = fixtures.messageThenOrder(joined, template);
        var buyer = fixtures.customer();
        var reader = fixtures.customer();

        fixtures.track(buyer, joined, "{}");
        fixtures.track(reader, joined, "{}");
        TestMailServer.await(buyer.email(), 1);
        TestMailServer.await(reader.email(), 1);
        var sent = fixtures.report(
                journey, r -> node(r, "hello").path("messages").path("sent").asLong() == 2);
        assertThat(node(sent, "hello").get("passed").asLong()).isEqualTo(2);
        assertThat(node(sent, "order").get("waiting").asLong()).isEqualTo(2);
        assertThat(node(sent, "order").path("messages").isObject())
                .as("a wait sends nothing")
                .isFalse();

        engagement.clicked(sendId(buyer.id()), "https://shop.example.com/new");
        engagement.opened(sendId(reader.id()));
        fixtures.track(buyer, "Order Completed", "{\"order_id\":\"" + UUID.randomUUID() + "\",\"total\":88}");

        var converted = fixtures.report(
                journey,
                r -> state(r, "converted") == 1
                        && node(r, "hello").path("messages").path("converted").asLong() == 1);
        var hello = node(converted, "hello");
        var messages = hello.get("messages");
        assertThat(messages.get("sent").asLong()).isEqualTo(2);
        assertThat(messages.get("delivered").asLong()).isEqualTo(2);
        assertThat(messages.get("opened").asLong()).isEqualTo(1);
        assertThat(messages.get("clicked").asLong()).isEqualTo(1);
        assertThat(messages.get("revenue").asDouble()).isEqualTo(88.0);
        assertThat(hello.get("exited").asLong()).isZero();
        var order = node(converted, "order");
        assertThat(order.get("passed").asLong()).isEqualTo(2);
        assertThat(order.get("waiting").asLong()).isEqualTo(1);
        assertThat(order.get("exited").asLong())
                .as("the buyer reached the goal while waiting there")
                .isEqualTo(1);
    }

    /** The ledger id of the one message the customer was sent. */
    private long sendId(long customerId) {
        var items = siyu.admin()
                .get("/api/v1/messages?customerId=" + customerId)
                .json()
                .get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("id").asLong();
    }
}
