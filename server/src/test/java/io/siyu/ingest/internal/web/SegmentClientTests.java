package io.siyu.ingest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestCredentials;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The official Segment Java library, unchanged, delivers to Siyu once its endpoint points at Siyu: the proof that a
 * brand instrumented for Segment switches by changing the host.
 */
@SiyuIntegrationTest
class SegmentClientTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    /** What the library reported of the messages it sent: the ids it calls delivered, and its failures. */
    static final class Deliveries implements Callback {
        final CountDownLatch reported;
        final ConcurrentLinkedQueue<String> successes = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        Deliveries(int messages) {
            reported = new CountDownLatch(messages);
        }

        @Override
        public void success(Message message) {
            successes.add(message.messageId());
            reported.countDown();
        }

        @Override
        public void failure(Message message, Throwable throwable) {
            failures.add(throwable);
            reported.countDown();
        }
    }

    /** The Segment library pointed at Siyu, sending all its messages in one batch. */
    Analytics analytics(Deliveries deliveries, int batchSize) {
        return Analytics.builder(TestCredentials.WRITE_KEY)
                .endpoint("http://localhost:" + siyu.port())
                .flushQueueSize(batchSize)
                .callback(deliveries)
                .build();
    }

    /** The profiles the user and the anonymous visitor of a delivery ended on: one, once the alias joined them. */
    private record Delivered(List<Long> customers) {

        long customer() {
            return customers.getFirst();
        }
    }

    /**
     * Has Segment's Java library deliver one message of every kind: an anonymous visitor's page and track, an alias to
     * a user, and the user's identify, group and screen.
     */
    private Delivered everyKindOfMessageDelivered() throws Exception {
        var user = "seg-" + UUID.randomUUID();
        var anonymous = UUID.randomUUID().toString();
        var deliveries = new Deliveries(6);
        var analytics = analytics(deliveries, 6);

        analytics.enqueue(PageMessage.builder("Home").anonymousId(anonymous).properties(Map.of("path", "/")));
        analytics.enqueue(TrackMessage.builder("Product Viewed")
                .anonymousId(anonymous)
                .properties(Map.of("product_id", "seg-p1", "name", "Tea", "price", 38.5)));
        analytics.enqueue(AliasMessage.builder(anonymous).userId(user));
        analytics.enqueue(IdentifyMessage.builder()
                .userId(user)
                .traits(Map.of("name", "Segment Tester", "email", user + "@example.com", "plan", "gold")));
        analytics.enqueue(GroupMessage.builder("team-42").userId(user).traits(Map.of("name", "Team 42")));
        analytics.enqueue(ScreenMessage.builder("Checkout").userId(user));
        analytics.flush();

        assertThat(deliveries.reported.await(30, TimeUnit.SECONDS)).isTrue();
        analytics.shutdown();
        assertThat(deliveries.failures).isEmpty();
        siyu.applyQueued();

        var customers = jdbc.queryForList(
                "select distinct customer_id from customers.identity where (type, lookup_key) in "
                        + "(('user_id', ?), ('anonymous_id', ?))",
                Long.class,
                user,
                anonymous);
        return new Delivered(customers);
    }

    /** What a query about the customer of {@link #everyKindOfMessageDelivered()} answers, one text a row. */
    private List<String> readAboutTheDeliveredCustomer(String sql) throws Exception {
        return jdbc.queryForList(
                sql, String.class, everyKindOfMessageDelivered().customer());
    }

    @Test
    void theSegmentJavaLibraryDeliversEveryKindOfMessage() throws Exception {
        var types = readAboutTheDeliveredCustomer(
                "select type from customers.event where customer_id = ? order by occurred_at, id");

        assertThat(types)
                .containsExactlyInAnyOrderElementsOf(List.of("page", "track", "alias", "identify", "group", "screen"));
    }

    @Test
    void theSegmentJavaLibrarysAliasJoinsTheAnonymousVisitorAndTheUser() throws Exception {
        var customers = everyKindOfMessageDelivered().customers();

        assertThat(customers)
                .as("the alias joined the anonymous visitor and the user")
                .hasSize(1);
    }

    @Test
    void theSegmentJavaLibrarysContextIsKeptOnTheTimeline() throws Exception {
        var library = readAboutTheDeliveredCustomer(
                "select context->'library'->>'name' from customers.event where customer_id = ? and type = 'identify'");

        assertThat(library).containsExactly("analytics-java");
    }

    @Test
    void theSegmentJavaLibrarysIdentifySetsTheProfilesTraits() throws Exception {
        var plan = readAboutTheDeliveredCustomer("select traits->>'plan' from customers.customer where id = ?");

        assertThat(plan).containsExactly("gold");
    }

    /** The ids of the valid and the invalid message of a batch, and what the library reported for it. */
    private record MixedDelivery(String valid, String invalid, Deliveries deliveries) {}

    /** Has Segment's Java library deliver a batch of a valid track and an identify with an invalid e-mail address. */
    private MixedDelivery batchWithAnInvalidMessageDelivered() throws Exception {
        var user = "seg-mixed-" + UUID.randomUUID();
        var valid = "seg-valid-" + UUID.randomUUID();
        var invalid = "seg-invalid-" + UUID.randomUUID();
        var deliveries = new Deliveries(2);
        var analytics = analytics(deliveries, 2);

        analytics.enqueue(TrackMessage.builder("Coupon Claimed").userId(user).messageId(valid));
        analytics.enqueue(IdentifyMessage.builder()
                .userId(user)
                .messageId(invalid)
                .traits(Map.of("email", "not an e-mail address")));
        analytics.flush();

        assertThat(deliveries.reported.await(30, TimeUnit.SECONDS)).isTrue();
        analytics.shutdown();
        siyu.applyQueued();
        return new MixedDelivery(valid, invalid, deliveries);
    }

    @Test
    void aBatchWithAnInvalidMessageIsNoFailureOfItsValidMessagesForTheSegmentLibrary() throws Exception {
        var delivery = batchWithAnInvalidMessageDelivered();

        assertThat(delivery.deliveries().failures)
                .as("the library reports a 4xx answer as the failure of every message")
                .isEmpty();
        assertThat(delivery.deliveries().successes).contains(delivery.valid());
    }

    @Test
    void theValidMessageOfABatchWithAnInvalidOneIsApplied() throws Exception {
        var delivery = batchWithAnInvalidMessageDelivered();

        assertThat(jdbc.queryForObject(
                        "select count(*) from customers.event where message_id = ?", Long.class, delivery.valid()))
                .isEqualTo(1);
    }

    @Test
    void theInvalidMessageOfABatchIsKeptWithItsReason() throws Exception {
        var delivery = batchWithAnInvalidMessageDelivered();

        assertThat(jdbc.queryForObject(
                        "select reason from ingest.rejected_message where message_id = ?",
                        String.class,
                        delivery.invalid()))
                .isEqualTo("email");
    }
}
