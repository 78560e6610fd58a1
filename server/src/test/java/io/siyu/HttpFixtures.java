package io.siyu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that talks to the running application as outside callers do. */
public final class HttpFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean sendCsrfToken = true;
    private java.util.function.Supplier<String> bearer;

    private HttpFixtures(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                // generous: a loaded 2-core machine may take seconds to accept a burst of connections
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** No credentials at all. */
    public static HttpFixtures anonymous(int port) {
        return new HttpFixtures(port);
    }

    /** Ingestion with a write key as HTTP Basic user name. */
    public static HttpFixtures writeKey(int port, String key) {
        var http = new HttpFixtures(port);
        http.headers.put(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
        return http;
    }

    /** The operator API with a bearer token. */
    public static HttpFixtures token(int port, String token) {
        var http = new HttpFixtures(port);
        http.headers.put("Authorization", "Bearer " + token);
        return http;
    }

    /**
     * The consumer API as the shop's customer calls it: each request with the token {@code tokens} gives then (a fresh
     * one per request, as every change needs its own).
     */
    public static HttpFixtures consumer(int port, java.util.function.Supplier<String> tokens) {
        var http = new HttpFixtures(port);
        http.bearer = tokens;
        return http;
    }

    /** A console session: signed in with user name and password, sending the CSRF token on every change. */
    public static HttpFixtures session(int port, String username, String password) {
        var http = new HttpFixtures(port);
        http.get("/api/v1/session");
        var response =
                http.post("/api/v1/session", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + response);
        }
        return http;
    }

    /** From now on sends this header with every request (as a proxy in front of Siyu would, for example). */
    public HttpFixtures header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** From now on sends no {@code Authorization} header, only the cookies it was given so far. */
    public HttpFixtures withoutAuthorization() {
        headers.remove("Authorization");
        return this;
    }

    /** Waits until the audience index has been built (segments, tags and models need it), asking as this caller. */
    public void awaitAudienceIndex() {
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!get("/api/v1/audience/status").json().path("ready").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the audience index was not built within 120 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The value of a cookie the server set, if it did. */
    public java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** From now on sends the session cookie without the CSRF header, as a forged cross-site request would. */
    public HttpFixtures withoutCsrfToken() {
        sendCsrfToken = false;
        return this;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Response post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    public Response post(String path, String body, String contentType) {
        return send("POST", path, body, contentType);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body, "application/json");
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        return sendBytes(
                method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
    }

    public Response sendBytes(String method, String path, byte[] body, String contentType, Map<String, String> extra) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer.get());
        }
        extra.forEach(builder::header);
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        if (sendCsrfToken) {
            csrf().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        }
        builder.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<String> csrf() {
        return cookie("XSRF-TOKEN");
    }
}
