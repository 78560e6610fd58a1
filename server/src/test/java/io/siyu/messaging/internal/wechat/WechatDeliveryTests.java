package io.siyu.messaging.internal.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestWechatServer;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures.ShopKey;
import io.siyu.customers.CustomerId;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.MessagingFixtures;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Providers;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * WeChat's channels end to end against the stand-in for WeChat's server API: a customer's subscriptions reported from
 * the mini-program, each spent by one subscribe message and given back when the message may go later; values held to
 * their kind's length; tokens renewed when WeChat refuses them; official-account template messages to followers, once
 * per ledger id.
 */
@SiyuIntegrationTest
class WechatDeliveryTests {

    static final String SHIPPED = "SUBorderShipped-0001-abcdefghij";
    static final String PRICE_DROP = "SUBpriceDrop-0002-abcdefghijkl";
    static final String NOTICE = "OAorderNotice-0001-abcdefghij";

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    SubscriptionGrants grants;

    @Autowired
    Providers providers;

    TestWechatServer wechat = TestWechatServer.get();
    MessagingFixtures fixtures;
    ShopKey key;

    @BeforeEach
    void registerKey() {
        fixtures = new MessagingFixtures(siyu);
        key = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", key.registration("wechat tests"))
                        .status())
                .isEqualTo(201);
    }

    /** A customer of the mini-program with a fresh openid; answers their shop user id. */
    private String miniProgramCustomer(String openid) {
        var user = "wx-" + UUID.randomUUID();
        var sent = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"first_name":"Lan","wechat_openid":"%s"}}""".formatted(user, openid));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return user;
    }

    private long customerId(String user) {
        return siyu.customerId("user_id:" + user);
    }

    private HttpFixtures app(String user) {
        return HttpFixtures.consumer(siyu.port(), () -> key.token(user));
    }

    private String template(String channel, String wechat, String extra) {
        var key = "wx-" + UUID.randomUUID().toString().substring(0, 8);
        var created = siyu.admin().post("/api/v1/message-templates", """
                {"key":"%s","name":"WeChat %s","channel":"%s","purpose":"transactional",
                 "text":"Your order","wechat":%s%s}""".formatted(key, key, channel, wechat, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    private String shippedTemplate() {
        return template("wechat_subscribe", """
                {"templateId":"%s","page":"pages/order/detail?id={{data.order}}",
                 "parameters":{"thing1":"{{data.product}}","character_string2":"{{data.order}}",
                               "time3":"2026-05-01 10:00"}}""".formatted(SHIPPED), "");
    }

    private long send(String user, String template, String data) {
        var response = siyu.admin()
                .post("/api/v1/messages", """
                {"customerId":%d,"template":"%s","data":%s,"reason":"%s"}""".formatted(customerId(user), template, data, UUID.randomUUID()));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("sendId").asLong();
    }

    private int remaining(String user, String templateId) {
        for (var subscription :
                app(user).get("/consumer/v1/wechat/subscriptions").json().get("subscriptions")) {
            if (subscription.get("templateId").asString().equals(templateId)) {
                return subscription.get("remaining").asInt();
            }
        }
        return 0;
    }

    private void accept(String user, String templateId) {
        var reported = app(user).post("/consumer/v1/wechat/subscriptions", """
                {"errMsg":"requestSubscribeMessage:ok","%s":"accept"}""".formatted(templateId));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    }

    @Test
    void aSubscribeMessageSpendsOneSubscriptionAndWithoutOneIsNotAskedOfWechat() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, SHIPPED, 5);
        var user = miniProgramCustomer(openid);
        var template = shippedTemplate();
        accept(user, SHIPPED);
        assertThat(remaining(user, SHIPPED)).isEqualTo(1);

        var first = send(user, template, "{\"order\":\"A-1001\",\"product\":\"羊毛混纺双面呢大衣（燕麦色，加长款，限量版）\"}");
        var sent = fixtures.settled(first);
        var second = fixtures.settled(send(user, template, "{\"order\":\"A-1002\",\"product\":\"围巾\"}"));

        assertThat(sent.get("state").asString()).as(sent.toString()).isEqualTo("sent");
        var message = wechat.await(openid, 1).getFirst();
        assertThat(message.templateId()).isEqualTo(SHIPPED);
        var body = message.body();
        assertThat(body.get("page").asString()).isEqualTo("pages/order/detail?id=A-1001");
        assertThat(body.get("miniprogram_state").asString()).isEqualTo("formal");
        assertThat(body.get("lang").asString()).isEqualTo("zh_CN");
        var thing = body.get("data").get("thing1").get("value").asString();
        assertThat(thing)
                .as("a thing over 20 characters is cut to 19 and …")
                .hasSize(20)
                .endsWith("…");
        assertThat(thing).startsWith("羊毛混纺双面呢大衣");
        assertThat(body.get("data").get("character_string2").get("value").asString())
                .isEqualTo("A-1001");
        assertThat(second.get("state").asString()).isEqualTo("skipped");
        assertThat(second.get("outcome").asString()).isEqualTo("no-subscription");
        assertThat(wechat.to(openid)).as("the second was never asked of WeChat").hasSize(1);
        assertThat(remaining(user, SHIPPED)).isZero();

        // operators see the same on the customer's profile
        var seen = siyu.admin().get("/api/v1/messaging/wechat-subscriptions?customerId=" + customerId(user));
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        var subscription = seen.json().get("subscriptions").get(0);
        assertThat(subscription.get("templateId").asString()).isEqualTo(SHIPPED);
        assertThat(subscription.get("remaining").asInt()).isZero();
        assertThat(subscription.get("lastDecision").asString()).isEqualTo("accept");
        assertThat(siyu.admin().get("/api/v1/messaging/wechat-subscriptions").status())
                .isEqualTo(400);
    }

    @Test
    void concurrentSendsSpendExactlyTheSubscriptionsGranted() throws Exception {
        var customer = CustomerId.of(900_000_000L + (System.nanoTime() % 1_000_000));
        var granted = 5;
        var attempts = 40;
        for (int i = 0; i < granted; i++) {
            grants.record(customer, Map.of(PRICE_DROP, "accept"));
        }
        var start = new CountDownLatch(1);
        var taken = new ArrayList<Future<Boolean>>();
        try (var executor = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < attempts; i++) {
                taken.add(executor.submit((Callable<Boolean>) () -> {
                    start.await();
                    return grants.take(customer, PRICE_DROP);
                }));
            }
            start.countDown();
            var spent = 0;
            for (var result : taken) {
                spent += result.get() ? 1 : 0;
            }
            assertThat(spent).isEqualTo(granted);
        }
        assertThat(grants.of(customer).getFirst().remaining()).isZero();
    }

    @Test
    void manyMessagesAtOnceGoOutOnlyAsOftenAsTheCustomerSubscribed() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, SHIPPED, 50);
        var user = miniProgramCustomer(openid);
        var template = shippedTemplate();
        for (int i = 0; i < 3; i++) {
            accept(user, SHIPPED);
        }
        var sendIds = new ArrayList<Long>();
        for (int i = 0; i < 12; i++) {
            sendIds.add(send(user, template, "{\"order\":\"B-" + i + "\",\"product\":\"围巾\"}"));
        }

        var states = sendIds.stream()
                .map(id -> fixtures.settled(id).get("state").asString())
                .toList();

        assertThat(states.stream().filter("sent"::equals).count()).isEqualTo(3);
        assertThat(states.stream().filter("skipped"::equals).count()).isEqualTo(9);
        assertThat(wechat.to(openid)).hasSize(3);
    }

    @Test
    void aQuotaOrABusyWechatGivesTheSubscriptionBackAndTheMessageWaits() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, SHIPPED, 5);
        var user = miniProgramCustomer(openid);
        var template = shippedTemplate();
        accept(user, SHIPPED);

        wechat.failNext(openid, 45009, 1);
        var quota = send(user, template, "{\"order\":\"C-1\",\"product\":\"围巾\"}");
        var waiting = awaitOutcome(quota, "45009");
        assertThat(waiting.get("state").asString()).isEqualTo("queued");
        assertThat(remaining(user, SHIPPED)).as("given back").isEqualTo(1);

        wechat.failNext(openid, -1, 1);
        var busy = send(user, template, "{\"order\":\"C-2\",\"product\":\"围巾\"}");
        assertThat(awaitOutcome(busy, "busy").get("state").asString()).isEqualTo("queued");
        assertThat(remaining(user, SHIPPED)).isEqualTo(1);
        assertThat(wechat.to(openid)).isEmpty();
    }

    @Test
    void aValueTooLongForItsKindFailsTheMessageNamingTheKey() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, PRICE_DROP, 5);
        var user = miniProgramCustomer(openid);
        accept(user, PRICE_DROP);
        var template = template("wechat_subscribe", """
                {"templateId":"%s","parameters":{"thing1":"{{data.product}}","amount2":"{{data.price}}"}}""".formatted(PRICE_DROP), "");

        var failed = fixtures.settled(send(user, template, "{\"product\":\"围巾\",\"price\":\"12345678901234567元\"}"));

        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("outcome").asString()).contains("amount2").contains("16");
        assertThat(wechat.to(openid)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheMessageGoes() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, SHIPPED, 5);
        var user = miniProgramCustomer(openid);
        var template = shippedTemplate();
        accept(user, SHIPPED);
        accept(user, SHIPPED);
        assertThat(fixtures.settled(send(user, template, "{\"order\":\"D-1\",\"product\":\"围巾\"}"))
                        .get("state")
                        .asString())
                .isEqualTo("sent");
        var forced = wechat.forcedFetches(TestWechatServer.MINI_PROGRAM_APP_ID);

        wechat.expireTokens();
        var again = fixtures.settled(send(user, template, "{\"order\":\"D-2\",\"product\":\"围巾\"}"));

        assertThat(again.get("state").asString()).as(again.toString()).isEqualTo("sent");
        assertThat(wechat.forcedFetches(TestWechatServer.MINI_PROGRAM_APP_ID)).isEqualTo(forced + 1);
        assertThat(wechat.to(openid)).hasSize(2);
    }

    @Test
    void anOfficialAccountMessageGoesToFollowersOnlyAndOncePerLedgerId() {
        var openid = wechat.user(TestWechatServer.OFFICIAL_ACCOUNT_APP_ID);
        var user = "oa-" + UUID.randomUUID();
        var identified = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"first_name":"Lan"},
                 "context":{"externalIds":[{"id":"%s","type":"wechat_oa_openid","collection":"users","encoding":"none"}]}}""".formatted(user, openid));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        siyu.applyQueued();
        var template = template(
                "wechat_template",
                """
                {"templateId":"%s","page":"pages/order/detail?id={{data.order}}",
                 "parameters":{"thing1":"{{data.product}}","character_string2":"{{data.order}}"}}""".formatted(NOTICE),
                ",\"link\":\"https://shop.example.com/orders/{{data.order}}\"");

        var sendId = send(user, template, "{\"order\":\"E-1\",\"product\":\"围巾\"}");
        var sent = fixtures.settled(sendId);

        assertThat(sent.get("state").asString()).as(sent.toString()).isEqualTo("sent");
        var body = wechat.await(openid, 1).getFirst().body();
        assertThat(body.get("client_msg_id").asString()).isEqualTo("siyu-" + sendId);
        assertThat(body.get("url").asString()).contains("/t/c/").contains("orders%2FE-1");
        assertThat(body.get("miniprogram").get("appid").asString()).isEqualTo(TestWechatServer.LINKED_MINI_PROGRAM);
        assertThat(body.get("miniprogram").get("pagepath").asString()).isEqualTo("pages/order/detail?id=E-1");
        assertThat(body.get("data").get("thing1").get("value").asString()).isEqualTo("围巾");

        // the same ledger row handed to WeChat again, as after an answer that was lost: WeChat sends it once
        var provider = providers.of(Channel.WECHAT_TEMPLATE);
        var again = provider.send(List.of(new Outgoing(
                sendId,
                openid,
                "masked",
                new TemplateRenderer.Rendered(
                        "t",
                        null,
                        "text",
                        null,
                        new TemplateRenderer.WechatMessage(
                                NOTICE, null, Map.of("thing1", "围巾", "character_string2", "E-1")),
                        null),
                Map.of())));
        assertThat(again.getFirst().status()).isEqualTo(Delivery.Status.SENT);
        assertThat(wechat.to(openid)).hasSize(1);

        wechat.unfollow(openid);
        var refused = fixtures.settled(send(user, template, "{\"order\":\"E-2\",\"product\":\"围巾\"}"));
        assertThat(refused.get("state").asString()).isEqualTo("failed");
        assertThat(refused.get("outcome").asString()).contains("43004");
    }

    @Test
    void subscriptionReportsAreCheckedCountedOnceAndNeedAKnownCustomer() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        var user = miniProgramCustomer(openid);

        var bad = app(user).post("/consumer/v1/wechat/subscriptions", """
                {"%s":"maybe","short":"accept"}""".formatted(SHIPPED));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains(SHIPPED).contains("one-of").contains("\"short\"");
        var many = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"TEMPLATE-ID-").append(i).append("\":\"accept\"");
        }
        assertThat(app(user)
                        .post("/consumer/v1/wechat/subscriptions", many + "}")
                        .status())
                .isEqualTo(400);
        assertThat(app(user).post("/consumer/v1/wechat/subscriptions", "[]").status())
                .isEqualTo(400);

        var idempotencyKey = "subscribe-" + UUID.randomUUID();
        var body = "{\"%s\":\"accept\",\"%s\":\"reject\"}".formatted(SHIPPED, PRICE_DROP);
        var first = app(user).header("Idempotency-Key", idempotencyKey).post("/consumer/v1/wechat/subscriptions", body);
        var retried =
                app(user).header("Idempotency-Key", idempotencyKey).post("/consumer/v1/wechat/subscriptions", body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(remaining(user, SHIPPED)).as("counted once").isEqualTo(1);
        JsonNode rejected = null;
        for (var s : app(user).get("/consumer/v1/wechat/subscriptions").json().get("subscriptions")) {
            if (s.get("templateId").asString().equals(PRICE_DROP)) {
                rejected = s;
            }
        }
        assertThat(rejected).isNotNull();
        assertThat(rejected.get("lastDecision").asString()).isEqualTo("reject");
        assertThat(rejected.get("remaining").asInt()).isZero();

        var token = key.token(user);
        var once = HttpFixtures.consumer(siyu.port(), () -> token);
        assertThat(once.post("/consumer/v1/wechat/subscriptions", body).status())
                .isEqualTo(200);
        assertThat(once.post("/consumer/v1/wechat/subscriptions", body).status())
                .as("a token carries one report")
                .isEqualTo(401);
        assertThat(remaining(user, SHIPPED)).isEqualTo(2);

        var stranger = app("never-identified-" + UUID.randomUUID()).post("/consumer/v1/wechat/subscriptions", body);
        assertThat(stranger.status()).isEqualTo(409);
        assertThat(stranger.body()).contains("customer-unknown");
    }

    /** Waits until a ledger row's outcome mentions {@code words}, and answers it. */
    private JsonNode awaitOutcome(long sendId, String words) {
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonNode row = null;
        while (System.nanoTime() < deadline) {
            row = siyu.admin().get("/api/v1/messages/" + sendId).json();
            if (row.has("outcome") && row.get("outcome").asString().contains(words)) {
                return row;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("message " + sendId + " has no outcome with '" + words + "': " + row);
    }
}
