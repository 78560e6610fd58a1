package io.siyu.ingest.internal;

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
import io.siyu.TestCredentials;
import io.siyu.ingest.Ingestion;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The official Segment Java library, unchanged, delivers to Siyu once its endpoint points at Siyu: the proof that a
 * brand instrumented for Segment switches by changing the host.
 */
@SiyuIntegrationTest
class SegmentClientTests {

    @LocalServerPort
    int port;

    @Autowired
    Ingestion ingestion;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSegmentJavaLibraryDeliversEveryKindOfMessage() throws Exception {
        var user = "seg-" + UUID.randomUUID();
        var anonymous = UUID.randomUUID().toString();
        var delivered = new CountDownLatch(6);
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var analytics = Analytics.builder(TestCredentials.WRITE_KEY)
                .endpoint("http://localhost:" + port)
                .flushQueueSize(6)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                        delivered.countDown();
                    }
                })
                .build();

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

        assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        analytics.shutdown();
        assertThat(failures).isEmpty();
        ingestion.applyQueued();

        var customers = jdbc.queryForList(
                "select distinct customer_id from customers.identity where (type, lookup_key) in "
                        + "(('user_id', ?), ('anonymous_id', ?))",
                Long.class,
                user,
                anonymous);
        assertThat(customers)
                .as("the alias joined the anonymous visitor and the user")
                .hasSize(1);
        var types = jdbc.queryForList(
                "select type from customers.event where customer_id = ? order by occurred_at, id",
                String.class,
                customers.getFirst());
        assertThat(types)
                .containsExactlyInAnyOrderElementsOf(List.of("page", "track", "alias", "identify", "group", "screen"));
        var library = jdbc.queryForObject(
                "select context->'library'->>'name' from customers.event where customer_id = ? and type = 'identify'",
                String.class,
                customers.getFirst());
        assertThat(library).isEqualTo("analytics-java");
        var plan = jdbc.queryForObject(
                "select traits->>'plan' from customers.customer where id = ?", String.class, customers.getFirst());
        assertThat(plan).isEqualTo("gold");
    }
}
