package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomersMerged;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.respect.ContactLimits;
import io.siyu.messaging.internal.respect.Suppressions;
import io.siyu.messaging.internal.tracking.Engagement;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two profiles found to be one person: what messaging kept for the absorbed one is the survivor's, through the real
 * merge a sign-in makes (a visitor's device linked to the shop's account): the inbox and its unread count, WeChat
 * subscription grants added up once per merge and never lost to a send taking one at that moment, the contact budget,
 * the suppressions, the message history and the clicks an order of the survivor is attributed to.
 */
@SiyuIntegrationTest
class MessagingMergeTests {

    static final String SHIPPED = "SUBorderShipped-0001-abcdefghij";
    static final String PRICE_DROP = "SUBpriceDrop-0002-abcdefghijkl";

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    SubscriptionGrants grants;

    @Autowired
    Suppressions suppressions;

    @Autowired
    Engagement engagement;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    /** A visitor known by a device and the shop's account they are about to sign in to, before the merge. */
    record Pair(String device, long visitor, String user, long account) {}

    /** A visitor and an account, each with its own e-mail address and consent to e-mail. */
    private Pair pair() {
        var device = "dev-" + UUID.randomUUID();
        var user = "acct-" + UUID.randomUUID();
        send("""
                {"type":"identify","anonymousId":"%s","traits":{"first_name":"Lan","email":"%s"},
                 "context":{"consent":{"categoryPreferences":{"email":true}}}}""".formatted(device, MessagingFixtures.freshAddress()));
        send("""
                {"type":"identify","userId":"%s","traits":{"first_name":"Lan","email":"%s"},
                 "context":{"consent":{"categoryPreferences":{"email":true}}}}""".formatted(user, MessagingFixtures.freshAddress()));
        return new Pair(device, siyu.customerId("anonymous_id:" + device), user, siyu.customerId("user_id:" + user));
    }

    /** The visitor signs in: the identity graph links the device to the account, and the visitor's profile merges. */
    private void signIn(Pair pair) {
        send("""
                {"type":"identify","userId":"%s","anonymousId":"%s"}""".formatted(pair.user(), pair.device()));
        assertThat(siyu.customerId("anonymous_id:" + pair.device())).isEqualTo(pair.account());
    }

    private void send(String message) {
        var sent = siyu.shop().post("/v1/batch", "{\"batch\":[" + message + "]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }

    private long sent(long customer, String template) {
        var fixtures = new MessagingFixtures(siyu);
        var sendId = fixtures.send(customer, template, null).get("sendId").asLong();
        assertThat(fixtures.settled(sendId).get("state").asString()).isEqualTo("sent");
        return sendId;
    }

    private String inboxTemplate() {
        var key = "ib-" + UUID.randomUUID().toString().substring(0, 8);
        var created = siyu.admin().post("/api/v1/message-templates", """
                {"key":"%s","name":"Inbox %s","channel":"inbox","purpose":"transactional",
                 "subject":"Hi {{customer.first_name}}","text":"Your parcel is on its way"}""".formatted(key, key));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    @Test
    void theVisitorsInboxMessagesAreInTheAccountsInboxWithTheUnreadCount() {
        var key = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", key.registration("merge tests"))
                        .status())
                .isEqualTo(201);
        var pair = pair();
        var template = inboxTemplate();
        var toVisitor = sent(pair.visitor(), template);
        var toAccount = sent(pair.account(), template);

        signIn(pair);

        var page = HttpFixtures.consumer(siyu.port(), () -> key.token(pair.user()))
                .get("/consumer/v1/inbox")
                .json();
        assertThat(page.get("unread").asInt()).isEqualTo(2);
        assertThat(page.get("messages").size()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select send_id from messaging.inbox_message where customer_id = ? order by id",
                        Long.class,
                        pair.account()))
                .containsExactly(toVisitor, toAccount);
    }

    @Test
    void theVisitorsSubscriptionsAddUpWithTheAccountsOncePerMerge() {
        var pair = pair();
        var visitor = CustomerId.of(pair.visitor());
        var account = CustomerId.of(pair.account());
        grants.record(visitor, Map.of(SHIPPED, "accept"));
        grants.record(visitor, Map.of(SHIPPED, "accept", PRICE_DROP, "reject"));
        grants.record(account, Map.of(SHIPPED, "accept"));

        signIn(pair);
        // the same merge heard again moves nothing twice
        transactions.executeWithoutResult(
                status -> events.publishEvent(new CustomersMerged(account, visitor, Instant.now())));

        assertThat(grants.of(visitor)).isEmpty();
        var held = grants.of(account);
        assertThat(held).extracting(SubscriptionGrants.Subscription::templateId).containsExactly(SHIPPED, PRICE_DROP);
        assertThat(held.stream()
                        .filter(s -> s.templateId().equals(SHIPPED))
                        .findFirst()
                        .orElseThrow()
                        .remaining())
                .isEqualTo(3);
        assertThat(held.stream()
                        .filter(s -> s.templateId().equals(PRICE_DROP))
                        .findFirst()
                        .orElseThrow()
                        .lastDecision())
                .isEqualTo("reject");
    }

    @Test
    void theAcceptsWechatPushedMoveWithTheSubscriptions() {
        var pair = pair();
        var visitor = CustomerId.of(pair.visitor());
        var account = CustomerId.of(pair.account());
        for (int i = 0; i < 3; i++) {
            grants.pushed(visitor, Map.of(SHIPPED, "accept"));
        }
        grants.record(account, Map.of(SHIPPED, "accept"));

        signIn(pair);
        // the mini-program reports an accept WeChat pushed before the merge: it grants nothing more
        grants.record(account, Map.of(SHIPPED, "accept"));

        assertThat(grants.of(visitor)).isEmpty();
        assertThat(grants.of(account).getFirst().remaining()).isEqualTo(4);
    }

    @Test
    void aSubscriptionTakenWhileTheProfilesMergeIsNeitherLostNorCountedTwice() throws Exception {
        var pair = pair();
        var visitor = CustomerId.of(pair.visitor());
        var account = CustomerId.of(pair.account());
        for (int i = 0; i < 3; i++) {
            grants.record(visitor, Map.of(SHIPPED, "accept"));
        }
        var taken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // a dispatcher takes one of the visitor's grants and has not committed yet
            var sending = threads.submit(() -> transactions.execute(status -> {
                var took = grants.take(visitor, SHIPPED);
                taken.countDown();
                await(release);
                return took;
            }));
            await(taken);
            var merging = threads.submit(() -> transactions.executeWithoutResult(
                    status -> events.publishEvent(new CustomersMerged(account, visitor, Instant.now()))));
            // the merge waits for the dispatcher's row
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (jdbc.queryForObject("""
                            select count(*) from pg_stat_activity
                             where wait_event_type = 'Lock' and query like '%wechat_subscription%'""", Integer.class) == 0) {
                assertThat(System.nanoTime())
                        .as("the merge waits for the grant taken")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            release.countDown();
            assertThat(sending.get(60, TimeUnit.SECONDS)).isTrue();
            merging.get(60, TimeUnit.SECONDS);
        }

        assertThat(grants.of(visitor)).isEmpty();
        assertThat(grants.of(account).getFirst().remaining()).isEqualTo(2);
        assertThat(grants.take(visitor, SHIPPED))
                .as("a message still on its way to the visitor takes from the account's grants")
                .isTrue();
        assertThat(grants.of(account).getFirst().remaining()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * With a cap of one marketing message a day: one message goes to {@code first}, the profiles merge, then a
     * second goes to {@code second}; answers what became of it.
     */
    private JsonNode secondUnderADailyCapOfOne(long first, Runnable merge, long second) {
        var fixtures = new MessagingFixtures(siyu);
        var template = fixtures.marketingTemplate();
        var before = fixtures.respectSettings("{\"quietHours\":{\"enabled\":false,\"start\":\"21:00\","
                + "\"end\":\"08:00\"},\"caps\":[{\"limit\":1,\"windowHours\":24}]}");
        try {
            sent(first, template);
            merge.run();
            return fixtures.settled(
                    fixtures.send(second, template, null).get("sendId").asLong());
        } finally {
            fixtures.respectSettings(before);
        }
    }

    @Test
    void marketingTheVisitorGotCountsAgainstTheAccountsCap() {
        var pair = pair();

        var second = secondUnderADailyCapOfOne(pair.visitor(), () -> signIn(pair), pair.account());

        assertThat(second.get("state").asString()).isEqualTo("skipped");
        assertThat(second.get("outcome").asString()).isEqualTo(ContactLimits.FREQUENCY_CAP);
    }

    @Test
    void aDispatcherThatStillTookTheAbsorbedProfileSpendsTheSurvivorsBudget() {
        var pair = pair();

        // messaging heard of the merge; the profiles as a dispatcher loads them still show the visitor on their own
        var toVisitor = secondUnderADailyCapOfOne(
                pair.account(),
                () -> transactions.executeWithoutResult(status -> events.publishEvent(new CustomersMerged(
                        CustomerId.of(pair.account()), CustomerId.of(pair.visitor()), Instant.now()))),
                pair.visitor());

        assertThat(toVisitor.get("state").asString()).isEqualTo("skipped");
        assertThat(toVisitor.get("outcome").asString()).isEqualTo(ContactLimits.FREQUENCY_CAP);
    }

    @Test
    void theVisitorsSuppressionsHistoryAndClicksAreTheAccounts() {
        var fixtures = new MessagingFixtures(siyu);
        var pair = pair();
        var clicked = sent(pair.visitor(), fixtures.marketingTemplate());
        engagement.clicked(clicked, "https://shop.example.com/new");
        suppressions.add(CustomerId.of(pair.visitor()), Channel.SMS, Suppressions.COMPLAINT, null, "test");

        signIn(pair);
        var orderId = "o-" + UUID.randomUUID();
        send("""
                {"type":"track","userId":"%s","event":"Order Completed",
                 "properties":{"order_id":"%s","total":66,"currency":"CNY"}}""".formatted(pair.user(), orderId));

        assertThat(suppressions.suppressed(Channel.SMS, Set.of(CustomerId.of(pair.account()))))
                .containsExactly(pair.account());
        assertThat(siyu.admin()
                        .get("/api/v1/messages?customerId=" + pair.account())
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .contains(String.valueOf(clicked));
        var row = siyu.admin().get("/api/v1/messages/" + clicked).json();
        assertThat(row.get("conversions").asInt()).isEqualTo(1);
        assertThat(row.get("revenue").asDouble()).isEqualTo(66.0);
        assertThat(jdbc.queryForObject(
                        "select customer_id from messaging.conversion where order_id = ?", Long.class, orderId))
                .isEqualTo(pair.account());
    }
}
