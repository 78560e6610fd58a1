package io.siyu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for JPush (极光推送) Push API v3 on a free local port, for the whole test suite. It checks HTTP Basic
 * authentication (base64 of app key and master secret; 1004 otherwise), gives cids from its pool ({@code GET
 * /v3/push/cid}, at most 10 at a time as for a free app) and refuses a push with a cid it never gave (1003), checks the
 * push's shape (platform, an audience of 1 to 1,000 registration ids, a notification with an alert, options in bounds;
 * 1002 or 1003), refuses a platform's notification over 4,000 bytes (1005) and a push to no registration id it knows
 * (1011). A push with a cid seen before is answered with the first push's {@code msg_id} and pushes nothing. Tests can
 * make it answer a registration id with its rate limit (HTTP 429, 2002, {@code X-Rate-Limit-*}) or a 5xx, or take a push
 * and hold its answer until released (a push that times out after JPush took it). Tests tell their pushes apart by
 * registration id, since the server is shared.
 *
 * <p>It also answers JPush's Report API ({@code GET /v3/received/detail?msg_ids=…}, under {@link #reportEndpoint}):
 * Basic authentication as above (401, code 3001 otherwise), 1 to 100 numeric msg_ids (400: 3002 for none or one that
 * is not a number, 1003 for more than 100), and per msg_id asked, in order, the counts JPush gives: a push a test marked
 * {@link #received} (pushed here or not) has its platform's received count at 1; one it took but no device received yet has its vendors'
 * {@code *_sent} counts at 1 and the received ones at 0; a msg_id it never gave has every count null. Tests can make the
 * next report calls answer with the rate limit or a 5xx, and read the msg_ids of every report call.
 */
public final class TestJpushServer {

    public static final String APP_KEY = "0a1b2c3d4e5f60718293a4b5";
    public static final String MASTER_SECRET = "f0e1d2c3b4a5968778695a4b";
    public static final int MAX_PLATFORM_BYTES = 4_000;

    /** A push the stand-in took: the registration id it went to, the whole request and the msg_id it answered. */
    public record Pushed(String registrationId, JsonNode request, String msgId) {

        public JsonNode android() {
            return request.path("notification").path("android");
        }

        public JsonNode ios() {
            return request.path("notification").path("ios");
        }
    }

    private static TestJpushServer instance;

    private final HttpServer server;
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> answered = new ConcurrentHashMap<>();
    private final List<Pushed> pushed = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final AtomicLong msgIds = new AtomicLong(18_100_000_000L);
    private final Map<String, String> receivedOn = new ConcurrentHashMap<>();
    private final List<List<String>> reportCalls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> reportTrouble = new ConcurrentHashMap<>();

    private TestJpushServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            var thread = new Thread(r, "test-jpush");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized TestJpushServer get() {
        if (instance == null) {
            try {
                instance = new TestJpushServer();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0)));
        }
        return instance;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The address of the Report API, with its version, as {@code https://report.jpush.cn/v3}. */
    public String reportEndpoint() {
        return endpoint() + "/v3";
    }

    /** A device received the push with this msg_id, on {@code android} (JPush's connection) or {@code ios} (APNs). */
    public void received(String msgId, String platform) {
        if (!platform.equals("android") && !platform.equals("ios")) {
            throw new IllegalArgumentException("android or ios, not " + platform);
        }
        receivedOn.put(msgId, platform);
    }

    /** The msg_ids of every report call answered so far (refused ones included), in order. */
    public List<List<String>> reportCalls() {
        return List.copyOf(reportCalls);
    }

    /** Answers the next {@code times} report calls with JPush's rate limit (HTTP 429, code 2002, reset in 30 s). */
    public void rateLimitReports(int times) {
        reportTrouble.put("429", times);
    }

    /** Answers the next {@code times} report calls with HTTP 503. */
    public void failReports(int times) {
        reportTrouble.put("503", times);
    }

    /** A registration id of a device that installed the app, which JPush knows from now on. */
    public String device() {
        var id = freshRegistrationId();
        devices.add(id);
        return id;
    }

    /** A registration id no device has. */
    public static String freshRegistrationId() {
        return "1a0" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Answers the next {@code times} pushes to a registration id with JPush's rate limit. */
    public void rateLimit(String registrationId, int times) {
        rateLimited.put(registrationId, times);
    }

    /** Answers the next {@code times} pushes to a registration id with HTTP 503 (code 1030). */
    public void fail(String registrationId, int times) {
        failing.put(registrationId, times);
    }

    /**
     * Takes the next push to a registration id but holds its answer until {@link #release} (or a minute), so the caller
     * times out not knowing it was pushed.
     */
    public void hold(String registrationId) {
        held.put(registrationId, new CountDownLatch(1));
    }

    public void release(String registrationId) {
        var latch = held.remove(registrationId);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** The pushes taken so far for one registration id. */
    public List<Pushed> to(String registrationId) {
        return pushed.stream()
                .filter(p -> p.registrationId().equals(registrationId))
                .toList();
    }

    /** Waits until {@code count} pushes to one registration id were taken and answers them. */
    public List<Pushed> await(String registrationId, int count) {
        return TestMailServer.await(() -> to(registrationId), count, "pushes to " + registrationId);
    }

    private record Answer(int status, Object body, Map<String, String> headers) {}

    private static Answer error(int status, int code, String message) {
        return new Answer(status, Map.of("error", Map.of("code", code, "message", message)), Map.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var answer = answer(exchange, body);
            var bytes = HttpFixtures.JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("X-Rate-Limit-Limit", "600");
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Answer answer(HttpExchange exchange, byte[] body) {
        var path = exchange.getRequestURI().getPath();
        if (path.equals("/v3/received/detail")) {
            return report(exchange);
        }
        if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, 1004, "Authen failed");
        }
        if (path.equals("/v3/push/cid")) {
            if (!exchange.getRequestMethod().equals("GET")) {
                return error(405, 1001, "Only support GET method");
            }
            return cids(exchange.getRequestURI().getQuery());
        }
        if (!path.equals("/v3/push")) {
            return error(404, 1003, "no such API: " + path);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(405, 1001, "Only support HTTP Post method");
        }
        JsonNode push;
        try {
            push = HttpFixtures.JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return error(400, 1003, "Invalid json");
        }
        return push(push);
    }

    private Answer report(HttpExchange exchange) {
        var query = exchange.getRequestURI().getQuery();
        var ids = new java.util.ArrayList<String>();
        if (query != null) {
            for (var parameter : query.split("&")) {
                if (parameter.startsWith("msg_ids=") && parameter.length() > "msg_ids=".length()) {
                    ids.addAll(List.of(parameter.substring("msg_ids=".length()).split(",")));
                }
            }
        }
        reportCalls.add(List.copyOf(ids));
        if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, 3001, "Basic authentication failed");
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            return error(405, 1001, "Only support GET method");
        }
        if (ids.isEmpty() || ids.stream().anyMatch(id -> !id.matches("[0-9]{1,20}"))) {
            return error(400, 3002, "msg_ids is invalid");
        }
        if (ids.size() > 100) {
            return error(400, 1003, "msg_ids has more than 100 values");
        }
        if (countDown(reportTrouble, "429")) {
            return new Answer(
                    429,
                    Map.of("error", Map.of("code", 2002, "message", "Request times is out of the rate limit")),
                    Map.of("X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", "30"));
        }
        if (countDown(reportTrouble, "503")) {
            return error(503, 10, "internal service error");
        }
        var taken = new java.util.HashSet<String>();
        pushed.forEach(p -> taken.add(p.msgId()));
        var answers = new java.util.ArrayList<Map<String, Object>>();
        for (var id : ids) {
            var counts = new LinkedHashMap<String, Object>();
            counts.put("msg_id", id);
            var platform = receivedOn.get(id);
            for (var name : List.of(
                    "jpush_received",
                    "android_pns_sent",
                    "android_pns_received",
                    "ios_apns_sent",
                    "ios_apns_received",
                    "ios_msg_received",
                    "quickapp_jpush_received",
                    "quickapp_pns_sent",
                    "hmos_hmpns_received",
                    "hmos_hmpns_sent",
                    "hmos_msg_received")) {
                Object count = null;
                if (taken.contains(id) || platform != null) {
                    count = name.endsWith("_sent")
                                    || ("android".equals(platform) && name.equals("jpush_received"))
                                    || ("ios".equals(platform) && name.equals("ios_apns_received"))
                            ? 1
                            : 0;
                }
                counts.put(name, count);
            }
            answers.add(counts);
        }
        return new Answer(200, answers, Map.of("X-Rate-Limit-Remaining", "599", "X-Rate-Limit-Reset", "60"));
    }

    private boolean authenticated(String authorization) {
        var expected = "Basic "
                + Base64.getEncoder().encodeToString((APP_KEY + ":" + MASTER_SECRET).getBytes(StandardCharsets.UTF_8));
        return expected.equals(authorization);
    }

    private Answer cids(String query) {
        var count = 1;
        if (query != null) {
            for (var parameter : query.split("&")) {
                if (parameter.startsWith("count=")) {
                    try {
                        count = Integer.parseInt(parameter.substring("count=".length()));
                    } catch (NumberFormatException e) {
                        return error(400, 1003, "count must be a number");
                    }
                }
            }
        }
        if (count < 1) {
            return error(400, 1003, "count must be at least 1");
        }
        var list = new java.util.ArrayList<String>();
        for (int i = 0; i < Math.min(count, 10); i++) {
            var cid = APP_KEY + "-" + UUID.randomUUID();
            issued.add(cid);
            list.add(cid);
        }
        return new Answer(200, Map.of("cidlist", list), Map.of());
    }

    private Answer push(JsonNode push) {
        var cid = push.path("cid").asString(null);
        if (cid != null && !issued.contains(cid)) {
            return error(400, 1003, "cid is invalid: take it from GET /v3/push/cid");
        }
        if (cid != null && answered.containsKey(cid)) {
            return new Answer(200, answered.get(cid), Map.of());
        }
        var platform = push.path("platform");
        if (platform.isMissingNode()
                || !(platform.isArray() || platform.asString("").equals("all"))) {
            return error(400, 1002, "Missing parameter: platform");
        }
        var ids = push.path("audience").path("registration_id");
        if (!ids.isArray() || ids.isEmpty()) {
            return error(400, 1002, "Missing parameter: audience");
        }
        if (ids.size() > 1_000) {
            return error(400, 1003, "registration_id has more than 1000 values");
        }
        var notification = push.path("notification");
        if (!notification.isObject()) {
            return error(400, 1002, "Missing parameter: notification or message");
        }
        for (var name : List.of("android", "ios")) {
            var part = notification.path(name);
            if (part.isMissingNode()) {
                continue;
            }
            var alert = part.path("alert");
            if (!(alert.isString()
                    || (name.equals("ios")
                            && alert.isObject()
                            && alert.path("body").isString()))) {
                return error(
                        400,
                        1003,
                        name + ".alert must be " + (name.equals("ios") ? "a string or {title, body}" : "a string"));
            }
            if (part.has("extras") && !part.path("extras").isObject()) {
                return error(400, 1003, name + ".extras must be an object");
            }
            var bytes = ("\"" + name + "\":" + HttpFixtures.JSON.writeValueAsString(part))
                    .getBytes(StandardCharsets.UTF_8)
                    .length;
            if (bytes > MAX_PLATFORM_BYTES) {
                return error(400, 1005, "Msg content too long: the " + name + " notification has " + bytes + " bytes");
            }
        }
        var options = push.path("options");
        var ttl = options.path("time_to_live");
        if (!ttl.isMissingNode() && (!ttl.isIntegralNumber() || ttl.asLong() < 0 || ttl.asLong() > 864_000)) {
            return error(400, 1003, "time_to_live must be 0 to 864000 seconds");
        }
        if (options.has("apns_production") && !options.path("apns_production").isBoolean()) {
            return error(400, 1003, "apns_production must be a boolean");
        }
        var known = new java.util.ArrayList<String>();
        for (var id : ids) {
            if (devices.contains(id.asString())) {
                known.add(id.asString());
            }
        }
        if (known.isEmpty()) {
            return error(400, 1011, "cannot find user by this audience");
        }
        for (var id : known) {
            if (countDown(rateLimited, id)) {
                return new Answer(
                        429,
                        Map.of("error", Map.of("code", 2002, "message", "Request times is out of the rate limit")),
                        Map.of("X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", "30"));
            }
            if (countDown(failing, id)) {
                return error(503, 1030, "internal service timeout");
            }
        }
        var msgId = String.valueOf(msgIds.incrementAndGet());
        var result = new LinkedHashMap<String, Object>();
        result.put("sendno", options.path("sendno").asString("0"));
        result.put("msg_id", msgId);
        for (var id : known) {
            pushed.add(new Pushed(id, push, msgId));
        }
        if (cid != null) {
            answered.put(cid, Map.copyOf(result));
        }
        for (var id : known) {
            var latch = held.get(id);
            if (latch != null) {
                try {
                    latch.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return new Answer(200, result, Map.of("X-Rate-Limit-Remaining", "599", "X-Rate-Limit-Reset", "60"));
    }

    private static boolean countDown(Map<String, Integer> counts, String id) {
        var left = counts.computeIfPresent(id, (k, n) -> n - 1);
        if (left == null) {
            return false;
        }
        if (left <= 0) {
            counts.remove(id);
        }
        return left >= 0;
    }
}
