package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestSmsServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * SMS through the real application to a stand-in of Alibaba Cloud SMS that checks signatures: the message is sent as
 * the approved template with the customer's parameters and its BizId is kept; the provider's receipts settle it as
 * delivered or failed; a reply with an unsubscribe keyword denies the customer's SMS consent, once; a number at its
 * limit waits and goes later.
 */
@SiyuIntegrationTest
class SmsDeliveryTests {

    static final String RECEIPTS = "/t/sms/" + TestSmsServer.CALLBACK_TOKEN + "/receipts";
    static final String REPLIES = "/t/sms/" + TestSmsServer.CALLBACK_TOKEN + "/replies";

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    record Sent(long customer, String phone, long sendId, JsonNode row, TestSmsServer.Accepted accepted) {}

    private Sent sent(String consent) {
        var fixtures = new MessagingFixtures(siyu);
        var phone = MessagingFixtures.freshPhone();
        var customer = fixtures.customerWithPhone(phone, "Ying", consent);
        var sendId = fixtures.send(customer, fixtures.smsTemplate("marketing", "SMS_100000001"), null)
                .get("sendId")
                .asLong();
        var row = fixtures.settled(sendId);
        var accepted = TestSmsServer.get().await(phone.substring(3), 1).getFirst();
        return new Sent(customer, phone, sendId, row, accepted);
    }

    private JsonNode push(String path, String body) {
        var response = siyu.anonymous().post(path, body, "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aMarketingSmsGoesAsTheApprovedTemplateAndKeepsItsBizId() {
        var sent = sent("{\"sms\":true}");

        assertThat(sent.row().get("state").asString()).isEqualTo("sent");
        assertThat(sent.row().get("channel").asString()).isEqualTo("sms");
        assertThat(sent.row().get("provider").asString()).isEqualTo("aliyun-sms");
        assertThat(sent.row().get("providerMessageId").asString())
                .isEqualTo(sent.accepted().bizId());
        assertThat(sent.row().get("address").asString())
                .doesNotContain(sent.phone().substring(3));
        assertThat(sent.accepted().templateCode()).isEqualTo("SMS_100000001");
        assertThat(sent.accepted().signName()).isEqualTo(TestSmsServer.SIGN_NAME);
        assertThat(sent.accepted().parameters().get("name").asString()).isEqualTo("Ying");
        new MessagingFixtures(siyu).timelineEvent(sent.customer(), "SMS Sent");
    }

    @Test
    void marketingSmsNeedsSmsConsent() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = fixtures.customerWithPhone(MessagingFixtures.freshPhone(), "Ying", "{\"email\":true}");

        var row = fixtures.settled(fixtures.send(customer, fixtures.smsTemplate("marketing", "SMS_100000001"), null)
                .get("sendId")
                .asLong());

        assertThat(row.get("state").asString()).isEqualTo("skipped");
        assertThat(row.get("outcome").asString()).isEqualTo("consent-missing");
    }

    @Test
    void receiptsMarkTheMessageDeliveredOnceAndFailuresFail() {
        var fixtures = new MessagingFixtures(siyu);
        var delivered = sent("{\"sms\":true}");
        var undelivered = sent("{\"sms\":true}");
        var receipts = "[" + receipt(delivered, true, "DELIVERED") + "," + receipt(undelivered, false, "MK:0001") + "]";

        var answer = push(RECEIPTS, receipts);
        push(RECEIPTS, receipts);

        assertThat(answer.get("code").asInt()).isZero();
        var first = siyu.admin().get("/api/v1/messages/" + delivered.sendId()).json();
        assertThat(first.get("state").asString()).isEqualTo("sent");
        assertThat(first.has("deliveredAt")).isTrue();
        fixtures.timelineEvent(delivered.customer(), "SMS Delivered");
        var second =
                siyu.admin().get("/api/v1/messages/" + undelivered.sendId()).json();
        assertThat(second.get("state").asString()).isEqualTo("failed");
        assertThat(second.get("outcome").asString()).contains("MK:0001");
        assertThat(second.has("bouncedAt")).isTrue();
        fixtures.timelineEvent(undelivered.customer(), "SMS Delivery Failed");
        siyu.applyQueued();
        assertThat(events(delivered.customer(), "SMS Delivered")).isEqualTo(1);
    }

    @Test
    void aReceiptForNoSettledMessageIsAskedForAgainAndCountsWhenItComesBack() {
        var sent = sent("{\"sms\":true}");
        var early = receipt(sent, true, "DELIVERED").replace(sent.accepted().bizId(), "900000000000000000^0");

        var answer = siyu.anonymous().post(RECEIPTS, "[" + early + "]", "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("code").asInt()).isNotZero();
        var row = siyu.admin().get("/api/v1/messages/" + sent.sendId()).json();
        assertThat(row.has("deliveredAt")).isFalse();
        assertThat(push(RECEIPTS, "[" + receipt(sent, true, "DELIVERED") + "]")
                        .get("code")
                        .asInt())
                .isZero();
        assertThat(siyu.admin().get("/api/v1/messages/" + sent.sendId()).json().has("deliveredAt"))
                .isTrue();
    }

    @Test
    void anUnsubscribeReplyDeniesSmsConsentExactlyOnce() {
        var fixtures = new MessagingFixtures(siyu);
        var sent = sent("{\"sms\":true}");
        var reply = "[{\"phone_number\":\"" + sent.phone().substring(3) + "\",\"send_time\":\"2026-12-07 10:00:00\","
                + "\"content\":\" td \",\"sign_name\":\"" + TestSmsServer.SIGN_NAME + "\",\"dest_code\":\"1234\","
                + "\"sequence_id\":" + sent.sendId() + "0042}]";
        var chat = "[{\"phone_number\":\"" + sent.phone().substring(3) + "\",\"send_time\":\"2026-12-07 10:00:00\","
                + "\"content\":\"谢谢\",\"sequence_id\":" + sent.sendId() + "0043}]";

        push(REPLIES, chat);
        assertThat(fixtures.consent(sent.customer(), "sms")).isEqualTo("granted");
        push(REPLIES, reply);
        push(REPLIES, reply);

        fixtures.timelineEvent(sent.customer(), "Unsubscribed");
        assertThat(fixtures.consent(sent.customer(), "sms")).isEqualTo("denied");
        assertThat(events(sent.customer(), "Unsubscribed")).isEqualTo(1);
        var next = fixtures.settled(
                fixtures.send(sent.customer(), fixtures.smsTemplate("marketing", "SMS_100000001"), null)
                        .get("sendId")
                        .asLong());
        assertThat(next.get("outcome").asString()).isEqualTo("consent-denied");
    }

    @Test
    void aNumberAtTheProvidersLimitWaitsWithoutUsingAnAttemptAndGoesLater() {
        var fixtures = new MessagingFixtures(siyu);
        var phone = MessagingFixtures.freshPhone();
        TestSmsServer.get().throttle(phone.substring(3), 1);
        var customer = fixtures.customerWithPhone(phone, "Ying", "{\"sms\":true}");
        var sendId = fixtures.send(customer, fixtures.smsTemplate("transactional", "SMS_100000001"), null)
                .get("sendId")
                .asLong();

        var waiting = awaitOutcome(sendId, "waiting");
        assertThat(waiting.get("state").asString()).isEqualTo("queued");
        assertThat(waiting.get("attempts").asInt()).isZero();
        assertThat(waiting.get("outcome").asString()).contains("isv.BUSINESS_LIMIT_CONTROL");
        // the hour the provider's limit asks for has passed
        jdbc.update("update messaging.send set due_at = now() where id = ?", sendId);

        var row = fixtures.settled(sendId);
        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
        assertThat(TestSmsServer.get().to(phone.substring(3))).hasSize(1);
    }

    @Test
    void anUnknownTemplateCodeIsParkedWithTheProvidersReason() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = fixtures.customerWithPhone(MessagingFixtures.freshPhone(), "Ying", "{\"sms\":true}");

        var row = fixtures.settled(fixtures.send(customer, fixtures.smsTemplate("marketing", "SMS_999999999"), null)
                .get("sendId")
                .asLong());

        assertThat(row.get("state").asString()).isEqualTo("parked");
        assertThat(row.get("outcome").asString()).contains("isv.SMS_TEMPLATE_ILLEGAL");
    }

    @Test
    void aMarketingTemplateWithoutTheOptOutWordsIsRefusedWhenSaved() {
        var body = "{\"key\":\"s-optout\",\"name\":\"No opt-out\",\"channel\":\"sms\",\"purpose\":\"marketing\","
                + "\"text\":\"新品上架\",\"sms\":{\"templateCode\":\"SMS_100000001\",\"signName\":\"思语商城\"}}";

        var response = siyu.admin().post("/api/v1/message-templates", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("sms-opt-out", "拒收请回复R");
    }

    @Test
    void callbacksWithAWrongTokenOrBadBodiesAreRefusedWithoutAServerError() {
        var wrong = List.of("x", "test-sms-callback-token-0123456788", "a".repeat(3_000), "%00");
        for (var token : wrong) {
            for (var kind : List.of("receipts", "replies")) {
                assertThat(siyu.anonymous()
                                .post("/t/sms/" + token + "/" + kind, "[]", "application/json")
                                .status())
                        .as(kind + " with token " + token)
                        .isBetween(400, 499);
            }
        }
        var bodies = List.of(
                "",
                "{}",
                "7",
                "[",
                "[7]",
                "[{}]",
                "[{\"phone_number\":{},\"biz_id\":\"1\",\"success\":true,\"content\":\"T\"}]",
                "[{\"phone_number\":\"13800000000\",\"biz_id\":\"1\",\"success\":\"maybe\",\"content\":[]}]",
                "[{\"phone_number\":\"" + "1".repeat(5_000) + "\",\"biz_id\":\"1\",\"success\":true}]",
                "[" + "{\"phone_number\":\"1\",\"biz_id\":\"1\",\"success\":true,\"content\":\"x\"},".repeat(1_000)
                        + "{}]");
        for (var body : bodies) {
            for (var path : List.of(RECEIPTS, REPLIES)) {
                var response = siyu.anonymous().post(path, body, "application/json");
                assertThat(response.status())
                        .as(path + " with " + body.substring(0, Math.min(body.length(), 60)))
                        .isEqualTo(400);
                assertThat(response.body()).doesNotContain("Exception");
            }
        }
    }

    private static String receipt(Sent sent, boolean success, String code) {
        return "{\"phone_number\":\"" + sent.phone().substring(3) + "\",\"send_time\":\"2026-12-07 10:00:00\","
                + "\"report_time\":\"2026-12-07 10:00:05\",\"success\":" + success + ",\"err_code\":\"" + code
                + "\",\"err_msg\":\"" + (success ? "用户接收成功" : "失败") + "\",\"sms_size\":\"1\",\"biz_id\":\""
                + sent.accepted().bizId() + "\",\"out_id\":\"" + sent.sendId() + "\"}";
    }

    private long events(long customer, String name) {
        return siyu.admin()
                .get("/api/v1/customers/" + customer + "/events?name="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .get("items")
                .size();
    }

    private JsonNode awaitOutcome(long sendId, String prefix) {
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonNode row = null;
        while (System.nanoTime() < deadline) {
            row = siyu.admin().get("/api/v1/messages/" + sendId).json();
            if (row.has("outcome") && row.get("outcome").asString().startsWith(prefix)) {
                return row;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("message " + sendId + " never had an outcome of " + prefix + ": " + row);
    }
}
