package io.siyu.messaging.internal.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestJpushServer;
import io.siyu.messaging.internal.MessagingFixtures;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.tracking.Engagement;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Delivery receipts of app push through the real application and the stand-in of JPush's Report API: a push a device
 * received becomes delivered, with its timeline event, once; one no device received (JPush's vendors only took it)
 * stays sent, as does one older than the window; more than 100 awaiting pushes are asked about 100 at a time; refused
 * credentials, JPush's rate limit and its trouble change nothing and make the poll wait. The tests poll themselves;
 * the schedule's first poll is a week away in tests.
 */
@SiyuIntegrationTest
class PushReceiptsTests {

    private static final String DELIVERED = "Push Notification Delivered";

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PushReceipts receipts;

    @Autowired
    SendLedger ledger;

    @Autowired
    JpushReports reports;

    @Autowired
    Engagement engagement;

    private final TestJpushServer jpush = TestJpushServer.get();

    /** A push JPush took for a new customer's device: its ledger row, customer and msg_id. */
    private record Pushed(long sendId, long customer, String msgId) {}

    private Pushed pushed() {
        var push = new PushFixtures(siyu);
        var device = jpush.device();
        var customer = push.customer(device, "{\"push\":true}");
        var sendId = push.send(customer, push.template("transactional"));
        var row = new MessagingFixtures(siyu).settled(sendId);
        assertThat(row.get("state").asString()).as(row.toString()).isEqualTo("sent");
        return new Pushed(sendId, customer, row.get("providerMessageId").asString());
    }

    private JsonNode row(long sendId) {
        return siyu.admin().get("/api/v1/messages/" + sendId).json();
    }

    private long events(long customer, String name) {
        siyu.applyQueued();
        return siyu.admin()
                .get("/api/v1/customers/" + customer + "/events?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .json()
                .get("items")
                .size();
    }

    /** The msg_ids of the report calls made since {@code from} calls were counted. */
    private List<String> askedSince(int from) {
        var asked = new ArrayList<String>();
        jpush.reportCalls().subList(from, jpush.reportCalls().size()).forEach(asked::addAll);
        return asked;
    }

    @Test
    void aPushReceivedOnADeviceBecomesDeliveredWithItsTimelineEventOnce() {
        var android = pushed();
        var ios = pushed();
        jpush.received(android.msgId(), "android");
        jpush.received(ios.msgId(), "ios");

        var polled = receipts.poll();

        assertThat(polled.stopped()).isNull();
        assertThat(polled.delivered()).isGreaterThanOrEqualTo(2);
        for (var push : List.of(android, ios)) {
            var row = row(push.sendId());
            assertThat(row.get("state").asString()).isEqualTo("sent");
            assertThat(row.has("deliveredAt")).as(row.toString()).isTrue();
            new MessagingFixtures(siyu).timelineEvent(push.customer(), DELIVERED);
        }
        var deliveredAt = row(android.sendId()).get("deliveredAt").asString();

        var calls = jpush.reportCalls().size();
        receipts.poll();

        assertThat(askedSince(calls))
                .as("a delivered push is not asked about again")
                .doesNotContain(android.msgId());
        assertThat(row(android.sendId()).get("deliveredAt").asString()).isEqualTo(deliveredAt);
        assertThat(events(android.customer(), DELIVERED)).isEqualTo(1);
        assertThat(events(ios.customer(), DELIVERED)).isEqualTo(1);
    }

    @Test
    void aPushNoDeviceReceivedStaysSentAndIsAskedAgain() {
        var push = pushed();
        var calls = jpush.reportCalls().size();

        receipts.poll();
        receipts.poll();

        var row = row(push.sendId());
        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(row.has("deliveredAt"))
                .as("JPush's vendors took it, no device has it")
                .isFalse();
        assertThat(askedSince(calls).stream().filter(push.msgId()::equals)).hasSize(2);
        assertThat(events(push.customer(), DELIVERED)).isZero();
    }

    @Test
    void aPushOlderThanTheWindowIsNotAskedAboutAndStaysSent() {
        var push = pushed();
        jpush.received(push.msgId(), "android");
        jdbc.update("update messaging.send set sent_at = now() - interval '2 days' where id = ?", push.sendId());
        var calls = jpush.reportCalls().size();

        receipts.poll();

        assertThat(askedSince(calls)).doesNotContain(push.msgId());
        assertThat(row(push.sendId()).has("deliveredAt")).isFalse();
    }

    /**
     * Copies a push's ledger row {@code count} times, as more pushes JPush took for the same customer, each with its own
     * reason and msg_id; answers the msg_ids in row order.
     */
    private List<String> morePushesLike(Pushed push, int count) {
        var first = Long.parseLong(push.msgId()) * 10_000;
        jdbc.update("""
                insert into messaging.send (reason, origin, customer_id, channel, purpose, template_id,
                                            template_version, variables, state, due_at, queued_at, sent_at,
                                            address, provider, provider_message_id, recipient_key, attempts)
                select s.reason || '-' || n, s.origin, s.customer_id, s.channel, s.purpose, s.template_id,
                       s.template_version, s.variables, s.state, s.due_at, s.queued_at, s.sent_at, s.address,
                       s.provider, (? + n)::text, s.recipient_key, s.attempts
                  from messaging.send s, generate_series(0, ? - 1) n
                 where s.id = ? order by n""", first, count, push.sendId());
        var msgIds = new ArrayList<String>();
        for (int n = 0; n < count; n++) {
            msgIds.add(String.valueOf(first + n));
        }
        return msgIds;
    }

    /** Moves the copies out of the window, so later polls do not ask about them again. */
    private void forget(Pushed push) {
        jdbc.update(
                "update messaging.send set sent_at = now() - interval '30 days' where reason like ? and id <> ?",
                jdbc.queryForObject("select reason from messaging.send where id = ?", String.class, push.sendId())
                        + "-%",
                push.sendId());
    }

    private boolean delivered(String msgId) {
        return jdbc.queryForObject(
                "select delivered_at is not null from messaging.send where provider_message_id = ?",
                Boolean.class,
                msgId);
    }

    @Test
    void moreThanAHundredAwaitingPushesAreAskedAboutAHundredAtATime() {
        var push = pushed();
        var msgIds = morePushesLike(push, 150);
        jpush.received(msgIds.getLast(), "ios");
        var calls = jpush.reportCalls().size();

        var polled = receipts.poll();
        forget(push);

        var made = jpush.reportCalls().subList(calls, jpush.reportCalls().size());
        assertThat(made).hasSizeGreaterThanOrEqualTo(2);
        assertThat(made).allSatisfy(call -> assertThat(call).hasSizeBetween(1, 100));
        assertThat(new HashSet<>(askedSince(calls))).containsAll(msgIds).contains(push.msgId());
        assertThat(polled.stopped()).isNull();
        assertThat(polled.asked()).isGreaterThanOrEqualTo(151);
        assertThat(delivered(msgIds.getLast())).isTrue();
        assertThat(delivered(msgIds.getFirst())).isFalse();
    }

    @Test
    void aBacklogBeyondOnePollIsAskedAboutByTheNextFromWhereItStopped() {
        var push = pushed();
        var msgIds = morePushesLike(push, PushReceipts.MAX_CALLS * JpushReports.MAX_MSG_IDS + 50);
        jpush.received(msgIds.getLast(), "android");
        var calls = jpush.reportCalls().size();

        var first = receipts.poll();
        var askedFirst = askedSince(calls);
        var second = receipts.poll();
        forget(push);

        assertThat(first.stopped()).contains(PushReceipts.MAX_CALLS + " calls made");
        assertThat(first.asked()).isEqualTo(PushReceipts.MAX_CALLS * JpushReports.MAX_MSG_IDS);
        assertThat(askedFirst).doesNotContain(msgIds.getLast());
        assertThat(second.stopped()).isNull();
        assertThat(new HashSet<>(askedSince(calls))).containsAll(msgIds);
        assertThat(askedSince(calls).stream().filter(msgIds.getFirst()::equals))
                .as("the second poll went on after the first")
                .hasSize(1);
        assertThat(delivered(msgIds.getLast())).isTrue();
    }

    @Test
    void credentialsJpushRefusesChangeNothingAndSayWhy() {
        var push = pushed();
        jpush.received(push.msgId(), "android");
        var saved = siyu.admin()
                .put("/api/v1/messaging/providers/push", """
                {"appKey":"%s","masterSecret":"not-the-master-secret","endpoint":"%s","apnsProduction":true}""".formatted(TestJpushServer.APP_KEY, jpush.endpoint()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        PushReceipts.Polled polled;
        try {
            polled = receipts.poll();
        } finally {
            assertThat(siyu.admin().delete("/api/v1/messaging/providers/push").status())
                    .isEqualTo(200);
        }

        assertThat(polled.stopped()).contains("401").contains("3001");
        assertThat(polled.delivered()).isZero();
        assertThat(row(push.sendId()).has("deliveredAt")).isFalse();
        assertThat(events(push.customer(), DELIVERED)).isZero();

        assertThat(receipts.poll().stopped())
                .as("the next poll, with the credentials mended")
                .isNull();
        assertThat(row(push.sendId()).has("deliveredAt")).isTrue();
    }

    @Test
    void jpushsRateLimitMakesThePollWaitForItsResetAndTroubleBacksOff() {
        var push = pushed();
        jpush.received(push.msgId(), "android");
        var clock = new TestClock();
        var poll = new PushReceipts(
                ledger,
                reports,
                engagement,
                new PushReceiptSettings(URI.create(jpush.reportEndpoint()), Duration.ofMinutes(5), Duration.ofDays(1)),
                clock);

        jpush.rateLimitReports(1);
        assertThat(poll.poll().stopped()).contains("429").contains("2002");
        assertThat(row(push.sendId()).has("deliveredAt")).isFalse();
        var calls = jpush.reportCalls().size();
        assertThat(poll.poll().stopped()).startsWith("waiting until");
        assertThat(jpush.reportCalls()).as("no call before the reset").hasSize(calls);

        clock.pass(Duration.ofSeconds(31));
        jpush.failReports(2);
        assertThat(poll.poll().stopped()).contains("503");
        clock.pass(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(poll.poll().stopped()).contains("503");
        clock.pass(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(poll.poll().stopped())
                .as("the second trouble waits twice as long")
                .startsWith("waiting until");
        clock.pass(Duration.ofMinutes(5));

        assertThat(poll.poll().stopped()).isNull();
        assertThat(row(push.sendId()).has("deliveredAt")).isTrue();
        assertThat(events(push.customer(), DELIVERED)).isEqualTo(1);
    }

    /** The real time, moved on by the test; a copy in another zone moves with it. */
    private static final class TestClock extends Clock {

        private final java.util.concurrent.atomic.AtomicReference<Duration> passed;
        private final java.time.ZoneId zone;

        TestClock() {
            this(new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
        }

        private TestClock(java.util.concurrent.atomic.AtomicReference<Duration> passed, java.time.ZoneId zone) {
            this.passed = passed;
            this.zone = zone;
        }

        void pass(Duration more) {
            passed.updateAndGet(sum -> sum.plus(more));
        }

        @Override
        public java.time.ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return new TestClock(passed, zone);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(passed.get());
        }
    }
}
