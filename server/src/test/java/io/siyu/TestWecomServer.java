package io.siyu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for WeCom's server API (企业微信) on a free local port, for the whole test suite: {@code gettoken} checks
 * the company id and secret and gives tokens that expire (and that a test can expire at once, answered 42001); the
 * customer-contact calls refuse a missing or unknown token (41001, 40014), an unknown staff member (60111), a text over
 * 4000 bytes (40058) and list in {@code fail_list} the customers who are not contacts of the sender; tasks wait for
 * their staff member until a test confirms them ({@link #confirm}), or WeCom decides otherwise ({@link #outcome}).
 * Reminders and cancels are kept. Tests tell their tasks apart by the customer's external_userid.
 */
public final class TestWecomServer {

    public static final String CORP_ID = "ww-test-corp-0001";
    public static final String SECRET = "test-wecom-contact-secret";
    /** Staff members WeCom knows. */
    public static final Set<String> STAFF = Set.of("zhangsan", "lisi");
    /** The staff member who sends when a customer has no owner. */
    public static final String DEFAULT_SENDER = "zhangsan";

    /** A task: its id, staff member, customers, text; per customer its status; reminders; whether cancelled. */
    public record Task(
            String msgid,
            String sender,
            List<String> externalUserids,
            String text,
            Map<String, Integer> status,
            AtomicLong reminders,
            AtomicLong cancels) {}

    private static TestWecomServer instance;

    private final HttpServer server;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> contacts = new ConcurrentHashMap<>();
    private final List<Task> tasks = new CopyOnWriteArrayList<>();
    private final AtomicLong tokensGiven = new AtomicLong();

    private TestWecomServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized TestWecomServer get() {
        if (instance == null) {
            try {
                instance = new TestWecomServer();
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

    /** A fresh external_userid no other test uses. */
    public static String freshContact() {
        return "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Makes the customer a contact (好友) of the staff member. */
    public void befriend(String staff, String externalUserid) {
        contacts.computeIfAbsent(staff, s -> ConcurrentHashMap.newKeySet()).add(externalUserid);
    }

    /** Expires every token given so far: the next call with one is answered 42001. */
    public void expireTokens() {
        tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    public long tokensGiven() {
        return tokensGiven.get();
    }

    /** The tasks created for a customer so far. */
    public List<Task> tasksFor(String externalUserid) {
        return tasks.stream()
                .filter(task -> task.externalUserids().contains(externalUserid))
                .toList();
    }

    /** Waits until {@code count} tasks for a customer exist and returns them. */
    public List<Task> await(String externalUserid, int count) {
        return TestMailServer.await(() -> tasksFor(externalUserid), count, "WeCom tasks for " + externalUserid);
    }

    /** The staff member confirms the task: it is sent to the customers who are their contacts. */
    public void confirm(String msgid) {
        outcome(msgid, 1);
    }

    /** Sets the status every customer of a task has: 1 sent, 2 not a friend, 3 already received the limit. */
    public void outcome(String msgid, int status) {
        for (var task : tasks) {
            if (task.msgid().equals(msgid)) {
                task.status().replaceAll((customer, before) -> status);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            Map<String, Object> answer;
            try {
                answer = answer(exchange, body);
            } catch (RuntimeException e) {
                answer = error(47001, "data format error: " + e.getMessage());
            }
            var bytes = HttpFixtures.JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("errcode", code, "errmsg", message);
    }

    private static Map<String, Object> ok(Map<String, Object> values) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        answer.putAll(values);
        return answer;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        var query = new LinkedHashMap<String, String>();
        var raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private Map<String, Object> answer(HttpExchange exchange, byte[] raw) {
        var path = exchange.getRequestURI().getPath();
        var query = query(exchange);
        if (path.equals("/cgi-bin/gettoken")) {
            if (!exchange.getRequestMethod().equals("GET")) {
                return error(43001, "require GET method");
            }
            if (!CORP_ID.equals(query.get("corpid"))) {
                return error(40013, "invalid corpid");
            }
            if (!SECRET.equals(query.get("corpsecret"))) {
                return error(40001, "invalid secret");
            }
            var token = "tok-" + UUID.randomUUID();
            tokens.put(token, Instant.now().plus(Duration.ofSeconds(7200)));
            tokensGiven.incrementAndGet();
            return ok(Map.of("access_token", token, "expires_in", 7200));
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(43002, "require POST method");
        }
        var token = query.get("access_token");
        if (token == null || token.isBlank()) {
            return error(41001, "access_token missing");
        }
        var expiry = tokens.get(token);
        if (expiry == null) {
            return error(40014, "invalid access_token");
        }
        if (!Instant.now().isBefore(expiry)) {
            return error(42001, "access_token expired");
        }
        var body = HttpFixtures.JSON.readTree(raw);
        return switch (path) {
            case "/cgi-bin/externalcontact/add_msg_template" -> add(body);
            case "/cgi-bin/externalcontact/get_groupmsg_send_result" -> result(body);
            case "/cgi-bin/externalcontact/remind_groupmsg_send" ->
                task(body)
                        .map(task -> {
                            task.reminders().incrementAndGet();
                            return ok(Map.of());
                        })
                        .orElse(error(41063, "invalid msgid"));
            case "/cgi-bin/externalcontact/cancel_groupmsg_send" ->
                task(body)
                        .map(task -> {
                            task.cancels().incrementAndGet();
                            return ok(Map.of());
                        })
                        .orElse(error(41063, "invalid msgid"));
            default -> error(404, "unknown api " + path);
        };
    }

    private java.util.Optional<Task> task(JsonNode body) {
        var msgid = body.path("msgid").asString("");
        return tasks.stream().filter(t -> t.msgid().equals(msgid)).findFirst();
    }

    private Map<String, Object> add(JsonNode body) {
        if (!body.path("chat_type").asString("single").equals("single")) {
            return error(40058, "chat_type must be single here");
        }
        var sender = body.path("sender").asString("");
        if (!STAFF.contains(sender)) {
            return error(60111, "invalid userid: " + sender);
        }
        var content = body.path("text").path("content").asString("");
        if (content.isEmpty() || content.getBytes(StandardCharsets.UTF_8).length > 4000) {
            return error(40058, "text.content must be 1 to 4000 bytes");
        }
        var fail = new ArrayList<String>();
        var to = new ArrayList<String>();
        for (var id : body.path("external_userid")) {
            var customer = id.asString("");
            (contacts.getOrDefault(sender, Set.of()).contains(customer) ? to : fail).add(customer);
        }
        if (to.isEmpty() && fail.isEmpty()) {
            return error(41048, "external_userid missing");
        }
        var msgid = "msg" + UUID.randomUUID().toString().replace("-", "");
        var status = new ConcurrentHashMap<String, Integer>();
        to.forEach(customer -> status.put(customer, 0));
        tasks.add(new Task(msgid, sender, List.copyOf(to), content, status, new AtomicLong(), new AtomicLong()));
        return ok(Map.of("fail_list", fail, "msgid", msgid));
    }

    private Map<String, Object> result(JsonNode body) {
        var found = task(body);
        if (found.isEmpty()) {
            return error(41063, "invalid msgid");
        }
        var task = found.get();
        if (!task.sender().equals(body.path("userid").asString(""))) {
            return ok(Map.of("send_list", List.of(), "next_cursor", ""));
        }
        var list = new ArrayList<Map<String, Object>>();
        task.status().forEach((customer, status) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("external_userid", customer);
            entry.put("userid", task.sender());
            entry.put("status", status);
            if (status == 1) {
                entry.put("send_time", Instant.now().getEpochSecond());
            }
            list.add(entry);
        });
        return ok(Map.of("send_list", list, "next_cursor", ""));
    }
}
