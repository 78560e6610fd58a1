package io.siyu.messaging.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestWechatServer;
import io.siyu.customers.CustomerId;
import io.siyu.messaging.internal.MessagingFixtures;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * WeChat's message push (消息推送) through the real application, signed and encrypted here as WeChat documents it:
 * the address's check when it is saved in WeChat's back office; the official account's reports of template messages
 * and the mini-program's of subscribe messages settling them as delivered or failed, once however often WeChat pushes
 * them; the mini-program's subscription pop-ups granting subscribe messages (once for an accept the mini-program
 * reported too) and subscriptions turned off withdrawing them; forged, stale, encrypted-wrongly and malformed pushes
 * refused with problems, changing nothing.
 */
@SiyuIntegrationTest
class WechatPushTests {

    static final String OA = "/t/wechat/" + TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN + "/push";
    static final String MP = "/t/wechat/" + TestWechatServer.MINI_PROGRAM_PUSH_TOKEN + "/push";
    static final String SHIPPED = "SUBorderShipped-0001-abcdefghij";
    static final String PRICE_DROP = "SUBpriceDrop-0002-abcdefghijkl";
    static final String NOTICE = "OAorderNotice-0001-abcdefghij";

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    SubscriptionGrants grants;

    @Autowired
    EarlyReceipts early;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    TestWechatServer wechat = TestWechatServer.get();

    // --- WeChat's side of the protocol, as its documentation gives it

    static String sha1(String... values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query WeChat signs a push with, {@code seconds} from now. */
    static String query(String token, long seconds) {
        var timestamp = Long.toString(Instant.now().getEpochSecond() + seconds);
        var nonce = Integer.toString(new SecureRandom().nextInt(1_000_000_000));
        return "?signature=" + sha1(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    /** An encrypted push in the safe mode: the body and its query, as WeChat sends them. */
    static Map.Entry<String, String> encrypted(String token, String aesKey, String appId, String xml) {
        try {
            var key = Base64.getDecoder().decode(aesKey + "=");
            var message = xml.getBytes(StandardCharsets.UTF_8);
            var app = appId.getBytes(StandardCharsets.UTF_8);
            var random = new byte[16];
            new SecureRandom().nextBytes(random);
            var length = 16 + 4 + message.length + app.length;
            var pad = 32 - length % 32;
            var plain = ByteBuffer.allocate(length + pad)
                    .put(random)
                    .putInt(message.length)
                    .put(message)
                    .put(app);
            for (int i = 0; i < pad; i++) {
                plain.put((byte) pad);
            }
            var cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            var encrypt = Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
            var timestamp = Long.toString(Instant.now().getEpochSecond());
            var nonce = "1320562132";
            var query = "?signature=" + sha1(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                    + "&encrypt_type=aes&msg_signature=" + sha1(token, timestamp, nonce, encrypt);
            return Map.entry(
                    query,
                    "<xml><ToUserName><![CDATA[gh_0000000000ab]]></ToUserName><Encrypt><![CDATA[" + encrypt
                            + "]]></Encrypt></xml>");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String templateFinished(String openid, String msgid, String status) {
        return """
                <xml><ToUserName><![CDATA[gh_0000000000ab]]></ToUserName>
                <FromUserName><![CDATA[%s]]></FromUserName><CreateTime>%d</CreateTime>
                <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>
                <MsgID>%s</MsgID><Status><![CDATA[%s]]></Status></xml>""".formatted(openid, Instant.now().getEpochSecond(), msgid, status);
    }

    static String subscriptionEvent(String openid, long createTime, String event, String element, String items) {
        return """
                <xml><ToUserName><![CDATA[gh_0000000000cd]]></ToUserName>
                <FromUserName><![CDATA[%s]]></FromUserName><CreateTime>%d</CreateTime>
                <MsgType><![CDATA[event]]></MsgType><Event><![CDATA[%s]]></Event>
                <%s>%s</%s></xml>""".formatted(openid, createTime, event, element, items, element);
    }

    /** The mini-program's pop-up in which the customer accepted the template. */
    void accepted(String openid, long createTime, String templateId) {
        pushed(
                MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0),
                subscriptionEvent(
                        openid,
                        createTime,
                        "subscribe_msg_popup_event",
                        "SubscribeMsgPopupEvent",
                        decision(templateId, "accept")));
    }

    static String decision(String templateId, String status) {
        return "<List><TemplateId><![CDATA[" + templateId + "]]></TemplateId><SubscribeStatusString><![CDATA[" + status
                + "]]></SubscribeStatusString><PopupScene>0</PopupScene></List>";
    }

    HttpFixtures.Response post(String path, String body) {
        return siyu.anonymous().post(path, body, "text/xml");
    }

    void pushed(String path, String body) {
        var response = post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
    }

    static void problem(HttpFixtures.Response response, int status, String text) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains(text);
    }

    // --- Siyu's side: customers and their messages

    private String template(String channel, String wechatTemplate) {
        var key = "wxp-" + UUID.randomUUID().toString().substring(0, 8);
        var created = siyu.admin().post("/api/v1/message-templates", """
                {"key":"%s","name":"WeChat %s","channel":"%s","purpose":"transactional",
                 "text":"Your order","wechat":{"templateId":"%s",
                 "parameters":{"thing1":"{{data.product}}","character_string2":"{{data.order}}",
                               "time3":"2026-05-01 10:00"}}}""".formatted(key, key, channel, wechatTemplate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    /** A customer known by an openid of the given type; answers their customer id. */
    private long customer(String type, String openid) {
        var user = "wxp-" + UUID.randomUUID();
        var identified = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"first_name":"Lan"},
                 "context":{"externalIds":[{"id":"%s","type":"%s","collection":"users","encoding":"none"}]}}""".formatted(user, openid, type));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        siyu.applyQueued();
        return siyu.customerId("user_id:" + user);
    }

    /** Sends the template to the customer and answers the settled ledger row. */
    private JsonNode sent(long customer, String template) {
        var response = siyu.admin().post("/api/v1/messages", """
                {"customerId":%d,"template":"%s","data":{"order":"P-1","product":"围巾"},"reason":"%s"}""".formatted(customer, template, UUID.randomUUID()));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        var row = new MessagingFixtures(siyu)
                .settled(response.json().get("sendId").asLong());
        assertThat(row.get("state").asString()).as(row.toString()).isEqualTo("sent");
        return row;
    }

    private JsonNode row(JsonNode sent) {
        return siyu.admin().get("/api/v1/messages/" + sent.get("id").asLong()).json();
    }

    private int events(long customer, String name) {
        siyu.applyQueued();
        return siyu.admin()
                .get("/api/v1/customers/" + customer + "/events?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .json()
                .get("items")
                .size();
    }

    private int remaining(long customer, String templateId) {
        return grants.of(CustomerId.of(customer)).stream()
                .filter(s -> s.templateId().equals(templateId))
                .mapToInt(SubscriptionGrants.Subscription::remaining)
                .findFirst()
                .orElse(0);
    }

    @Test
    void theAddressAnswersWechatsCheckOnlyWhenSignedWithTheToken() {
        var token = TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN;

        var good = siyu.anonymous().get(OA + query(token, 0) + "&echostr=5837397451982");
        var mini = siyu.anonymous().get(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0) + "&echostr=42");
        var forged = siyu.anonymous().get(OA + query("notTheToken", 0) + "&echostr=5837397451982");
        var otherApps = siyu.anonymous().get(OA + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0) + "&echostr=1");
        var stale = siyu.anonymous().get(OA + query(token, -3_600) + "&echostr=5837397451982");
        var unknown = siyu.anonymous().get("/t/wechat/notTheToken/push" + query("notTheToken", 0) + "&echostr=1");
        var bare = siyu.anonymous().get(OA + "?echostr=1");

        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.body()).isEqualTo("5837397451982");
        assertThat(mini.body()).isEqualTo("42");
        problem(forged, 403, "signature");
        problem(otherApps, 403, "signature");
        problem(stale, 403, "timestamp");
        problem(unknown, 404, "push address");
        problem(bare, 400, "timestamp");
    }

    @Test
    void aTemplateMessagesReportMarksItDeliveredOrFailedOnce() {
        var template = template("wechat_template", NOTICE);
        var openid = wechat.user(TestWechatServer.OFFICIAL_ACCOUNT_APP_ID);
        var customer = customer("wechat_oa_openid", openid);
        var blocked = wechat.user(TestWechatServer.OFFICIAL_ACCOUNT_APP_ID);
        var blocking = customer("wechat_oa_openid", blocked);
        var delivered = sent(customer, template);
        var undelivered = sent(blocking, template);
        var msgid = delivered.get("providerMessageId").asString();
        assertThat(msgid)
                .isEqualTo(Long.toString(wechat.await(openid, 1).getFirst().msgid()));

        var report = templateFinished(openid, msgid, "success");
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), report);
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), report);
        var failure =
                templateFinished(blocked, undelivered.get("providerMessageId").asString(), "failed:user block");
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), failure);
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), failure);

        var first = row(delivered);
        assertThat(first.get("state").asString()).isEqualTo("sent");
        assertThat(first.has("deliveredAt")).isTrue();
        var second = row(undelivered);
        assertThat(second.get("state").asString()).isEqualTo("failed");
        assertThat(second.get("outcome").asString()).contains("failed:user block");
        assertThat(second.has("bouncedAt")).isTrue();
        var fixtures = new MessagingFixtures(siyu);
        fixtures.timelineEvent(customer, "WeChat Template Message Delivered");
        var failed = fixtures.timelineEvent(blocking, "WeChat Template Message Delivery Failed");
        assertThat(failed.toString()).contains("failed:user block");
        assertThat(events(customer, "WeChat Template Message Delivered")).isEqualTo(1);
        assertThat(events(blocking, "WeChat Template Message Delivery Failed")).isEqualTo(1);
        // a report of the other message's openid names no message of this one: kept, changing nothing
        pushed(
                OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0),
                templateFinished(blocked, msgid, "success"));
        early.applySettled();
        assertThat(row(undelivered).get("state").asString()).isEqualTo("failed");
        assertThat(events(blocking, "WeChat Template Message Delivered")).isZero();
    }

    @Test
    void aReportThatComesBeforeItsMessageIsSettledIsKeptAndAppliedOnceItIs() {
        var template = template("wechat_template", NOTICE);
        var openid = wechat.user(TestWechatServer.OFFICIAL_ACCOUNT_APP_ID);
        var customer = customer("wechat_oa_openid", openid);
        var sent = sent(customer, template);
        var id = sent.get("id").asLong();
        var msgid = sent.get("providerMessageId").asString();
        // as at the moment WeChat delivered it: the dispatcher has not yet written down the msgid WeChat answered
        jdbc.update(
                "update messaging.send set state = 'sending', provider_message_id = null, claimed_at = now() where id = ?",
                id);

        var report = templateFinished(openid, msgid, "success");
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), report);
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), report);
        assertThat(row(sent).has("deliveredAt")).isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from messaging.early_receipt where provider_message_id = ?",
                        Long.class,
                        msgid))
                .isEqualTo(1);

        // the dispatcher settles it
        jdbc.update("update messaging.send set state = 'sent', provider_message_id = ? where id = ?", msgid, id);
        early.applySettled();
        early.applySettled();

        assertThat(row(sent).has("deliveredAt")).isTrue();
        assertThat(events(customer, "WeChat Template Message Delivered")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from messaging.early_receipt where provider_message_id = ?",
                        Long.class,
                        msgid))
                .isZero();
    }

    @Test
    void aReportOfAMessageSiyuNeverSentIsAnsweredAndOtherEventsAreIgnored() {
        var neverSent = post(
                OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0),
                templateFinished("oUnknownOpenid0000000000000", "99999999999", "success"));
        var followed = """
                <xml><ToUserName><![CDATA[gh_0000000000ab]]></ToUserName><FromUserName><![CDATA[oFollower]]></FromUserName>
                <CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>
                <Event><![CDATA[subscribe]]></Event></xml>""";
        var text = """
                <xml><ToUserName><![CDATA[gh_0000000000ab]]></ToUserName><FromUserName><![CDATA[oFollower]]></FromUserName>
                <CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[你好]]></Content><MsgId>1234567890123456</MsgId></xml>""";

        assertThat(neverSent.status()).as(neverSent.body()).isEqualTo(200);
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), followed);
        pushed(OA + query(TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN, 0), text);
        pushed(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0), followed);
    }

    @Test
    void popUpAcceptsGrantSubscribeMessagesOnceAndTurningATemplateOffWithdrawsThem() {
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, SHIPPED, 5);
        var customer = customer("wechat_openid", openid);
        var now = Instant.now().getEpochSecond();
        var popup = subscriptionEvent(
                openid,
                now,
                "subscribe_msg_popup_event",
                "SubscribeMsgPopupEvent",
                decision(SHIPPED, "accept") + decision(PRICE_DROP, "reject"));

        pushed(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0), popup);
        pushed(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0), popup);

        assertThat(remaining(customer, SHIPPED)).isEqualTo(1);
        assertThat(remaining(customer, PRICE_DROP)).isZero();
        // the mini-program reports the same accept: it grants nothing more
        grants.record(CustomerId.of(customer), Map.of(SHIPPED, "accept"));
        assertThat(remaining(customer, SHIPPED)).isEqualTo(1);
        // a second accept, seen both ways, grants one more
        grants.record(CustomerId.of(customer), Map.of(SHIPPED, "accept"));
        accepted(openid, now + 1, SHIPPED);
        assertThat(remaining(customer, SHIPPED)).isEqualTo(2);

        var turnedOff = subscriptionEvent(
                openid, now + 2, "subscribe_msg_change_event", "SubscribeMsgChangeEvent", decision(SHIPPED, "reject"));
        pushed(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0), turnedOff);

        assertThat(remaining(customer, SHIPPED)).isZero();
        assertThat(grants.of(CustomerId.of(customer)).stream()
                        .filter(s -> s.templateId().equals(SHIPPED))
                        .findFirst()
                        .orElseThrow()
                        .lastDecision())
                .isEqualTo("reject");
        // the pop-up of a customer Siyu has not met changes nothing and is answered as handled
        accepted("oNeverMet" + UUID.randomUUID().toString().replace("-", ""), now, SHIPPED);
    }

    @Test
    void aSubscribeMessagesReportMarksItDeliveredOrFailed() {
        var template = template("wechat_subscribe", SHIPPED);
        var openid = wechat.user(TestWechatServer.MINI_PROGRAM_APP_ID);
        wechat.subscribe(openid, SHIPPED, 5);
        var customer = customer("wechat_openid", openid);
        var now = Instant.now().getEpochSecond();
        accepted(openid, now, SHIPPED);
        accepted(openid, now + 1, SHIPPED);
        var delivered = sent(customer, template);
        var undelivered = sent(customer, template);
        var report = subscriptionEvent(
                openid,
                now + 2,
                "subscribe_msg_sent_event",
                "SubscribeMsgSentEvent",
                "<List><TemplateId><![CDATA[" + SHIPPED + "]]></TemplateId><MsgID>"
                        + delivered.get("providerMessageId").asString()
                        + "</MsgID><ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List>"
                        + "<List><TemplateId><![CDATA[" + SHIPPED + "]]></TemplateId><MsgID>"
                        + undelivered.get("providerMessageId").asString()
                        + "</MsgID><ErrorCode>10005</ErrorCode><ErrorStatus><![CDATA[fail_user_refuse]]></ErrorStatus>"
                        + "</List>");

        pushed(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0), report);
        pushed(MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0), report);

        assertThat(row(delivered).has("deliveredAt")).isTrue();
        var failed = row(undelivered);
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("outcome").asString()).contains("10005", "fail_user_refuse");
        new MessagingFixtures(siyu).timelineEvent(customer, "WeChat Subscribe Message Delivery Failed");
        assertThat(events(customer, "WeChat Subscribe Message Delivered")).isEqualTo(1);
        assertThat(events(customer, "WeChat Subscribe Message Delivery Failed")).isEqualTo(1);
    }

    @Test
    void anEncryptedPushIsDecryptedWithTheAppsKeyAndChecksTheAppId() {
        var template = template("wechat_template", NOTICE);
        var openid = wechat.user(TestWechatServer.OFFICIAL_ACCOUNT_APP_ID);
        var customer = customer("wechat_oa_openid", openid);
        var sent = sent(customer, template);
        var report = templateFinished(openid, sent.get("providerMessageId").asString(), "success");
        var token = TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN;

        var otherApp = encrypted(
                token, TestWechatServer.OFFICIAL_ACCOUNT_AES_KEY, TestWechatServer.MINI_PROGRAM_APP_ID, report);
        problem(post(OA + otherApp.getKey(), otherApp.getValue()), 400, "another app");
        var otherKey = encrypted(
                token, TestWechatServer.MINI_PROGRAM_AES_KEY, TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, report);
        problem(post(OA + otherKey.getKey(), otherKey.getValue()), 400, "Encrypt");
        var tampered = encrypted(
                token, TestWechatServer.OFFICIAL_ACCOUNT_AES_KEY, TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, report);
        problem(
                post(
                        OA + tampered.getKey().replaceAll("msg_signature=[0-9a-f]+", "msg_signature=" + "0".repeat(40)),
                        tampered.getValue()),
                403,
                "msg_signature");
        assertThat(row(sent).has("deliveredAt")).isFalse();

        var good = encrypted(
                token, TestWechatServer.OFFICIAL_ACCOUNT_AES_KEY, TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, report);
        pushed(OA + good.getKey(), good.getValue());

        assertThat(row(sent).has("deliveredAt")).isTrue();
    }

    @Test
    void forgedStaleOrMalformedPushesAreRefusedWithProblemsAndChangeNothing() {
        var template = template("wechat_template", NOTICE);
        var openid = wechat.user(TestWechatServer.OFFICIAL_ACCOUNT_APP_ID);
        var sent = sent(customer("wechat_oa_openid", openid), template);
        var report = templateFinished(openid, sent.get("providerMessageId").asString(), "success");
        var token = TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN;

        problem(post(OA + query("notTheToken", 0), report), 403, "signature");
        problem(post(OA + query(token, -600), report), 403, "timestamp");
        problem(post(OA + query(token, 600), report), 403, "timestamp");
        problem(post("/t/wechat/notTheToken/push" + query("notTheToken", 0), report), 404, "push address");
        problem(post(OA + query(token, 0), "<xml><Event>"), 400, "\"rule\":\"xml\"");
        problem(post(OA + query(token, 0), "{\"Event\":\"TEMPLATESENDJOBFINISH\"}"), 400, "\"rule\":\"xml\"");
        var entity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY id SYSTEM \"file:///etc/hostname\">]>"
                + report.replace(sent.get("providerMessageId").asString(), "&id;");
        problem(post(OA + query(token, 0), entity), 400, "document type");
        problem(post(OA + query(token, 0), report.replace("<MsgID>", "<MsgID>x")), 400, "MsgID");
        problem(post(OA + query(token, 0), report.replace("<Status><![CDATA[success]]></Status>", "")), 400, "Status");
        problem(post(OA + query(token, 0), "<xml>" + "a".repeat(70_000) + "</xml>"), 413, "too-large");
        problem(post(OA + query(token, 0) + "&encrypt_type=rot13", report), 400, "encrypt_type");
        for (var list : List.of("", "<List><TemplateId>" + SHIPPED + "</TemplateId></List>")) {
            problem(
                    post(
                            MP + query(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN, 0),
                            subscriptionEvent(openid, 1, "subscribe_msg_popup_event", "SubscribeMsgPopupEvent", list)),
                    400,
                    list.isEmpty() ? "SubscribeMsgPopupEvent" : "SubscribeStatusString");
        }

        var row = row(sent);
        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(row.has("deliveredAt")).isFalse();
    }
}
