package io.siyu.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bounds of the operator API and the catalogue feed: bodies by size (413), texts and query parameters by length (400 naming the field),
 * and the answers of errors no handler answered, all problem documents without stack traces.
 */
@SiyuIntegrationTest
class RequestLimitsTests {

    @LocalServerPort
    int port;

    @Test
    void aBodyBeyondTheLimitIsRefusedBeforeItIsRead() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var response = admin.post("/api/v1/tag-categories", "{\"name\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"/problems/too-large\"", "\"limitBytes\":1048576");
    }

    @Test
    void aBodyWithoutDeclaredLengthStopsAtTheLimit() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var chunked = java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                new java.io.ByteArrayInputStream(("{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes()));
        var response = sendChunked("/api/v1/write-keys", "Bearer " + TestCredentials.API_TOKEN, chunked);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("/problems/too-large");
        assertThat(admin.get("/api/v1/write-keys").body()).doesNotContain("aaaaaaaaaa");
    }

    /** A sound feed of one product, padded with blanks to 17 MB: valid JSON, but beyond the feed's limit. */
    private static byte[] paddedCatalogueFeed(String productId) {
        return ("{\"products\":[{\"product_id\":\"" + productId + "\",\"name\":\"Tea\"}]" + " ".repeat(17 * 1024 * 1024)
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCatalogueFeedsBodyIsBounded() {
        var shopBackend = HttpFixtures.writeKey(port, TestCredentials.WRITE_KEY);
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var declared = "limits-declared-" + UUID.randomUUID();
        var response = shopBackend.sendBytes(
                "POST", "/ingest/v1/products", paddedCatalogueFeed(declared), "application/json", Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"/problems/too-large\"", "\"limitBytes\":16777216");

        var streamed = "limits-streamed-" + UUID.randomUUID();
        var chunked = sendChunked(
                "/ingest/v1/products",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((TestCredentials.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)),
                HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(paddedCatalogueFeed(streamed))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("/problems/too-large");
        assertThat(admin.get("/api/v1/products/" + declared).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/products/" + streamed).status()).isEqualTo(404);
    }

    @Test
    void aTextBeyondTheBackstopIsRefusedNamingTheField() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var response = admin.post("/api/v1/segments", """
                {"name": "Long", "description": "%s", "definition": {"version": 1}}""".formatted("a".repeat(10_001)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
        assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("max-length");
        assertThat(response.body()).hasSizeLessThan(1_000);
    }

    @Test
    void aNamedFieldKeepsItsOwnRule() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var response = admin.post("/api/v1/segments", """
                {"name": "Long description", "description": "%s",
                 "definition": {"version": 1, "condition": {"type": "fact", "fact": "order_count", "operator": "at_least", "value": 1}}}""".formatted("a".repeat(2_001)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("description: must have at most 2000 characters");
    }

    @Test
    void aQueryParameterBeyondTheBackstopOrWithNulIsRefusedNamingIt() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var long_ = admin.get("/api/v1/customers?q=" + "a".repeat(2_001));
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        var nul = admin.get("/api/v1/audit-log?actor=a%00b");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("rule").asString()).isEqualTo("text");
    }

    @Test
    void aRequestLineBeyondTheServersLimitIsAnsweredWithAProblem() {
        var response =
                HttpFixtures.token(port, TestCredentials.API_TOKEN).get("/api/v1/customers?q=" + "a".repeat(100_000));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"/problems/bad-request\"")
                .doesNotContain("<html");
    }

    @Test
    void theErrorPageAnswersAProblemWithoutStackTrace() {
        var response = HttpFixtures.anonymous(port).get("/error");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("/problems/not-found").doesNotContain("trace", "Exception");
        for (var method : List.of("POST", "PUT", "DELETE")) {
            var other = HttpFixtures.anonymous(port).send(method, "/error", "{\"status\":500", "application/json");
            assertThat(other.status()).as(method + " /error: " + other).isBetween(400, 499);
            assertThat(other.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(other.body()).doesNotContain("trace", "Exception");
        }
    }

    @Test
    void anEndpointTakingFilesAcceptsMoreThanTheDefaultLimit() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var file = new StringBuilder("user_id,note\n");
        for (int i = 0; file.length() < 1_200_000; i++) {
            file.append("limits-import-")
                    .append(i)
                    .append(",")
                    .append("x".repeat(100))
                    .append('\n');
        }
        var response = admin.post("/api/v1/imports/customers", file.toString(), "text/csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("rejected").asLong()).isZero();
    }

    @Test
    void aCsvFileWithAQuoteNeverClosedIsRefusedTellingWhatWasImported() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var response = admin.post(
                "/api/v1/imports/customers", "user_id,name\nquote-1,Ann\n\"quote-2,Bob\nquote-3,Eve\n", "text/csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        var error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("rule").asString()).isEqualTo("csv");
        assertThat(error.get("detail").asString()).startsWith("line 3: ").contains("1 were imported");
    }

    private HttpResponse<String> sendChunked(String path, String authorization, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
