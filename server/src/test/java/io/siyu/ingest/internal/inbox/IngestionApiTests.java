package io.siyu.ingest.internal.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestCredentials;
import io.siyu.shared.PersonalData;
import io.siyu.shared.Utf8Fixtures;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SiyuIntegrationTest
class IngestionApiTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RejectedMessages rejectedMessages;

    HttpFixtures shop;

    @BeforeEach
    void connect() {
        shop = siyu.shop();
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }

    long events(String messageId) {
        siyu.applyQueued();
        return jdbc.queryForObject("select count(*) from customers.event where message_id = ?", Long.class, messageId);
    }

    @Test
    void aTrackIsAcknowledgedLikeSegmentAndLandsOnTheTimeline() {
        var messageId = unique();

        var response = shop.post("/v1/track", """
                {"userId":"%s","event":"Signed Up","messageId":"%s","properties":{"plan":"free"}}""".formatted(unique(), messageId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(events(messageId)).isEqualTo(1);
    }

    @Test
    void aDuplicateMessageIsAcknowledgedAndStoredOnce() {
        var messageId = unique();
        var body = """
                {"anonymousId":"%s","event":"Product Viewed","messageId":"%s"}""".formatted(unique(), messageId);

        var first = shop.post("/v1/track", body);
        var second = shop.post("/v1/track", body);

        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(events(messageId)).isEqualTo(1);
    }

    /** A batch of one valid message and two rejected ones; answers the valid message's id and the answer. */
    private record MixedBatch(String good, HttpFixtures.Response response) {}

    private MixedBatch batchWithRejectedMessages() {
        var good = unique();
        var response = shop.post("/v1/batch", """
                {"batch":[
                  {"type":"track","userId":"%s","event":"Cart Viewed","messageId":"%s"},
                  {"type":"track","userId":"x","messageId":"%s"},
                  {"type":"identify","userId":"y","timestamp":"yesterday","messageId":"%s"}
                ]}""".formatted(unique(), good, unique(), unique()));
        return new MixedBatch(good, response);
    }

    @Test
    void aBatchWithRejectedMessagesIsAnsweredLikeSegment() {
        var response = batchWithRejectedMessages().response();

        // Segment's libraries take any 4xx for the failure of the whole batch: the stored message would be reported
        // lost
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var answer = response.json();
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(2);
        assertThat(answer.get("rejectedMessages")
                        .valueStream()
                        .map(m -> m.get("index").asInt()))
                .containsExactly(1, 2);
        assertThat(answer.get("rejectedMessages").findValuesAsString("field"))
                .containsExactly("batch[1].event", "batch[2].timestamp");
        assertThat(answer.get("rejectedMessages").findValuesAsString("rule")).containsExactly("required", "iso-8601");
    }

    @Test
    void aBatchWithRejectedMessagesKeepsEveryValidOne() {
        var good = batchWithRejectedMessages().good();

        assertThat(events(good)).isEqualTo(1);
    }

    static final String PHONE = "+8613912345678";
    static final String EMAIL = "ann.lee@example.com";
    static final String FOREIGN_PHONE = "+44 7700 900123";

    /**
     * Sends, as a browser does (write key in the body), a message without its event's name that carries phones and an
     * e-mail address; answers its message id.
     */
    private String rejectedMessageWithPersonalData() {
        var messageId = "rejected-" + unique();
        var response = siyu.anonymous()
                .post(
                        "/v1/batch",
                        """
                {"writeKey":"%s","batch":[{"type":"track","userId":"u-%s","messageId":"%s",
                  "properties":{"contact_phone":"%s","note":"call %s or write to %s"},
                  "context":{"externalIds":[{"id":"%s","type":"phone"}]}}]}""".formatted(
                                        TestCredentials.WRITE_KEY,
                                        messageId,
                                        messageId,
                                        FOREIGN_PHONE,
                                        PHONE,
                                        EMAIL,
                                        FOREIGN_PHONE),
                        "text/plain");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rejected").asInt()).isEqualTo(1);
        return messageId;
    }

    @Test
    void rejectedMessagesAreKeptForOperators() {
        var kept = rejected(rejectedMessageWithPersonalData());

        assertThat(kept.get("reason").asString()).isEqualTo("required");
        assertThat(kept.get("writeKeyName").asString()).isEqualTo("bootstrap");
        assertThat(kept.get("endpoint").asString()).isEqualTo("batch");
        assertThat(kept.get("index").asInt()).isZero();
        assertThat(kept.get("errors").findValuesAsString("field")).containsExactly("event");
    }

    @Test
    void rejectedMessagesAreKeptWithTheirPersonalDataMasked() {
        var body = rejected(rejectedMessageWithPersonalData()).get("body").asString();

        assertThat(body)
                .contains("a***@example.com", "+86139****5678")
                .doesNotContain(PHONE, EMAIL, FOREIGN_PHONE, "7700 900123", "900123", TestCredentials.WRITE_KEY);
    }

    @Test
    void rejectedMessagesAreCountedByReason() {
        rejectedMessageWithPersonalData();

        var metrics = siyu.admin().get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("siyu_ingest_rejected_messages_total\\{[^}]*reason=\"required\"");
    }

    @Test
    void rejectedMessagesKeepNoMoreOfAPhoneUnderAPersonalNameThanItsMaskShows() {
        var run = unique();
        var mobiles = Map.of(
                "13812345678 (home)", "138****5678 (****)",
                "13812345678 / 13987654321", "138****5678 / 139****4321",
                "138 1234 5678", "138 **** 5678");
        var batch = new StringBuilder("{\"batch\":[");
        var messageIds = new java.util.ArrayList<String>();
        for (var mobile : mobiles.keySet()) {
            var messageId = run + " " + (13_700_000_000L + messageIds.size());
            messageIds.add(messageId);
            batch.append(messageIds.size() == 1 ? "" : ",").append("""
                    {"type":"track","userId":"u","messageId":"%s","properties":{"mobile":"%s"}}""".formatted(messageId, mobile));
        }
        var answer = shop.post("/v1/batch", batch.append("]}").toString());
        assertThat(answer.json().get("rejected").asInt()).as(answer.body()).isEqualTo(mobiles.size());

        var i = 0;
        for (var mobile : mobiles.entrySet()) {
            var id = messageIds.get(i++);
            var kept = rejected(run + " " + PersonalData.maskPhone(id.substring(run.length() + 1)));
            var body = kept.get("body").asString();
            assertThat(body).doesNotContain(id);
            assertThat(JsonMapper.builder()
                            .build()
                            .readTree(body)
                            .path("properties")
                            .path("mobile")
                            .asString())
                    .isEqualTo(mobile.getValue());
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from ingest.rejected_message where message_id like ?", Long.class, run + "%"))
                .isEqualTo(mobiles.size())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from ingest.rejected_message where message_id like ?",
                        Long.class,
                        run + " 137****%"));
    }

    /** One more message than a request keeps rejected, each without a type; answers the run's id and the answer. */
    private record OverfullRun(String run, JsonNode answer) {}

    private OverfullRun moreRejectedMessagesThanARequestKeeps() {
        var run = "cap-" + unique();
        var batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i <= RejectedMessages.MAX_KEPT_PER_REQUEST; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"messageId\":\"" + run + "-" + i + "\"}");
        }
        return new OverfullRun(
                run, shop.post("/v1/batch", batch.append("]}").toString()).json());
    }

    @Test
    void oneRequestKeepsAtMostAThousandRejectedMessages() {
        var overfull = moreRejectedMessagesThanARequestKeeps();

        assertThat(overfull.answer().get("rejectedMessages")).hasSize(RejectedMessages.MAX_KEPT_PER_REQUEST);
        assertThat(overfull.answer().get("rejectedMessagesTruncated").asBoolean())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ingest.rejected_message where message_id like ?",
                        Long.class,
                        overfull.run() + "-%"))
                .isEqualTo(RejectedMessages.MAX_KEPT_PER_REQUEST);
    }

    @Test
    void oneRequestCountsAllItsRejectedMessages() {
        var overfull = moreRejectedMessagesThanARequestKeeps();

        assertThat(overfull.answer().get("rejected").asInt()).isEqualTo(RejectedMessages.MAX_KEPT_PER_REQUEST + 1);
    }

    /** An identify with an e-mail address that is none, sent alone; answers its message id and the answer. */
    private record Single(String messageId, HttpFixtures.Response response) {}

    private Single invalidSingleMessage() {
        var messageId = "rejected-single-" + unique();
        var response = shop.post("/v1/identify", """
                {"userId":"u","messageId":"%s","traits":{"email":"not an address"}}""".formatted(messageId));
        return new Single(messageId, response);
    }

    @Test
    void anInvalidSingleMessageIsRefused() {
        var response = invalidSingleMessage().response();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("traits.email");
    }

    @Test
    void anInvalidSingleMessageIsKeptWithItsEndpoint() {
        var kept = rejected(invalidSingleMessage().messageId());

        assertThat(kept.get("endpoint").asString()).isEqualTo("identify");
        assertThat(kept.has("index")).isFalse();
        assertThat(kept.get("reason").asString()).isEqualTo("email");
    }

    /** Two messages rejected one after the other; answers their ids, the first first. */
    private List<String> twoRejectedMessages() {
        var first = "page-" + unique();
        var second = "page-" + unique();
        shop.post("/v1/track", "{\"userId\":\"u\",\"messageId\":\"" + first + "\"}");
        shop.post("/v1/track", "{\"userId\":\"u\",\"messageId\":\"" + second + "\"}");
        return List.of(first, second);
    }

    @Test
    void rejectedMessagesPageNewestFirst() {
        var rejected = twoRejectedMessages();
        var first = rejected.get(0);
        var admin = siyu.admin();

        var page = admin.get("/api/v1/ingestion/rejected-messages?limit=1").json();
        assertThat(page.get("items")).hasSize(1);
        var ids = new java.util.ArrayList<String>();
        String cursor = null;
        do {
            var next = admin.get(
                            "/api/v1/ingestion/rejected-messages?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            next.get("items").forEach(item -> ids.add(item.path("messageId").asString("")));
            cursor = next(next);
        } while (cursor != null && !ids.contains(first));
        assertThat(ids).containsSubsequence(rejected.get(1), first);
    }

    @Test
    void rejectedMessagesRefuseACursorTheyDidNotHandOut() {
        assertThat(siyu.admin()
                        .get("/api/v1/ingestion/rejected-messages?cursor=not-a-cursor")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void rejectedMessagesAreKeptOnlyForTheirRetention() {
        var rejected = twoRejectedMessages();

        jdbc.update(
                "update ingest.rejected_message set rejected_at = now() - interval '8 days' where message_id = ?",
                rejected.get(0));
        rejectedMessages.purge();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ingest.rejected_message where message_id in (?, ?)",
                        Long.class,
                        rejected.get(0),
                        rejected.get(1)))
                .isEqualTo(1);
    }

    static String next(JsonNode page) {
        return page.path("next").isString() ? page.get("next").asString() : null;
    }

    JsonNode rejected(String messageId) {
        var admin = siyu.admin();
        String cursor = null;
        do {
            var page = admin.get("/api/v1/ingestion/rejected-messages?limit=500"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            for (var item : page.get("items")) {
                if (messageId.equals(item.path("messageId").asString(null))) {
                    return item;
                }
            }
            cursor = next(page);
        } while (cursor != null);
        throw new AssertionError("no rejected message " + messageId);
    }

    static final String SOME_MESSAGE = "{\"userId\":\"u\",\"event\":\"x\"}";

    @Test
    void anUnknownWriteKeyIsRefused() {
        var unknown = siyu.writeKey("sywk_nobody_knows_this_key_000000");

        assertThat(unknown.post("/v1/track", SOME_MESSAGE).status()).isEqualTo(401);
    }

    @Test
    void aMessageWithoutAWriteKeyIsRefusedAskingForOne() {
        var anonymous = siyu.anonymous().post("/v1/track", SOME_MESSAGE);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void aRevokedWriteKeyIsRefused() {
        var admin = siyu.admin();
        var issued =
                admin.post("/api/v1/write-keys", "{\"name\":\"to revoke\"}").json();
        var key = siyu.writeKey(issued.get("secret").asString());
        assertThat(key.post("/v1/track", SOME_MESSAGE).status()).isEqualTo(200);

        admin.delete("/api/v1/write-keys/" + issued.get("issued").get("id").asLong());

        assertThat(key.post("/v1/track", SOME_MESSAGE).status()).isEqualTo(401);
    }

    /** A write key issued without a scope and one issued for the shop's backend, as the answers to their issue. */
    private record IssuedKeys(JsonNode browser, JsonNode server) {

        HttpFixtures pages(SiyuUnderTest siyu) {
            return siyu.writeKey(browser.get("secret").asString());
        }

        HttpFixtures backend(SiyuUnderTest siyu) {
            return siyu.writeKey(server.get("secret").asString());
        }
    }

    private IssuedKeys browserAndServerKeys() {
        var admin = siyu.admin();
        var browser =
                admin.post("/api/v1/write-keys", "{\"name\":\"shop pages\"}").json();
        var server = admin.post("/api/v1/write-keys", "{\"name\":\"shop backend\",\"scope\":\"server\"}")
                .json();
        return new IssuedKeys(browser, server);
    }

    static String someProduct() {
        return "{\"products\":[{\"product_id\":\"scope-%s\",\"name\":\"Tea\"}]}".formatted(unique());
    }

    @Test
    void aWriteKeyIsForBrowsersUnlessIssuedForAServer() {
        var keys = browserAndServerKeys();

        assertThat(keys.browser().get("issued").get("scope").asString()).isEqualTo("browser");
        assertThat(keys.server().get("issued").get("scope").asString()).isEqualTo("server");
        assertThat(siyu.admin().get("/api/v1/write-keys").json().findParents("name").stream()
                        .filter(k -> k.get("name").asString().equals("shop pages"))
                        .map(k -> k.get("scope").asString()))
                .containsOnly("browser");
    }

    @Test
    void aBrowserWriteKeyTracks() {
        var pages = browserAndServerKeys().pages(siyu);

        assertThat(pages.post("/v1/track", "{\"userId\":\"u\",\"event\":\"Seen\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aBrowserWriteKeyCannotRewriteTheCatalogue() {
        var refused = browserAndServerKeys().pages(siyu).post("/ingest/v1/products", someProduct());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(refused.json().get("scope").asString()).isEqualTo("browser");
        assertThat(refused.json().get("detail").asString()).contains("browser", "server");
    }

    @Test
    void aServerWriteKeyFeedsTheCatalogue() {
        var backend = browserAndServerKeys().backend(siyu);

        assertThat(backend.post("/ingest/v1/products", someProduct()).status()).isEqualTo(200);
    }

    /** A catalogue feed with the write key in its body, as browser libraries send it to the tracking API. */
    static String productWithTheWriteKeyInTheBody() {
        return "{\"writeKey\":\"%s\",\"products\":[{\"product_id\":\"anonymous-%s\",\"name\":\"Tea\"}]}"
                .formatted(TestCredentials.WRITE_KEY, unique());
    }

    @Test
    void theCatalogueFeedRefusesACallerWithoutAHeaderWriteKeyBeforeReadingItsBody() {
        // a body never read: not even its broken JSON is noticed
        var cutOff = siyu.anonymous()
                .post("/ingest/v1/products", productWithTheWriteKeyInTheBody().substring(0, 40));

        assertThat(cutOff.status()).as(cutOff.body()).isEqualTo(401);
        assertThat(cutOff.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(cutOff.json().get("detail").asString()).contains("HTTP Basic");
        assertThat(cutOff.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"siyu-ingest\"");
    }

    @Test
    void theCatalogueFeedTakesNoWriteKeyFromTheBody() {
        // a write key in the body, as browser libraries send it, is taken by the tracking API only
        assertThat(siyu.anonymous()
                        .post("/ingest/v1/products", productWithTheWriteKeyInTheBody())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theCatalogueFeedRefusesAMalformedAuthorizationHeader() {
        var malformed = siyu.anonymous().header("Authorization", "Basic !!!");

        assertThat(malformed
                        .post("/ingest/v1/products", productWithTheWriteKeyInTheBody())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theTrackingApiTakesTheWriteKeyFromTheBody() {
        var tracked = siyu.anonymous()
                .post(
                        "/v1/track",
                        "{\"writeKey\":\"%s\",\"userId\":\"body-key-%s\",\"event\":\"Seen\"}"
                                .formatted(TestCredentials.WRITE_KEY, unique()));

        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    }

    @Test
    void aWriteKeyScopeMustBeBrowserOrServer() {
        var response = siyu.admin().post("/api/v1/write-keys", "{\"name\":\"odd\",\"scope\":\"admin\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("scope");
        assertThat(response.json().get("errors").findValuesAsString("rule")).containsExactly("one-of");
    }

    @Test
    void theBootstrapWriteKeyMayFeedTheCatalogue() {
        var bootstrap = siyu.admin().get("/api/v1/write-keys").json().findParents("name").stream()
                .filter(k -> k.get("name").asString().equals("bootstrap"))
                .findFirst()
                .orElseThrow();

        assertThat(bootstrap.get("scope").asString()).isEqualTo("server");
    }

    @Test
    void browsersMayRetryWithTheHeadersTheirLibrariesSend() {
        var preflight = siyu.anonymous()
                .sendBytes(
                        "OPTIONS",
                        "/v1/b",
                        null,
                        "text/plain",
                        Map.of(
                                "Origin", "https://shop.example.com",
                                "Access-Control-Request-Method", "POST",
                                "Access-Control-Request-Headers", "authorization,content-type,x-retry-count"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization", "content-type", "x-retry-count");
    }

    @Test
    void overlongUtf8IsRefusedNotDecoded() throws Exception {
        for (var overlong : Utf8Fixtures.OVERLONG_SLASHES) {
            var messageId = unique();
            var single = Utf8Fixtures.around(
                    "{\"userId\":\"u\",\"messageId\":\"" + messageId + "\",\"event\":\"..", overlong, "etc\"}");
            var batch = Utf8Fixtures.around(
                    "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"messageId\":\"" + messageId
                            + "\",\"event\":\"..",
                    overlong,
                    "etc\"}]}");
            var gzipped = new ByteArrayOutputStream();
            try (var gzip = new GZIPOutputStream(gzipped)) {
                gzip.write(batch);
            }

            for (var response : List.of(
                    shop.sendBytes("POST", "/v1/track", single, "application/json", Map.of()),
                    shop.sendBytes("POST", "/v1/batch", batch, "application/json", Map.of()),
                    shop.sendBytes(
                            "POST",
                            "/v1/batch",
                            gzipped.toByteArray(),
                            "application/json",
                            Map.of("Content-Encoding", "gzip")),
                    shop.sendBytes("POST", "/ingest/v1/products", batch, "application/json", Map.of()))) {
                assertThat(response.status()).as(response.body()).isEqualTo(400);
                assertThat(response.json().get("errors").findValuesAsString("rule"))
                        .containsExactly("utf-8");
                assertThat(response.json().get("errors").findValuesAsString("field"))
                        .containsExactly("body");
            }
            assertThat(events(messageId)).isZero();
        }
    }

    @Test
    void browserSdksMaySendTheWriteKeyInTheBody() {
        var messageId = unique();
        var response = siyu.anonymous()
                .post("/v1/t", """
                {"writeKey":"%s","anonymousId":"%s","event":"Page Scrolled","messageId":"%s"}""".formatted(TestCredentials.WRITE_KEY, unique(), messageId), "text/plain");

        assertThat(response.status()).isEqualTo(200);
        assertThat(events(messageId)).isEqualTo(1);
    }

    @Test
    void anOversizedMessageIsRefusedWith413() {
        var padding = "x".repeat(40 * 1024);

        var single = shop.post("/v1/track", """
                {"userId":"u","event":"big","properties":{"pad":"%s"}}""".formatted(padding));

        assertThat(single.status()).isEqualTo(413);
        assertThat(single.json().get("type").asString()).isEqualTo("/problems/too-large");
    }

    @Test
    void anOversizedBatchIsRefusedWith413() {
        var batch = shop.post(
                "/v1/batch",
                "{\"batch\":["
                        + ("{\"userId\":\"u\",\"event\":\"e\",\"properties\":{\"pad\":\"" + "y".repeat(30 * 1024)
                                        + "\"}},")
                                .repeat(20)
                        + "{}]}");

        assertThat(batch.status()).isEqualTo(413);
    }

    @Test
    void clockSkewOfTheSenderIsCorrectedWithSentAt() {
        var messageId = unique();
        // the device's clock is one hour fast: it stamped the event and the batch an hour ahead
        var deviceNow = Instant.now().plusSeconds(3600);
        shop.post("/v1/batch", """
                {"sentAt":"%s","batch":[{"type":"track","anonymousId":"%s","event":"Opened App",
                 "timestamp":"%s","messageId":"%s"}]}""".formatted(deviceNow, unique(), deviceNow.minusSeconds(600), messageId));
        siyu.applyQueued();

        var occurredAt = jdbc.queryForObject(
                "select occurred_at from customers.event where message_id = ?",
                java.time.OffsetDateTime.class,
                messageId);
        assertThat(occurredAt.toInstant())
                .isBetween(Instant.now().minusSeconds(660), Instant.now().minusSeconds(540));
    }

    @Test
    void aCorrectClockKeepsItsTimestampsAndTheirOrderAcrossRequests() {
        var user = unique();
        var first = unique();
        var second = unique();
        var now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        // the first event's request was slow (sent 2 s before it arrived), the second's quick: with a correct clock
        // the transit time is no skew, and moving each event by its request's transit time reversed them
        var slow = now.minusSeconds(2);
        var firstAt = now.minusSeconds(3);
        var secondAt = now.minusMillis(2500);
        shop.post("/v1/batch", """
                {"sentAt":"%s","batch":[{"type":"track","userId":"%s","event":"First","timestamp":"%s",
                 "messageId":"%s"}]}""".formatted(slow, user, firstAt, first));
        shop.post("/v1/batch", """
                {"sentAt":"%s","batch":[{"type":"track","userId":"%s","event":"Second","timestamp":"%s",
                 "messageId":"%s"}]}""".formatted(Instant.now(), user, secondAt, second));
        siyu.applyQueued();

        assertThat(occurredAt(first)).isEqualTo(firstAt);
        assertThat(occurredAt(second)).isEqualTo(secondAt);
    }

    Instant occurredAt(String messageId) {
        return jdbc.queryForObject(
                        "select occurred_at from customers.event where message_id = ?",
                        java.time.OffsetDateTime.class,
                        messageId)
                .toInstant();
    }

    @Test
    void messagesAreAppliedInTheOrderTheyWereAcknowledged() {
        var run = unique().substring(0, 8);
        var batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 1500; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"type":"track","anonymousId":"%s-%d","event":"Ordered","messageId":"order-%s-%04d"}""".formatted(run, i % 37, run, i));
        }
        assertThat(shop.post("/v1/batch", batch.append("]}").toString()).status())
                .isEqualTo(200);
        siyu.applyQueued();

        // event ids are handed out in the order the pipeline applies messages
        var applied = jdbc.queryForList(
                "select message_id from customers.event where message_id like ? order by id",
                String.class,
                "order-" + run + "-%");
        assertThat(applied).hasSize(1500).isSorted();
    }

    @Test
    void gzippedBodiesAreAccepted() throws Exception {
        var messageId = unique();
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write("""
                    {"batch":[{"type":"page","anonymousId":"%s","name":"Home","messageId":"%s"}]}""".formatted(unique(), messageId).getBytes());
        }
        var response = shop.sendBytes(
                "POST", "/v1/batch", bytes.toByteArray(), "application/json", Map.of("Content-Encoding", "gzip"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(events(messageId)).isEqualTo(1);
    }

    static final Instant EARLY = Instant.parse("2025-03-01T08:00:00Z");
    static final Instant LATE = Instant.parse("2025-03-05T08:00:00Z");

    /** Sends a customer's later messages first and the earlier ones after them; answers the customer's id. */
    private long laterMessagesSentFirst() {
        var user = unique();
        shop.post("/v1/track", """
                {"userId":"%s","event":"Later","timestamp":"%s"}""".formatted(user, LATE));
        shop.post("/v1/identify", """
                {"userId":"%s","traits":{"city":"Hangzhou"},"timestamp":"%s"}""".formatted(user, LATE));
        shop.post("/v1/identify", """
                {"userId":"%s","traits":{"city":"Shanghai"},"timestamp":"%s"}""".formatted(user, EARLY));
        shop.post("/v1/track", """
                {"userId":"%s","event":"Earlier","timestamp":"%s"}""".formatted(user, EARLY));
        siyu.applyQueued();
        return siyu.customerId("user_id:" + user);
    }

    @Test
    void aLateTraitDoesNotOverwriteALaterOne() {
        var profile = siyu.admin()
                .get("/api/v1/customers/" + laterMessagesSentFirst())
                .json();

        assertThat(profile.get("traits").findValuesAsString("value")).contains("Hangzhou");
    }

    @Test
    void aLateEventMovesFirstSeenBack() {
        var profile = siyu.admin()
                .get("/api/v1/customers/" + laterMessagesSentFirst())
                .json();

        assertThat(profile.get("facts").get("firstSeenAt").asString()).isEqualTo(EARLY.toString());
    }

    @Test
    void lateEventsTakeTheirPlaceOnTheTimelineByTheirOwnTime() {
        var timeline = siyu.admin()
                .get("/api/v1/customers/" + laterMessagesSentFirst() + "/events")
                .json();

        assertThat(timeline.get("items").findValuesAsString("name")).containsSubsequence("Later", "Earlier");
        assertThat(timeline.get("total").asLong()).isEqualTo(4);
    }
}
