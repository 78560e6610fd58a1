package io.siyu.messaging.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.TestSmsServer;
import io.siyu.TestWechatServer;
import io.siyu.TestWecomServer;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.MessagingFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Operators set a channel's provider in the console: it sends through the new settings at once, without a restart,
 * and through the environment's again once they are deleted; its credentials are never shown and are sealed at rest,
 * bound to their channel; bad settings are refused naming the field and the rule; only admins see or change them.
 */
@SiyuIntegrationTest
class ProviderSettingsTests {

    static final String PASSWORD = "console-sms-secret-4f1d9c";

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProviderSettingsStore store;

    @Autowired
    ProviderSettings settings;

    @AfterEach
    void returnToTheEnvironment() {
        for (var channel :
                Arrays.stream(Channel.values()).filter(c -> c != Channel.INBOX).toList()) {
            assertThat(siyu.admin()
                            .delete("/api/v1/messaging/providers/" + channel.category())
                            .status())
                    .isEqualTo(200);
        }
    }

    /** Saves the test suite's SMTP server, which takes mail without signing in, with a sender of the console's. */
    private HttpFixtures.Response saveEmail(String from) {
        return siyu.admin().put("/api/v1/messaging/providers/email", """
                {"host":"127.0.0.1","port":%d,"startTls":false,"ssl":false,"from":"%s"}""".formatted(TestMailServer.port(), from));
    }

    /** Saves SMS settings with a secret of the console's own, or keeping the one in force. */
    private HttpFixtures.Response saveSms(String secretJson) {
        return siyu.admin().put("/api/v1/messaging/providers/sms", """
                {"accessKeyId":"%s",%s"endpoint":"%s","signName":"%s"}""".formatted(
                TestSmsServer.ACCESS_KEY_ID, secretJson, TestSmsServer.get().endpoint(), TestSmsServer.SIGN_NAME));
    }

    private JsonNode listed(String channel) {
        var list = siyu.admin().get("/api/v1/messaging/providers");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(PASSWORD);
        for (var view : list.json()) {
            if (view.get("channel").asString().equals(channel)) {
                return view;
            }
        }
        throw new AssertionError("no " + channel + " in " + list.body());
    }

    @Test
    void anSmtpServerSavedInTheConsoleSendsAtOnceAndDeletingItReturnsToTheEnvironment() throws Exception {
        var fixtures = new MessagingFixtures(siyu);
        assertThat(listed("email").get("source").asString()).isEqualTo("environment");

        var saved = saveEmail("Console Sender <news@console.example>");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(PASSWORD);
        var email = listed("email");
        assertThat(email.get("source").asString()).isEqualTo("console");
        assertThat(email.get("fields").get("from").asString()).isEqualTo("Console Sender <news@console.example>");
        assertThat(email.get("secrets").get(0).get("name").asString()).isEqualTo("password");
        assertThat(email.get("secrets").get(0).get("set").asBoolean()).isFalse();
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Ai", "{\"email\":true}");
        var queued = fixtures.send(customer, fixtures.marketingTemplate(), null);
        var message = TestMailServer.await(address, 1).getFirst();
        assertThat(message.getFrom()[0].toString()).contains("news@console.example");
        assertThat(message.getMessageID()).endsWith("@console.example>");
        assertThat(fixtures.settled(queued.get("sendId").asLong())
                        .get("provider")
                        .asString())
                .isEqualTo("smtp");
        var check = siyu.admin().post("/api/v1/messaging/providers/email/check", "");
        assertThat(check.json().get("outcome").asString()).as(check.body()).isEqualTo("ok");

        var deleted = siyu.admin().delete("/api/v1/messaging/providers/email");

        assertThat(deleted.json().get("source").asString()).isEqualTo("environment");
        var again = MessagingFixtures.freshAddress();
        fixtures.send(fixtures.customer(again, "Bo", "{\"email\":true}"), fixtures.marketingTemplate(), null);
        assertThat(TestMailServer.await(again, 1).getFirst().getFrom()[0].toString())
                .contains("noreply@siyu.localhost");
    }

    @Test
    void aSecretLeftOutIsKeptAndOneGivenIsSealedForItsChannelOnly() {
        var saved = saveSms("\"accessKeySecret\":\"" + PASSWORD + "\",");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var sms = listed("sms");
        assertThat(sms.get("secrets").get(0).get("set").asBoolean()).isTrue();
        assertThat(sms.get("secrets").get(0).get("changedAt").isNull()).isFalse();
        var withoutSecret = saveSms("");
        assertThat(withoutSecret.status()).as(withoutSecret.body()).isEqualTo(200);
        assertThat(withoutSecret.body()).doesNotContain(PASSWORD);
        assertThat(store.load(Channel.SMS).orElseThrow().secrets()).containsEntry("accessKeySecret", PASSWORD);
        var refused = siyu.admin().post("/api/v1/messaging/providers/sms/check", "");
        assertThat(refused.json().get("outcome").asString()).as(refused.body()).isEqualTo("failed");
        assertThat(refused.body()).doesNotContain(PASSWORD);
        assertThat(saveSms("\"accessKeySecret\":\"" + TestSmsServer.ACCESS_KEY_SECRET + "\",")
                        .status())
                .isEqualTo(200);
        var accepted = siyu.admin().post("/api/v1/messaging/providers/sms/check", "");
        assertThat(accepted.json().get("outcome").asString())
                .as(accepted.body())
                .isEqualTo("ok");
        assertThat(saveSms("\"accessKeySecret\":\"" + PASSWORD + "\",").status())
                .isEqualTo(200);

        var sealed = jdbc.queryForObject(
                "select sealed from messaging.provider_settings where channel = 'sms'", byte[].class);
        var settings = jdbc.queryForObject(
                "select settings::text from messaging.provider_settings where channel = 'sms'", String.class);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        assertThat(settings).doesNotContain(PASSWORD);
        var wechat = siyu.admin().put("/api/v1/messaging/providers/wechat_template", """
                {"appId":"%s","appSecret":"%s"}""".formatted(
                        TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, TestWechatServer.OFFICIAL_ACCOUNT_SECRET));
        assertThat(wechat.status()).as(wechat.body()).isEqualTo(200);
        jdbc.update(
                "update messaging.provider_settings set sealed = ? where channel = 'wechat_template'", (Object) sealed);
        var moved = store.load(Channel.WECHAT_TEMPLATE).orElseThrow();
        assertThat(moved.sealedUnreadable()).isTrue();
        assertThat(moved.secrets()).isEmpty();
    }

    @Test
    void aCheckTriesTheCredentialsInForceAndNotAToken() {
        var right = siyu.admin().put("/api/v1/messaging/providers/wechat_template", """
                {"appId":"%s","appSecret":"%s"}""".formatted(
                        TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, TestWechatServer.OFFICIAL_ACCOUNT_SECRET));
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        var good = siyu.admin().post("/api/v1/messaging/providers/wechat_template/check", "");
        assertThat(good.json().get("outcome").asString()).as(good.body()).isEqualTo("ok");

        var wrong = siyu.admin().put("/api/v1/messaging/providers/wechat_template", """
                {"appId":"%s","appSecret":"not-the-secret"}""".formatted(
                        TestWechatServer.OFFICIAL_ACCOUNT_APP_ID));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
        var refused = siyu.admin().post("/api/v1/messaging/providers/wechat_template/check", "");

        assertThat(refused.json().get("outcome").asString()).as(refused.body()).isEqualTo("failed");
        assertThat(refused.body()).doesNotContain("not-the-secret");
        assertThat(siyu.admin()
                        .post("/api/v1/messaging/providers/wecom/check", "")
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("ok");
        assertThat(siyu.admin()
                        .post("/api/v1/messaging/providers/push/check", "")
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("ok");
    }

    @Test
    void aPushTokenSavedInTheConsoleOpensItsAddressAtOnceAndIsNeverShown() {
        var token = "consolePushToken4f1d9c";
        var saved = siyu.admin().put("/api/v1/messaging/providers/wechat_subscribe", """
                {"appId":"%s","miniprogramState":"formal","lang":"zh_CN","pushToken":"%s"}""".formatted(
                        TestWechatServer.MINI_PROGRAM_APP_ID, token));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        var view = listed("wechat_subscribe");
        assertThat(view.toString()).doesNotContain(token);
        assertThat(view.get("secrets").findValuesAsString("name")).contains("pushToken", "encodingAesKey");
        for (var secret : view.get("secrets")) {
            // the environment's secrets stay in force beside the console's token
            assertThat(secret.get("set").asBoolean()).as(secret.toString()).isTrue();
        }
        var opened = siyu.anonymous().get("/t/wechat/" + token + "/push" + signed(token) + "&echostr=echo");
        var before = siyu.anonymous()
                .get("/t/wechat/" + TestWechatServer.MINI_PROGRAM_PUSH_TOKEN + "/push"
                        + signed(TestWechatServer.MINI_PROGRAM_PUSH_TOKEN) + "&echostr=echo");

        assertThat(opened.body()).as(opened.toString()).isEqualTo("echo");
        assertThat(before.status()).isEqualTo(404);
    }

    /** The query by which WeChat signs a request to an app's push address with the app's token. */
    private static String signed(String token) {
        var timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        var sorted = new String[] {token, timestamp, "7"};
        Arrays.sort(sorted);
        try {
            return "?signature="
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)))
                    + "&timestamp=" + timestamp + "&nonce=7";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndTheRule() {
        assertRefused("email", """
                {"host":"127.0.0.1","port":70000,"startTls":false,"ssl":false,"from":"a@b.example"}""", "port", "range");
        assertRefused("sms", """
                {"accessKeyId":"id","endpoint":"http://sms.example.com"}""", "endpoint", "https");
        assertRefused("wecom", """
                {"secret":"s","endpoint":"https://qyapi.weixin.qq.com"}""", "corpId", "required");
        assertRefused("email", """
                {"host":"127.0.0.1","port":25,"startTls":false,"ssl":false,"from":"a@b.example","appId":"x"}""", "appId", "not-applicable");
        assertRefused("wechat_subscribe", """
                {"appId":"wx1","miniprogramState":"beta","lang":"zh_CN"}""", "miniprogramState", "one-of");
        assertRefused("wechat_template", """
                {"appId":"wx1","pushToken":"a-b"}""", "pushToken", "wechat-token");
        assertRefused("wechat_subscribe", """
                {"appId":"wx1","miniprogramState":"formal","lang":"zh_CN","encodingAesKey":"tooShort"}""", "encodingAesKey", "wechat-encoding-aes-key");
        assertRefused("email", """
                {"host":"127.0.0.1","port":25,"password":"p","startTls":false,"ssl":false,"from":"a@b.example"}""", "username", "required-with-password");
        assertRefused("email", """
                {"host":"127.0.0.1","port":25,"startTls":false,"ssl":false,"from":"a@b.example","timeout":"10 seconds"}""", "timeout", "duration");
        assertRefused("sms", """
                {"accessKeyId":"id","endpoint":"https://sms.example.com","timeout":"5m"}""", "timeout", "range");
        assertRefused("sms", """
                {"accessKeyId":"id","endpoint":"https://sms.example.com","callbackToken":"too-short"}""", "callbackToken", "min-length");
        assertRefused("wechat_template", """
                {"appId":"wx1","endpoint":"http://api.weixin.example"}""", "endpoint", "https");
        assertRefused("push", """
                {"appKey":"k","endpoint":"https://api.jpush.cn","apnsProduction":true,"timeToLive":"11d"}""", "timeToLive", "range");
        assertRefused("wecom", """
                {"corpId":"c","endpoint":"https://qyapi.weixin.qq.com","pollEvery":"1s"}""", "pollEvery", "range");
        var inbox = siyu.admin().put("/api/v1/messaging/providers/inbox", "{}");
        assertThat(inbox.status()).isEqualTo(400);
        assertThat(listed("email").get("source").asString()).isEqualTo("environment");
    }

    @Test
    void settingsOnceOnlyTheEnvironmentsHoldOnceSavedAndTheEnvironmentsAgainOnceDeleted() {
        var sms = listed("sms");
        assertThat(sms.get("fields").get("timeout").asString()).isEqualTo("10s");
        assertThat(sms.get("secrets").findValuesAsString("name")).contains("callbackToken");
        var consoleToken = "console-callback-token-7c2e94";

        var saved = saveSms("\"callbackToken\":\"" + consoleToken + "\",\"timeout\":\"30s\",");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(consoleToken);
        assertThat(listed("sms").get("fields").get("timeout").asString()).isEqualTo("30s");
        assertThat(settings.sms().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(receipts(consoleToken)).isEqualTo(200);
        assertThat(receipts(TestSmsServer.CALLBACK_TOKEN)).isEqualTo(404);
        assertThat(settings.sms().callbackToken()).isEqualTo(consoleToken);

        var wecom = siyu.admin().put("/api/v1/messaging/providers/wecom", """
                {"corpId":"%s","secret":"%s","endpoint":"%s","pollEvery":"10s","remindAfter":"2h","resultTimeout":"1d"}""".formatted(
                        TestWecomServer.CORP_ID,
                        TestWecomServer.SECRET,
                        settings.wecom().endpoint()));
        assertThat(wecom.status()).as(wecom.body()).isEqualTo(200);
        assertThat(settings.wecom().pollEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.wecom().remindAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.wecom().resultTimeout()).isEqualTo(Duration.ofDays(1));
        var push = siyu.admin().put("/api/v1/messaging/providers/push", """
                {"appKey":"k","endpoint":"https://api.jpush.cn","apnsProduction":false,"timeToLive":"6h"}""");
        assertThat(push.status()).as(push.body()).isEqualTo(200);
        assertThat(settings.push().timeToLive()).isEqualTo(Duration.ofHours(6));

        assertThat(siyu.admin().delete("/api/v1/messaging/providers/sms").status())
                .isEqualTo(200);

        assertThat(receipts(consoleToken)).isEqualTo(404);
        assertThat(receipts(TestSmsServer.CALLBACK_TOKEN)).isEqualTo(200);
        assertThat(listed("sms").get("fields").get("timeout").asString()).isEqualTo("10s");
    }

    @Test
    void wechatsApiAddressSavedForAnAppIsTheOneItsCallsGoTo() {
        var environment =
                listed("wechat_template").get("fields").get("endpoint").asString();
        var nowhere = siyu.admin().put("/api/v1/messaging/providers/wechat_template", """
                {"appId":"%s","appSecret":"%s","endpoint":"http://127.0.0.1:9","timeout":"2s"}""".formatted(
                        TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, TestWechatServer.OFFICIAL_ACCOUNT_SECRET));
        assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(200);

        var unreachable = siyu.admin().post("/api/v1/messaging/providers/wechat_template/check", "");

        assertThat(unreachable.json().get("outcome").asString())
                .as(unreachable.body())
                .isEqualTo("failed");
        assertThat(listed("wechat_subscribe").get("fields").get("endpoint").asString())
                .isEqualTo(environment);
        var back = siyu.admin().put("/api/v1/messaging/providers/wechat_template", """
                {"appId":"%s","endpoint":"%s"}""".formatted(
                        TestWechatServer.OFFICIAL_ACCOUNT_APP_ID, environment));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        var reached = siyu.admin().post("/api/v1/messaging/providers/wechat_template/check", "");
        assertThat(reached.json().get("outcome").asString()).as(reached.body()).isEqualTo("ok");
    }

    private int receipts(String token) {
        return siyu.anonymous()
                .post("/t/sms/" + token + "/receipts", "[]", "application/json")
                .status();
    }

    private void assertRefused(String channel, String body, String field, String rule) {
        var refused = siyu.admin().put("/api/v1/messaging/providers/" + channel, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(refused.json().get("errors").findValuesAsString("rule")).contains(rule);
    }

    @Test
    void onlyAdminsSeeOrChangeProviders() {
        var marketer = siyu.token(siyu.admin()
                .post("/api/v1/api-tokens", "{\"name\":\"providers marketer\",\"role\":\"MARKETER\"}")
                .json()
                .get("secret")
                .asString());

        assertThat(marketer.get("/api/v1/messaging/providers").status()).isEqualTo(403);
        assertThat(marketer.put("/api/v1/messaging/providers/email", "{}").status())
                .isEqualTo(403);
        assertThat(marketer.post("/api/v1/messaging/providers/email/check", "").status())
                .isEqualTo(403);
    }
}
