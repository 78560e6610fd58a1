package io.siyu.messaging.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.customers.CustomerId;
import io.siyu.messaging.Messages;
import io.siyu.messaging.internal.MessagingFixtures;
import io.siyu.messaging.internal.delivery.MessagingProperties;
import io.siyu.messaging.internal.delivery.Providers;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.respect.ContactLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Quiet hours and frequency caps through the real dispatcher and a real SMTP server: marketing in the customer's night
 * waits for their morning, marketing over a cap is skipped with the reason, transactional messages pass both, and
 * dispatchers sending to one customer at once never exceed a cap together.
 */
@SiyuIntegrationTest
class ContactLimitsTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Messages messages;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    SendLedger ledger;

    @Autowired
    Recipients recipients;

    @Autowired
    ContactLimits limits;

    @Autowired
    Dispatcher.Composition composition;

    @Autowired
    Providers providers;

    @Autowired
    MessagingProperties properties;

    @Autowired
    io.siyu.messaging.internal.wechat.SubscriptionGrants grants;

    @Autowired
    Clock clock;

    /** The present minute in Shanghai. */
    private LocalTime nowInShanghai() {
        return LocalTime.now(clock.withZone(SHANGHAI)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Quiet hours from an hour before to an hour after {@code local}, switched on. */
    private static String quietAround(LocalTime local) {
        return "{\"quietHours\":{\"enabled\":true,\"start\":\"" + local.minusHours(1) + "\",\"end\":\""
                + local.plusHours(1) + "\"},\"caps\":[]}";
    }

    private static String caps(String caps) {
        return "{\"quietHours\":{\"enabled\":false,\"start\":\"21:00\",\"end\":\"08:00\"},\"caps\":" + caps + "}";
    }

    private JsonNode row(long sendId) {
        return siyu.admin().get("/api/v1/messages/" + sendId).json();
    }

    /** Waits until a dispatcher has held the message (queued again, with this outcome), and answers its row. */
    private JsonNode heldFor(long sendId, String outcome) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            dispatcher.drain();
            var row = row(sendId);
            if (row.get("state").asString().equals("queued")
                    && outcome.equals(row.path("outcome").asString(""))) {
                return row;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("message " + sendId + " was not held for " + outcome + ": " + row);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void marketingInTheCustomersNightWaitsForItsEndAndIsThenSent() {
        var fixtures = new MessagingFixtures(siyu);
        var sleeper = MessagingFixtures.freshAddress();
        var awake = MessagingFixtures.freshAddress();
        var sleeping = fixtures.customer(sleeper, "Wei", "{\"email\":true}", "Asia/Shanghai");
        var elsewhere = fixtures.customer(awake, "Amy", "{\"email\":true}", "America/New_York");
        var template = fixtures.marketingTemplate();
        var present = nowInShanghai();
        var before = fixtures.respectSettings(quietAround(present));
        try {
            var held = fixtures.send(sleeping, template, null).get("sendId").asLong();
            var sent = fixtures.send(elsewhere, template, null).get("sendId").asLong();

            assertThat(fixtures.settled(sent).get("state").asString()).isEqualTo("sent");
            var waiting = heldFor(held, ContactLimits.QUIET_HOURS);
            assertThat(waiting.get("attempts").asInt()).isZero();
            assertThat(Instant.parse(waiting.get("dueAt").asString())
                            .atZone(SHANGHAI)
                            .toLocalTime())
                    .isEqualTo(present.plusHours(1));
            assertThat(TestMailServer.to(sleeper)).isEmpty();
            assertThat(TestMailServer.await(awake, 1)).hasSize(1);
        } finally {
            fixtures.respectSettings(before);
        }

        // the night is over: the quiet hours no longer hold, and the message's time has come
        var held = jdbc.queryForObject(
                "update messaging.send set due_at = now() where customer_id = ? and state = 'queued' returning id",
                Long.class,
                sleeping);
        dispatcher.drain();
        var settled = fixtures.settled(held);
        assertThat(settled.get("state").asString()).isEqualTo("sent");
        assertThat(settled.get("attempts").asInt()).isEqualTo(1);
        assertThat(TestMailServer.await(sleeper, 1)).hasSize(1);
    }

    @Test
    void aChannelWhosePolicyIsToSkipSkipsQuietMarketingAndOneThatWaitsWaitsOutACap() {
        var fixtures = new MessagingFixtures(siyu);
        var sleeper = MessagingFixtures.freshAddress();
        var busy = MessagingFixtures.freshAddress();
        var sleeping = fixtures.customer(sleeper, "Wei", "{\"email\":true}", "Asia/Shanghai");
        var template = fixtures.marketingTemplate();
        var present = nowInShanghai();
        var before = fixtures.respectSettings("{\"quietHours\":{\"enabled\":true,\"start\":\"" + present.minusHours(1)
                + "\",\"end\":\"" + present.plusHours(1) + "\"},\"caps\":[],"
                + "\"policies\":[{\"channel\":\"email\",\"whenQuiet\":\"skip\",\"whenCapped\":\"skip\"}]}");
        try {
            var skipped = fixtures.settled(
                    fixtures.send(sleeping, template, null).get("sendId").asLong());

            assertThat(skipped.get("state").asString()).isEqualTo("skipped");
            assertThat(skipped.get("outcome").asString()).isEqualTo(ContactLimits.QUIET_HOURS);
            var shown = siyu.admin().get("/api/v1/respect-settings").json().get("policies");
            assertThat(shown.findValuesAsString("channel")).contains("email", "sms", "inbox");
            assertThat(shown.get(0).get("whenQuiet").asString()).isEqualTo("skip");
        } finally {
            fixtures.respectSettings(before);
        }

        var customer = fixtures.customer(busy, "Kai", "{\"email\":true}", null);
        fixtures.respectSettings(caps("[{\"limit\":1,\"windowHours\":24}],"
                + "\"policies\":[{\"channel\":\"email\",\"whenQuiet\":\"wait\",\"whenCapped\":\"wait\"}]"));
        try {
            var first = fixtures.settled(
                    fixtures.send(customer, template, null).get("sendId").asLong());
            var second = fixtures.send(customer, template, null).get("sendId").asLong();
            var waiting = heldFor(second, ContactLimits.FREQUENCY_CAP);

            assertThat(first.get("state").asString()).isEqualTo("sent");
            assertThat(waiting.get("state").asString()).isEqualTo("queued");
            assertThat(waiting.get("outcome").asString()).isEqualTo(ContactLimits.FREQUENCY_CAP);
            assertThat(waiting.get("attempts").asInt()).isZero();
            var frees = Instant.parse(waiting.get("dueAt").asString());
            var counted = jdbc.queryForObject(
                    "select counted_at from messaging.send where id = ?",
                    java.time.OffsetDateTime.class,
                    first.get("id").asLong());
            assertThat(frees)
                    .as("when the first leaves the 24-hour window")
                    .isEqualTo(counted.toInstant().plus(Duration.ofHours(24)));
        } finally {
            fixtures.respectSettings(before);
        }
    }

    @Test
    void policiesNamingUnknownChannelsOrActionsAreRefusedByField() {
        var refused = siyu.admin()
                .put(
                        "/api/v1/respect-settings",
                        caps(
                                "[],\"policies\":[{\"channel\":\"fax\",\"whenQuiet\":\"wait\",\"whenCapped\":\"later\"}]"));
        var twice = siyu.admin()
                .put(
                        "/api/v1/respect-settings",
                        caps("[],\"policies\":[{\"channel\":\"sms\",\"whenQuiet\":\"skip\",\"whenCapped\":\"skip\"},"
                                + "{\"channel\":\"sms\",\"whenQuiet\":\"wait\",\"whenCapped\":\"skip\"}]"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("policies[0].channel").contains("policies[0].whenCapped");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("policies[1].channel").contains("unique");
    }

    @Test
    void transactionalMessagesAreNotHeldByQuietHours() {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Jun", null, "Asia/Shanghai");
        var template = fixtures.template("transactional", "Your order shipped", null, "It is on its way.");
        var before = fixtures.respectSettings(quietAround(nowInShanghai()));
        try {
            var sent = fixtures.send(customer, template, null).get("sendId").asLong();

            assertThat(fixtures.settled(sent).get("state").asString()).isEqualTo("sent");
            assertThat(TestMailServer.await(address, 1)).hasSize(1);
        } finally {
            fixtures.respectSettings(before);
        }
    }

    @Test
    void marketingOverACapIsSkippedWithTheReasonAndTransactionalStillGoes() {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Hua", "{\"email\":true}");
        var marketing = fixtures.marketingTemplate();
        var transactional = fixtures.template("transactional", "Your receipt", null, "Thank you.");
        var before =
                fixtures.respectSettings(caps("[{\"limit\":2,\"windowHours\":24},{\"limit\":5,\"windowHours\":168}]"));
        try {
            var outcomes = new ArrayList<String>();
            for (var template : List.of(marketing, marketing, marketing, transactional)) {
                var row = fixtures.settled(
                        fixtures.send(customer, template, null).get("sendId").asLong());
                outcomes.add(row.get("state").asString()
                        + (row.has("outcome") ? ":" + row.get("outcome").asString() : ""));
            }

            assertThat(outcomes).containsExactly("sent", "sent", "skipped:frequency-cap", "sent");
            assertThat(TestMailServer.await(address, 3)).hasSize(3);
        } finally {
            fixtures.respectSettings(before);
        }
    }

    @Test
    void fourDispatchersSendingToOneCustomerAtOnceNeverExceedTheCap() throws Exception {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Lin", "{\"email\":true}");
        var template = fixtures.marketingTemplate();
        var cap = 3;
        var queued = 40;
        // due in an hour, so that only the four dispatchers below, whose clock is two hours ahead, take them
        var due = clock.instant().plus(Duration.ofHours(1));
        var requests = new ArrayList<Messages.SendRequest>();
        for (int i = 0; i < queued; i++) {
            requests.add(new Messages.SendRequest(
                    "test:" + UUID.randomUUID(), "test", CustomerId.of(customer), template, Map.of(), due));
        }
        var ids =
                messages.enqueue(requests).stream().map(Messages.Queued::sendId).toList();
        var ahead = Clock.offset(clock, Duration.ofHours(2));
        var oneAtATime = new MessagingProperties(
                properties.publicUrl(),
                properties.brandName(),
                properties.consent(),
                properties.marketingCategory(),
                properties.email(),
                properties.sms(),
                new MessagingProperties.Dispatch(1, 1, 6, Duration.ofSeconds(30), Duration.ofMinutes(5)));
        var before = fixtures.respectSettings(caps("[{\"limit\":" + cap + ",\"windowHours\":24}]"));
        try {
            var start = new CyclicBarrier(4);
            try (var executor = Executors.newFixedThreadPool(4)) {
                var workers = new ArrayList<Future<?>>();
                for (int w = 0; w < 4; w++) {
                    var worker = new Dispatcher(
                            ledger,
                            new Admission(recipients, limits, oneAtATime),
                            composition,
                            providers,
                            grants,
                            oneAtATime,
                            ahead);
                    workers.add(executor.submit(() -> {
                        start.await();
                        while (worker.pass() > 0) {
                            // each pass claims, decides and sends one message
                        }
                        return null;
                    }));
                }
                for (var worker : workers) {
                    worker.get();
                }
            }
        } finally {
            fixtures.respectSettings(before);
        }

        var states = new ArrayList<String>();
        for (var id : ids) {
            var row = row(id);
            states.add(row.get("state").asString()
                    + (row.has("outcome") ? ":" + row.get("outcome").asString() : ""));
        }
        assertThat(states.stream().filter("sent"::equals)).hasSize(cap);
        assertThat(states.stream().filter("skipped:frequency-cap"::equals)).hasSize(queued - cap);
        assertThat(TestMailServer.await(address, cap)).hasSize(cap);
    }
}
