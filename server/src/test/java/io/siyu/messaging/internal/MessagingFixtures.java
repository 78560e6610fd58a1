package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuUnderTest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Customers, templates and messages for the messaging module's tests, made through the real API. */
public final class MessagingFixtures {

    private final SiyuUnderTest siyu;

    public MessagingFixtures(SiyuUnderTest siyu) {
        this.siyu = siyu;
    }

    /** A fresh e-mail address no other test uses. */
    public static String freshAddress() {
        return "m-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A customer with the given e-mail address (or none), first name and consent (JSON, or null for none). */
    public long customer(String email, String firstName, String categoryPreferences) {
        return customer(email, firstName, categoryPreferences, null);
    }

    /** The same, living in a time zone their device names ({@code context.timezone}), or in the brand's for null. */
    public long customer(String email, String firstName, String categoryPreferences, String timeZone) {
        return identified(
                "{\"first_name\":\"" + firstName + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}",
                categoryPreferences,
                timeZone);
    }

    /** A customer with a phone number, a first name and consent (JSON, or null for none). */
    public long customerWithPhone(String phone, String firstName, String categoryPreferences) {
        return identified(
                "{\"first_name\":\"" + firstName + "\",\"phone\":\"" + phone + "\"}", categoryPreferences, null);
    }

    /** A customer with a phone number and an e-mail address, a first name and consent (JSON, or null for none). */
    public long customerWithPhoneAndEmail(String phone, String email, String firstName, String categoryPreferences) {
        return identified(
                "{\"first_name\":\"" + firstName + "\",\"phone\":\"" + phone + "\",\"email\":\"" + email + "\"}",
                categoryPreferences,
                null);
    }

    private long identified(String traits, String categoryPreferences, String timeZone) {
        var user = "msg-" + UUID.randomUUID();
        var context = "{" + (timeZone == null ? "" : "\"timezone\":\"" + timeZone + "\"")
                + (timeZone != null && categoryPreferences != null ? "," : "")
                + (categoryPreferences == null
                        ? ""
                        : "\"consent\":{\"categoryPreferences\":" + categoryPreferences + "}")
                + "}";
        var sent = siyu.shop()
                .post(
                        "/v1/batch",
                        "{\"batch\":[{\"type\":\"identify\",\"userId\":\"" + user + "\",\"traits\":" + traits
                                + ",\"context\":" + context + "}]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return siyu.customerId("user_id:" + user);
    }

    /** A mainland mobile number, in E.164, that no other test uses. */
    public static String freshPhone() {
        return "+86139"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** An SMS template of the stand-in's approved {@code SMS_100000001} with a fresh key; answers its key. */
    public String smsTemplate(String purpose, String templateCode) {
        var body = newTemplate("sms", purpose);
        body.put("text", "${name}，新品上架 拒收请回复R");
        var sms = body.putObject("sms");
        sms.put("templateCode", templateCode);
        sms.put("signName", io.siyu.TestSmsServer.SIGN_NAME);
        sms.putObject("parameters").put("name", "{{customer.first_name}}");
        return created(body);
    }

    /** A marketing WeCom template with a fresh key and this text; answers its key. */
    public String wecomTemplate(String text) {
        var body = newTemplate("wecom", "marketing");
        body.put("text", text);
        return created(body);
    }

    /** A template's request body with a fresh key, channel and purpose. */
    private tools.jackson.databind.node.ObjectNode newTemplate(String channel, String purpose) {
        var key = (channel.equals("sms") ? "s-" : "t-")
                + UUID.randomUUID().toString().substring(0, 8);
        var body = io.siyu.HttpFixtures.JSON.createObjectNode();
        body.put("key", key);
        body.put("name", "Test " + key);
        body.put("channel", channel);
        body.put("purpose", purpose);
        return body;
    }

    /** Creates the template; answers its key. */
    private String created(tools.jackson.databind.node.ObjectNode body) {
        var created = siyu.admin().post("/api/v1/message-templates", body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return body.get("key").asString();
    }

    /** A template with a fresh key; answers its key. */
    public String template(String purpose, String subject, String html, String text) {
        var body = newTemplate("email", purpose);
        body.put("subject", subject);
        if (html != null) {
            body.put("html", html);
        }
        body.put("text", text);
        return created(body);
    }

    public String marketingTemplate() {
        return template(
                "marketing",
                "Hello {{customer.first_name}}",
                "<html><body><p>Hi {{customer.first_name}}, see <a href=\"https://shop.example.com/new?a=1&b=2\">new"
                        + " arrivals</a>.</p><script>alert(1)</script></body></html>",
                "Hi {{customer.first_name}}, see https://shop.example.com/new");
    }

    /** Queues a message through the API; answers the ledger row. */
    public JsonNode send(long customerId, String template, String reason) {
        var response = siyu.admin()
                .post(
                        "/api/v1/messages",
                        "{\"customerId\":" + customerId + ",\"template\":\"" + template + "\""
                                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    /**
     * Saves the brand's respect settings (JSON as {@code PUT /api/v1/respect-settings} takes it) and answers the ones
     * they replace, for the test to put back.
     */
    public String respectSettings(String settings) {
        var before = siyu.admin().get("/api/v1/respect-settings").json();
        var saved = siyu.admin().put("/api/v1/respect-settings", settings);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var previous = io.siyu.HttpFixtures.JSON.createObjectNode();
        previous.set("quietHours", before.get("quietHours"));
        previous.set("caps", before.get("caps"));
        previous.set("policies", before.get("policies"));
        return previous.toString();
    }

    /** Waits until a ledger row is settled (sent, skipped, failed or parked) and answers it. */
    public JsonNode settled(long sendId) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode row = null;
        while (System.nanoTime() < deadline) {
            row = siyu.admin().get("/api/v1/messages/" + sendId).json();
            if (Set.of("sent", "skipped", "failed", "parked")
                    .contains(row.get("state").asString())) {
                return row;
            }
            pause();
        }
        throw new AssertionError("message " + sendId + " was not settled: " + row);
    }

    /** Waits until the customer's timeline holds an event of this name, and answers it. */
    public JsonNode timelineEvent(long customerId, String name) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            siyu.applyQueued();
            var events = siyu.admin()
                    .get("/api/v1/customers/" + customerId + "/events?name="
                            + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                    .json()
                    .get("items");
            if (events != null && !events.isEmpty()) {
                return events.get(0);
            }
            pause();
        }
        throw new AssertionError("no '" + name + "' event on customer " + customerId);
    }

    /** The customer's consent for a category now: granted, denied or unknown. */
    public String consent(long customerId, String category) {
        siyu.applyQueued();
        for (var consent :
                siyu.admin().get("/api/v1/customers/" + customerId).json().get("consents")) {
            if (consent.get("category").asString().equals(category)) {
                return consent.get("granted").asBoolean() ? "granted" : "denied";
            }
        }
        return "unknown";
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
