package io.siyu.messaging.internal.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestJpushServer;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * App push through the real application to a stand-in of JPush that checks what JPush checks: the notification goes to
 * the registration id of the customer's device with its title, body and link; a registration id JPush does not know
 * fails for good; JPush's rate limit makes it wait without using an attempt; and a push whose answer timed out is not
 * pushed again when it is retried, since it carries the same cid.
 */
@SiyuIntegrationTest
class PushDeliveryTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    private final TestJpushServer jpush = TestJpushServer.get();

    private long customer(String registrationId, String consent) {
        return new PushFixtures(siyu).customer(registrationId, consent);
    }

    private String template(String purpose) {
        return new PushFixtures(siyu).template(purpose);
    }

    private long send(long customer, String template) {
        return new PushFixtures(siyu).send(customer, template);
    }

    @Test
    void aPushGoesToTheCustomersDeviceWithTitleBodyAndLinkAndKeepsJpushsMsgId() {
        var fixtures = new MessagingFixtures(siyu);
        var device = jpush.device();
        var customer = customer(device, "{\"push\":true}");

        var row = fixtures.settled(send(customer, template("marketing")));

        var pushed = jpush.await(device, 1).getFirst();
        assertThat(row.get("state").asString()).as(row.toString()).isEqualTo("sent");
        assertThat(row.get("channel").asString()).isEqualTo("push");
        assertThat(row.get("provider").asString()).isEqualTo("jpush");
        assertThat(row.get("providerMessageId").asString()).isEqualTo(pushed.msgId());
        assertThat(row.get("address").asString()).doesNotContain(device);
        assertThat(pushed.android().get("title").asString()).isEqualTo("Hi Lan");
        assertThat(pushed.android().get("alert").asString()).isEqualTo("Your parcel A-1 is on its way");
        assertThat(pushed.ios().get("alert").get("title").asString()).isEqualTo("Hi Lan");
        assertThat(pushed.ios().get("alert").get("body").asString()).isEqualTo("Your parcel A-1 is on its way");
        for (var platform : new JsonNode[] {pushed.android(), pushed.ios()}) {
            assertThat(platform.get("extras").get("url").asString())
                    .as("the web link goes through the click redirect")
                    .contains("/t/c/")
                    .contains("orders%2FA-1");
        }
        assertThat(pushed.request().get("cid").asString()).startsWith(TestJpushServer.APP_KEY + "-");
        assertThat(pushed.request().get("options").get("apns_production").asBoolean())
                .isTrue();
        assertThat(pushed.request().get("options").get("time_to_live").asLong()).isEqualTo(86_400);
        fixtures.timelineEvent(customer, "Push Notification Sent");
    }

    @Test
    void whenAnotherAccountSignsInOnThePhoneTheFirstAccountsPushesNoLongerGoToIt() {
        var fixtures = new MessagingFixtures(siyu);
        var device = jpush.device();
        var first = customer(device, "{\"push\":true}");
        var second = customer(device, "{\"push\":true}");
        var template = template("marketing");

        var toFirst = fixtures.settled(send(first, template));
        var toSecond = fixtures.settled(send(second, template));

        assertThat(second).isNotEqualTo(first);
        assertThat(toFirst.get("state").asString()).as(toFirst.toString()).isEqualTo("skipped");
        assertThat(toFirst.get("outcome").asString()).isEqualTo("no-address");
        assertThat(toSecond.get("state").asString()).as(toSecond.toString()).isEqualTo("sent");
        assertThat(jpush.await(device, 1)).hasSize(1);
    }

    @Test
    void marketingPushNeedsPushConsent() {
        var fixtures = new MessagingFixtures(siyu);
        var device = jpush.device();
        var customer = customer(device, "{\"email\":true}");

        var row = fixtures.settled(send(customer, template("marketing")));

        assertThat(row.get("state").asString()).isEqualTo("skipped");
        assertThat(row.get("outcome").asString()).isEqualTo("consent-missing");
        assertThat(jpush.to(device)).isEmpty();
    }

    @Test
    void aRegistrationIdJpushDoesNotKnowFailsForGood() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = customer(TestJpushServer.freshRegistrationId(), "{\"push\":true}");

        var row = fixtures.settled(send(customer, template("transactional")));

        assertThat(row.get("state").asString()).isEqualTo("failed");
        assertThat(row.get("outcome").asString()).contains("1011");
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void jpushsRateLimitMakesThePushWaitWithoutUsingAnAttempt() {
        var fixtures = new MessagingFixtures(siyu);
        var device = jpush.device();
        jpush.rateLimit(device, 1);
        var sendId = send(customer(device, "{\"push\":true}"), template("transactional"));

        var waiting = awaitOutcome(sendId, "waiting");
        assertThat(waiting.get("state").asString()).isEqualTo("queued");
        assertThat(waiting.get("attempts").asInt()).isZero();
        assertThat(waiting.get("outcome").asString()).contains("2002");
        // the window JPush named in X-Rate-Limit-Reset has passed
        jdbc.update("update messaging.send set due_at = now() where id = ?", sendId);

        var row = fixtures.settled(sendId);
        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
        assertThat(jpush.to(device)).hasSize(1);
    }

    @Test
    void aPushWhoseAnswerTimedOutIsNotPushedAgainWhenRetried() {
        var fixtures = new MessagingFixtures(siyu);
        var device = jpush.device();
        jpush.hold(device);
        var sendId = send(customer(device, "{\"push\":true}"), template("transactional"));

        var failed = awaitOutcome(sendId, "attempt 1 failed");
        jpush.release(device);
        assertThat(failed.get("state").asString()).isEqualTo("queued");
        assertThat(jpush.to(device)).as("JPush took the first push").hasSize(1);
        jdbc.update("update messaging.send set due_at = now() where id = ?", sendId);

        var row = fixtures.settled(sendId);
        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(row.get("attempts").asInt()).isEqualTo(2);
        assertThat(jpush.to(device)).as("the retry carried the same cid").hasSize(1);
        assertThat(row.get("providerMessageId").asString())
                .isEqualTo(jpush.to(device).getFirst().msgId());
    }

    @Test
    void aServerErrorIsTriedAgainAndThenGoes() {
        var fixtures = new MessagingFixtures(siyu);
        var device = jpush.device();
        jpush.fail(device, 1);
        var sendId = send(customer(device, "{\"push\":true}"), template("transactional"));

        var failed = awaitOutcome(sendId, "attempt 1 failed");
        assertThat(failed.get("outcome").asString()).contains("503");
        jdbc.update("update messaging.send set due_at = now() where id = ?", sendId);

        assertThat(fixtures.settled(sendId).get("state").asString()).isEqualTo("sent");
        assertThat(jpush.to(device)).hasSize(1);
    }

    @Test
    void aPushTemplateIsRefusedWithHtmlOrTextThatLeavesNoRoomInJpushsPayload() {
        var html = siyu.admin().post("/api/v1/message-templates", """
                {"key":"p-html","name":"Push html","channel":"push","purpose":"marketing",
                 "subject":"Hi","text":"Body","html":"<p>Body</p>"}""");
        var long_ = siyu.admin().post("/api/v1/message-templates", """
                {"key":"p-long","name":"Push long","channel":"push","purpose":"marketing",
                 "subject":"Hi","text":"%s"}""".formatted("新品".repeat(600)));

        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body()).contains("html");
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.body()).contains("push-payload-size");
    }

    private JsonNode awaitOutcome(long sendId, String prefix) {
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
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
