package io.siyu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for WeChat's server API on a free local port, for the whole test suite. It hands out access tokens
 * ({@code POST /cgi-bin/stable_token}) to the two apps it knows for their right secret only (40013, 40125 otherwise),
 * the same token again in the normal mode and a new one, invalidating the old, in the forced mode; it refuses a token
 * it did not give or gave another app (40001) and one it was told has expired (42001). It takes mini-program subscribe
 * messages ({@code /cgi-bin/message/subscribe/send}) for openids it knows (40003), of its templates (40037), pages of
 * the mini-program (41030), with every key of the template and each value within its kind's length, a known
 * {@code miniprogram_state} and {@code lang} (47003), while the customer has a subscription left (43101); and
 * official-account template messages ({@code /cgi-bin/message/template/send}) to followers (43004), once per
 * {@code client_msg_id}. It can be told to answer a number of calls for an openid with an error code (45009, -1, ...)
 * or HTTP 500. Tests tell their messages apart by openid, since the server is shared.
 */
public final class TestWechatServer {

    public static final String MINI_PROGRAM_APP_ID = "wx0000000000mini01";
    public static final String MINI_PROGRAM_SECRET = "test-mini-program-secret-0123456789";
    public static final String OFFICIAL_ACCOUNT_APP_ID = "wx00000000000oa001";
    public static final String OFFICIAL_ACCOUNT_SECRET = "test-official-account-secret-012345";
    public static final String LINKED_MINI_PROGRAM = MINI_PROGRAM_APP_ID;
    /** The Token and EncodingAESKey of each app's message push (消息推送), as WeChat's back office shows them. */
    public static final String OFFICIAL_ACCOUNT_PUSH_TOKEN = "oaPushToken20261207";

    public static final String OFFICIAL_ACCOUNT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String MINI_PROGRAM_PUSH_TOKEN = "mpPushToken20261207";
    public static final String MINI_PROGRAM_AES_KEY = "GFEDCBA9876543210zyxwvutsrqponmlkjihgfedcba";

    /** The mini-program's subscribe templates and their keys. */
    public static final Map<String, Set<String>> SUBSCRIBE_TEMPLATES = Map.of(
            "SUBorderShipped-0001-abcdefghij", Set.of("thing1", "character_string2", "time3"),
            "SUBpriceDrop-0002-abcdefghijkl", Set.of("thing1", "amount2"));
    /** The official account's templates and their keys. */
    public static final Map<String, Set<String>> ACCOUNT_TEMPLATES =
            Map.of("OAorderNotice-0001-abcdefghij", Set.of("thing1", "character_string2"));
    /** The mini-program's pages. */
    public static final Set<String> PAGES = Set.of("pages/index/index", "pages/order/detail");

    private static final Map<String, Integer> KIND_LIMITS = Map.ofEntries(
            Map.entry("thing", 20),
            Map.entry("number", 32),
            Map.entry("letter", 32),
            Map.entry("symbol", 5),
            Map.entry("character_string", 32),
            Map.entry("time", 32),
            Map.entry("date", 32),
            Map.entry("amount", 16),
            Map.entry("phone_number", 17),
            Map.entry("car_number", 8),
            Map.entry("name", 10),
            Map.entry("phrase", 5));

    /** A message the stand-in accepted. */
    public record Accepted(String api, String openid, String templateId, JsonNode body, long msgid) {}

    private static TestWechatServer instance;

    private final HttpServer server;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    /** The valid token of each app, and tokens that expired. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> tokenFetches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> forcedFetches = new ConcurrentHashMap<>();
    private final Set<String> miniProgramUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> accountUsers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Long> clientMessages = new ConcurrentHashMap<>();
    private final Map<String, int[]> failures = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(3_000_000);

    private TestWechatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static synchronized TestWechatServer get() {
        if (instance == null) {
            try {
                instance = new TestWechatServer();
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

    /** A fresh openid no other test uses, known to the app of the given id. */
    public String user(String appId) {
        var openid =
                "o" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        if (appId.equals(MINI_PROGRAM_APP_ID)) {
            miniProgramUsers.add(openid);
        } else {
            accountUsers.put(openid, true);
        }
        return openid;
    }

    /** Grants {@code count} subscriptions of a subscribe template to a mini-program user, as if they accepted. */
    public void subscribe(String openid, String templateId, int count) {
        subscriptions
                .computeIfAbsent(openid + " " + templateId, k -> new AtomicInteger())
                .addAndGet(count);
    }

    /** The subscriptions a mini-program user has left for a template. */
    public int subscriptions(String openid, String templateId) {
        var left = subscriptions.get(openid + " " + templateId);
        return left == null ? 0 : left.get();
    }

    /** Makes an official-account user stop following the account. */
    public void unfollow(String openid) {
        accountUsers.put(openid, false);
    }

    /** Answers the next {@code times} messages to an openid with an error code, or HTTP 500 for {@code 500}. */
    public void failNext(String openid, int errcode, int times) {
        failures.put(openid, new int[] {errcode, times});
    }

    /** Lets every token handed out so far expire (answered 42001 from now on). */
    public void expireTokens() {
        expired.addAll(tokens.values());
        tokens.clear();
    }

    /** How many tokens an app fetched, and how many of those in the forced mode. */
    public int tokenFetches(String appId) {
        return tokenFetches.getOrDefault(appId, new AtomicInteger()).get();
    }

    public int forcedFetches(String appId) {
        return forcedFetches.getOrDefault(appId, new AtomicInteger()).get();
    }

    /** The messages accepted so far for an openid. */
    public List<Accepted> to(String openid) {
        return accepted.stream().filter(a -> a.openid().equals(openid)).toList();
    }

    /** Waits until {@code count} messages for an openid were accepted and returns them. */
    public List<Accepted> await(String openid, int count) {
        return TestMailServer.await(() -> to(openid), count, "WeChat messages for " + openid);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var answer = answer(exchange);
            var bytes = answer == null
                    ? "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)
                    : HttpFixtures.JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders()
                    .set("Content-Type", answer == null ? "text/html" : "application/json; encoding=utf-8");
            exchange.sendResponseHeaders(answer == null ? 500 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("errcode", errcode);
        answer.put("errmsg", errmsg + " rid: stand-in");
        return answer;
    }

    /** The answer to a request, or null for an HTTP 500 page. */
    private Map<String, Object> answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(43002, "require POST method");
        }
        JsonNode body;
        try {
            body = HttpFixtures.JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (RuntimeException e) {
            return error(47001, "data format error");
        }
        if (body == null || !body.isObject()) {
            return error(47001, "data format error");
        }
        var path = exchange.getRequestURI().getPath();
        if (path.equals("/cgi-bin/stable_token")) {
            return token(body);
        }
        var query = exchange.getRequestURI().getRawQuery();
        var token = query == null || !query.startsWith("access_token=")
                ? ""
                : URLDecoder.decode(query.substring("access_token=".length()), StandardCharsets.UTF_8);
        if (token.isEmpty()) {
            return error(41001, "access_token missing");
        }
        if (expired.contains(token)) {
            return error(42001, "access_token expired");
        }
        return switch (path) {
            case "/cgi-bin/message/subscribe/send" ->
                token.equals(tokens.get(MINI_PROGRAM_APP_ID))
                        ? subscribeSend(body)
                        : error(40001, "invalid credential, access_token is invalid or not latest");
            case "/cgi-bin/message/template/send" ->
                token.equals(tokens.get(OFFICIAL_ACCOUNT_APP_ID))
                        ? templateSend(body)
                        : error(40001, "invalid credential, access_token is invalid or not latest");
            default -> error(48001, "api unauthorized");
        };
    }

    private Map<String, Object> token(JsonNode body) {
        if (!"client_credential".equals(body.path("grant_type").asString(""))) {
            return error(40002, "invalid grant_type");
        }
        var appId = body.path("appid").asString("");
        var secret = body.path("secret").asString("");
        var expected = appId.equals(MINI_PROGRAM_APP_ID)
                ? MINI_PROGRAM_SECRET
                : appId.equals(OFFICIAL_ACCOUNT_APP_ID) ? OFFICIAL_ACCOUNT_SECRET : null;
        if (expected == null) {
            return error(40013, "invalid appid");
        }
        if (!expected.equals(secret)) {
            return error(40125, "invalid appsecret");
        }
        tokenFetches.computeIfAbsent(appId, k -> new AtomicInteger()).incrementAndGet();
        var force = body.path("force_refresh").asBoolean(false);
        String token;
        synchronized (tokens) {
            if (force) {
                forcedFetches.computeIfAbsent(appId, k -> new AtomicInteger()).incrementAndGet();
                tokens.remove(appId);
            }
            token = tokens.computeIfAbsent(appId, k -> "TOKEN-" + k + "-" + ids.incrementAndGet());
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("access_token", token);
        answer.put("expires_in", 7200);
        return answer;
    }

    /** An error the stand-in was told to answer for this openid, or null. */
    private Map<String, Object> told(String openid) {
        var told = new int[1];
        failures.computeIfPresent(openid, (k, failure) -> {
            told[0] = failure[0];
            return failure[1] > 1 ? new int[] {failure[0], failure[1] - 1} : null;
        });
        if (told[0] == 0) {
            return Map.of();
        }
        return told[0] == 500 ? null : error(told[0], told[0] == -1 ? "system error" : "told to fail");
    }

    private Map<String, Object> subscribeSend(JsonNode body) {
        var openid = body.path("touser").asString("");
        var failure = told(openid);
        if (failure == null || !failure.isEmpty()) {
            return failure;
        }
        if (!miniProgramUsers.contains(openid)) {
            return error(40003, "invalid openid");
        }
        var templateId = body.path("template_id").asString("");
        var keys = SUBSCRIBE_TEMPLATES.get(templateId);
        if (keys == null) {
            return error(40037, "invalid template_id");
        }
        var page = body.path("page").asString("");
        if (!page.isEmpty() && !PAGES.contains(page.split("\\?", 2)[0])) {
            return error(41030, "invalid page");
        }
        if (!Set.of("formal", "trial", "developer")
                        .contains(body.path("miniprogram_state").asString("formal"))
                || !Set.of("zh_CN", "en_US", "zh_HK", "zh_TW")
                        .contains(body.path("lang").asString("zh_CN"))) {
            return error(47003, "argument invalid! miniprogram_state or lang");
        }
        var invalid = invalidData(body.path("data"), keys, true);
        if (invalid != null) {
            return error(47003, "argument invalid! " + invalid);
        }
        var left = subscriptions.get(openid + " " + templateId);
        if (left == null || left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return error(43101, "user refuse to accept the msg");
        }
        return accepted("subscribe", openid, templateId, body);
    }

    private Map<String, Object> templateSend(JsonNode body) {
        var openid = body.path("touser").asString("");
        var failure = told(openid);
        if (failure == null || !failure.isEmpty()) {
            return failure;
        }
        var follows = accountUsers.get(openid);
        if (follows == null) {
            return error(40003, "invalid openid");
        }
        if (!follows) {
            return error(43004, "require subscribe");
        }
        var templateId = body.path("template_id").asString("");
        var keys = ACCOUNT_TEMPLATES.get(templateId);
        if (keys == null) {
            return error(40037, "invalid template_id");
        }
        if (body.has("miniprogram")) {
            var miniProgram = body.get("miniprogram");
            if (!LINKED_MINI_PROGRAM.equals(miniProgram.path("appid").asString(""))) {
                return error(40165, "invalid weapp appid");
            }
            if (!PAGES.contains(miniProgram.path("pagepath").asString("").split("\\?", 2)[0])) {
                return error(40165, "invalid weapp pagepath");
            }
        }
        var invalid = invalidData(body.path("data"), keys, false);
        if (invalid != null) {
            return error(47003, "argument invalid! " + invalid);
        }
        var clientMsgId = body.path("client_msg_id").asString("");
        if (!clientMsgId.isEmpty()) {
            synchronized (clientMessages) {
                var earlier = clientMessages.get(openid + " " + clientMsgId);
                if (earlier != null) {
                    var answer = new LinkedHashMap<String, Object>(error(0, "ok"));
                    answer.put("msgid", earlier);
                    return answer;
                }
                var answer = accepted("template", openid, templateId, body);
                clientMessages.put(openid + " " + clientMsgId, (Long) answer.get("msgid"));
                return answer;
            }
        }
        return accepted("template", openid, templateId, body);
    }

    /** What is wrong with a message's data, or null: a key missing, a value that is no {value}, or too long. */
    private static String invalidData(JsonNode data, Set<String> keys, boolean byKind) {
        if (!data.isObject()) {
            return "data";
        }
        for (var key : keys) {
            var value = data.path(key).path("value");
            if (!value.isString()) {
                return "data." + key + ".value is missing";
            }
            var text = value.asString();
            var kind = key.replaceAll("[0-9]+$", "");
            var limit = byKind ? KIND_LIMITS.get(kind) : Integer.valueOf(200);
            if (limit == null || text.codePointCount(0, text.length()) > limit) {
                return "data." + key + ".value exceed limit";
            }
        }
        return null;
    }

    private Map<String, Object> accepted(String api, String openid, String templateId, JsonNode body) {
        var msgid = ids.incrementAndGet();
        accepted.add(new Accepted(api, openid, templateId, body, msgid));
        var answer = new LinkedHashMap<String, Object>(error(0, "ok"));
        answer.put("msgid", msgid);
        return answer;
    }
}
