package io.siyu.messaging.internal.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures.ShopKey;
import io.siyu.messaging.internal.MessagingFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The in-app inbox end to end: a journey or the API sends an inbox message, the customer's app lists it through the
 * consumer API with their token, receives it on the server-sent-events stream as it comes, and marking it read records
 * the open once. Another customer sees none of it.
 */
@SiyuIntegrationTest
class InboxTests {

    @Autowired
    SiyuUnderTest siyu;

    ShopKey key;
    MessagingFixtures fixtures;

    @BeforeEach
    void registerKey() {
        key = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", key.registration("inbox tests"))
                        .status())
                .isEqualTo(201);
        fixtures = new MessagingFixtures(siyu);
    }

    /** A customer of the shop, known to Siyu; answers their user id. */
    private String customer() {
        var user = "inbox-" + UUID.randomUUID();
        var sent = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"first_name":"Lan"}}""".formatted(user));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return user;
    }

    private HttpFixtures app(String user) {
        return HttpFixtures.consumer(siyu.port(), () -> key.token(user));
    }

    private String inboxTemplate(String purpose) {
        var key = "ib-" + UUID.randomUUID().toString().substring(0, 8);
        var created = siyu.admin().post("/api/v1/message-templates", """
                {"key":"%s","name":"Inbox %s","channel":"inbox","purpose":"%s",
                 "subject":"Hi {{customer.first_name}}","text":"Your parcel is on its way",
                 "html":"<p>Your parcel is on its way</p><script>alert(1)</script>",
                 "link":"https://shop.example.com/orders/{{data.order}}"}""".formatted(key, key, purpose));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    private long send(String user, String template) {
        var response =
                siyu.admin().post("/api/v1/messages", """
                {"customerId":%d,"template":"%s","data":{"order":"A-1"}}""".formatted(siyu.customerId("user_id:" + user), template));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("sendId").asLong();
    }

    @Test
    void aMessageArrivesOnTheStreamAndInTheListAndReadingItCountsAsOpenedOnce() throws Exception {
        var user = customer();
        var template = inboxTemplate("marketing");
        var events = new LinkedBlockingQueue<String>();
        var stream = open(user, null, events);
        try {
            assertThat(next(events, "ready")).contains("\"unread\":0");

            var sendId = send(user, template);
            var pushed = next(events, "message");

            assertThat(pushed).contains("Hi Lan").contains("Your parcel is on its way");
            assertThat(pushed).as("the script is gone").doesNotContain("<script>");
            assertThat(fixtures.settled(sendId).get("state").asString()).isEqualTo("sent");
            var page = app(user).get("/consumer/v1/inbox").json();
            assertThat(page.get("unread").asInt()).isEqualTo(1);
            var message = page.get("messages").get(0);
            assertThat(message.get("title").asString()).isEqualTo("Hi Lan");
            assertThat(message.get("link").asString())
                    .as("the web link goes through the click redirect")
                    .contains("/t/c/")
                    .contains("orders%2FA-1");
            assertThat(message.has("readAt")).isFalse();

            var id = message.get("id").asLong();
            var read = app(user).post("/consumer/v1/inbox/" + id + "/read", "");
            var again = app(user).post("/consumer/v1/inbox/" + id + "/read", "");

            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(200);
            assertThat(read.json().has("readAt")).isTrue();
            assertThat(app(user).get("/consumer/v1/inbox").json().get("unread").asInt())
                    .isZero();
            var customerId = siyu.customerId("user_id:" + user);
            fixtures.timelineEvent(customerId, "Inbox Message Opened");
            fixtures.timelineEvent(customerId, "Inbox Message Sent");
            var opens = siyu.admin()
                    .get("/api/v1/customers/" + customerId + "/events?name=Inbox%20Message%20Opened")
                    .json();
            assertThat(opens.get("items").size()).as("read twice, opened once").isEqualTo(1);
            assertThat(siyu.admin().get("/api/v1/messages/" + sendId).json().has("openedAt"))
                    .isTrue();
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void aReconnectingStreamGetsWhatItMissedAndAnotherCustomerSeesNothing() throws Exception {
        var user = customer();
        var stranger = customer();
        var template = inboxTemplate("transactional");
        var first = send(user, template);
        fixtures.settled(first);
        var firstId = app(user)
                .get("/consumer/v1/inbox")
                .json()
                .get("messages")
                .get(0)
                .get("id")
                .asLong();
        var second = send(user, template);
        fixtures.settled(second);

        var events = new LinkedBlockingQueue<String>();
        var stream = open(user, firstId, events);
        try {
            assertThat(next(events, "ready")).contains("\"unread\":2");
            assertThat(next(events, "message"))
                    .as("the one after Last-Event-ID")
                    .contains("Your parcel");
            assertThat(events.poll(1, TimeUnit.SECONDS)).as("nothing older").isNull();
        } finally {
            stream.cancel(true);
        }
        assertThat(app(stranger)
                        .get("/consumer/v1/inbox")
                        .json()
                        .get("messages")
                        .isEmpty())
                .isTrue();
        assertThat(app(stranger)
                        .post("/consumer/v1/inbox/" + firstId + "/read", "")
                        .status())
                .isEqualTo(404);
        assertThat(app(user)
                        .post("/consumer/v1/inbox/read-all", "")
                        .json()
                        .get("read")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void badPagesAndStreamIdsAreRefusedByName() {
        var user = customer();
        var zero = app(user).get("/consumer/v1/inbox?limit=0");
        var huge = app(user).get("/consumer/v1/inbox?limit=101");
        var before = app(user).get("/consumer/v1/inbox?before=-3");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("\"limit\"");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(before.body()).contains("\"before\"");
        var badId = app(user).header("Last-Event-ID", "x;drop").get("/consumer/v1/inbox/stream");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("Last-Event-ID");
        assertThat(HttpFixtures.anonymous(siyu.port()).get("/consumer/v1/inbox").status())
                .isEqualTo(401);
    }

    @Test
    void aCustomerMayHoldOnlyAFewStreamsAtOnce() throws Exception {
        var user = customer();
        var streams = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        try {
            for (int i = 0; i < InboxStream.PER_CUSTOMER; i++) {
                var events = new LinkedBlockingQueue<String>();
                streams.add(open(user, null, events));
                next(events, "ready");
            }
            var refused = app(user).get("/consumer/v1/inbox/stream");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("too-many-streams");
        } finally {
            streams.forEach(s -> s.cancel(true));
        }
    }

    /** Opens the stream on a thread of its own, putting each event as "name data" into {@code events}. */
    private java.util.concurrent.Future<?> open(String user, Long lastEventId, BlockingQueue<String> events) {
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + siyu.port() + "/consumer/v1/inbox/stream"))
                .header("Authorization", "Bearer " + key.token(user))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        var client = HttpClient.newHttpClient();
        return java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor().submit(() -> {
            try {
                var response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    events.add("status " + response.statusCode());
                    return null;
                }
                try (Stream<String> lines = response.body()) {
                    var name = new String[] {"message"};
                    lines.forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            events.add(name[0] + " " + line.substring(5).strip());
                            name[0] = "message";
                        }
                    });
                }
            } finally {
                client.close();
            }
            return null;
        });
    }

    /** The next event of a name, waiting for it generously; fails on another event first. */
    private static String next(BlockingQueue<String> events, String name) throws InterruptedException {
        var event = events.poll(60, TimeUnit.SECONDS);
        assertThat(event).as("an event '" + name + "' within a minute").isNotNull();
        assertThat(event).startsWith(name + " ");
        return event.substring(name.length() + 1);
    }
}
