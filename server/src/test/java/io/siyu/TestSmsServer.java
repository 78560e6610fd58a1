package io.siyu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for Alibaba Cloud SMS ({@code Dysmsapi} 2017-05-25) on a free local port, for the whole test suite: it
 * checks every request's V3 signature ({@code ACS3-HMAC-SHA256}) with its own implementation of the documented steps,
 * refuses what the provider refuses (a wrong signature, a date more than 15 minutes off, a nonce used before, an unknown
 * template or signature, a missing parameter, an illegal number, a number at its limit) with the provider's codes, and
 * accepts the rest with a {@code BizId} (and {@code QuerySmsSignList} with the one signature it knows), keeping what it accepted for tests to read. Tests tell their messages apart by
 * number, since the server is shared.
 */
public final class TestSmsServer {

    public static final String ACCESS_KEY_ID = "LTAI-test-access-key";
    public static final String ACCESS_KEY_SECRET = "test-access-key-secret";
    public static final String CALLBACK_TOKEN = "test-sms-callback-token-0123456789";
    public static final String SIGN_NAME = "思语商城";
    /** Approved templates and the parameters each needs. */
    public static final Map<String, Set<String>> TEMPLATES =
            Map.of("SMS_100000001", Set.of("name"), "SMS_100000002", Set.of("name", "code"));

    /** A message the stand-in accepted. */
    public record Accepted(
            String action, String phone, String signName, String templateCode, JsonNode parameters, String bizId) {}

    private static TestSmsServer instance;

    private final HttpServer server;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> throttled = new ConcurrentHashMap<>();
    private final AtomicLong bizIds = new AtomicLong(900_000);
    private final AtomicLong requests = new AtomicLong();

    private TestSmsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized TestSmsServer get() {
        if (instance == null) {
            try {
                instance = new TestSmsServer();
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

    /** Answers the next {@code times} sends to a number (as the provider writes it) with its limit per number. */
    public void throttle(String number, int times) {
        throttled.put(number, times);
    }

    /** The messages accepted so far for one number (as the provider writes it: mainland numbers without +86). */
    public List<Accepted> to(String number) {
        return accepted.stream().filter(a -> a.phone().equals(number)).toList();
    }

    /** Waits until {@code count} messages for one number were accepted and returns them. */
    public List<Accepted> await(String number, int count) {
        return TestMailServer.await(() -> to(number), count, "SMS for " + number);
    }

    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var answer = answer(exchange, body);
            var bytes = HttpFixtures.JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private record Answer(int status, Map<String, Object> body) {}

    private static Answer error(int status, String code, String message) {
        return new Answer(status, Map.of("Code", code, "Message", message, "RequestId", "stand-in"));
    }

    private Answer answer(HttpExchange exchange, byte[] body) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(400, "UnsupportedHTTPMethod", "POST only");
        }
        var headers = exchange.getRequestHeaders();
        var authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("ACS3-HMAC-SHA256 ")) {
            return error(400, "IncompleteSignature", "no ACS3-HMAC-SHA256 Authorization header");
        }
        var parts = new TreeMap<String, String>();
        for (var part : authorization.substring("ACS3-HMAC-SHA256 ".length()).split(",")) {
            var equals = part.indexOf('=');
            parts.put(
                    part.substring(0, equals).strip(),
                    part.substring(equals + 1).strip());
        }
        if (!ACCESS_KEY_ID.equals(parts.get("Credential"))) {
            return error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        var signedHeaders = List.of(parts.getOrDefault("SignedHeaders", "").split(";"));
        for (var needed : List.of(
                "host",
                "x-acs-action",
                "x-acs-version",
                "x-acs-date",
                "x-acs-signature-nonce",
                "x-acs-content-sha256")) {
            if (!signedHeaders.contains(needed) || headers.getFirst(needed) == null) {
                return error(400, "IncompleteSignature", "the header " + needed + " is not signed");
            }
        }
        if (!hex(sha256(body)).equals(headers.getFirst("x-acs-content-sha256"))) {
            return error(400, "SignatureDoesNotMatch", "x-acs-content-sha256 is not the body's hash");
        }
        var query = query(exchange.getRequestURI().getRawQuery());
        var canonical = new StringBuilder();
        canonical.append("POST\n").append(exchange.getRequestURI().getRawPath()).append('\n');
        canonical
                .append(query.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .sorted()
                        .collect(Collectors.joining("&")))
                .append('\n');
        for (var name : signedHeaders.stream().sorted().toList()) {
            canonical
                    .append(name)
                    .append(':')
                    .append(headers.getFirst(name).strip())
                    .append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        canonical.append(headers.getFirst("x-acs-content-sha256"));
        var stringToSign =
                "ACS3-HMAC-SHA256\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        if (!hex(hmac(ACCESS_KEY_SECRET, stringToSign)).equals(parts.get("Signature"))) {
            return error(
                    400,
                    "SignatureDoesNotMatch",
                    "Specified signature does not match our calculation. server string to sign is:" + stringToSign);
        }
        Instant date;
        try {
            date = Instant.parse(headers.getFirst("x-acs-date"));
        } catch (RuntimeException e) {
            return error(400, "InvalidTimeStamp.Format", "x-acs-date is not yyyy-MM-ddTHH:mm:ssZ");
        }
        if (Duration.between(date, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return error(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
        if (!nonces.add(headers.getFirst("x-acs-signature-nonce"))) {
            return error(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        if (!"2017-05-25".equals(headers.getFirst("x-acs-version"))) {
            return error(400, "InvalidVersion", "Specified parameter Version is not valid.");
        }
        return switch (headers.getFirst("x-acs-action")) {
            case "SendSms" -> {
                var numbers = List.of(query.getOrDefault("PhoneNumbers", "").split(","));
                var sign = query.getOrDefault("SignName", "");
                var parameters = HttpFixtures.JSON.readTree(query.getOrDefault("TemplateParam", "{}"));
                yield send(
                        "SendSms",
                        numbers,
                        numbers.stream().map(n -> sign).toList(),
                        query.get("TemplateCode"),
                        numbers.stream().map(n -> parameters).toList());
            }
            case "SendBatchSms" -> {
                var numbers = new ArrayList<String>();
                HttpFixtures.JSON
                        .readTree(query.getOrDefault("PhoneNumberJson", "[]"))
                        .forEach(n -> numbers.add(n.asString()));
                var signs = new ArrayList<String>();
                HttpFixtures.JSON
                        .readTree(query.getOrDefault("SignNameJson", "[]"))
                        .forEach(n -> signs.add(n.asString()));
                var parameters = new ArrayList<JsonNode>();
                HttpFixtures.JSON
                        .readTree(query.getOrDefault("TemplateParamJson", "[]"))
                        .forEach(parameters::add);
                if (numbers.size() != signs.size() || numbers.size() != parameters.size() || numbers.size() > 100) {
                    yield error(200, "isv.INVALID_PARAMETERS", "numbers, signatures and parameters do not match");
                }
                yield send("SendBatchSms", numbers, signs, query.get("TemplateCode"), parameters);
            }
            case "QuerySmsSignList" ->
                new Answer(
                        200,
                        Map.of(
                                "Code",
                                "OK",
                                "Message",
                                "OK",
                                "RequestId",
                                "stand-in",
                                "SmsSignList",
                                List.of(Map.of("SignName", SIGN_NAME, "AuditStatus", "AUDIT_STATE_PASS"))));
            default -> error(404, "InvalidAction.NotFound", "Specified api is not found.");
        };
    }

    private Answer send(
            String action, List<String> numbers, List<String> signs, String templateCode, List<JsonNode> parameters) {
        var needed = TEMPLATES.get(templateCode);
        if (needed == null) {
            return error(200, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (!SIGN_NAME.equals(signs.get(i))) {
                return error(200, "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
            }
            for (var name : needed) {
                if (!parameters.get(i).has(name)) {
                    return error(200, "isv.TEMPLATE_MISSING_PARAMETERS", "模板变量缺少对应参数值");
                }
            }
            for (var value : parameters.get(i)) {
                if (value.asString().codePointCount(0, value.asString().length()) > 35) {
                    return error(200, "isv.PARAM_LENGTH_LIMIT", "参数超出长度限制");
                }
            }
            if (!numbers.get(i).matches("1[3-9][0-9]{9}|[2-9][0-9]{7,14}")) {
                return error(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
            }
        }
        for (var number : numbers) {
            var limited = new boolean[1];
            throttled.computeIfPresent(number, (n, left) -> {
                limited[0] = true;
                return left > 1 ? left - 1 : null;
            });
            if (limited[0]) {
                return error(200, "isv.BUSINESS_LIMIT_CONTROL", "触发号码天级流控");
            }
        }
        var bizId = bizIds.incrementAndGet() + "^0";
        for (int i = 0; i < numbers.size(); i++) {
            accepted.add(new Accepted(action, numbers.get(i), signs.get(i), templateCode, parameters.get(i), bizId));
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("Code", "OK");
        answer.put("Message", "OK");
        answer.put("BizId", bizId);
        answer.put("RequestId", "stand-in-" + bizId);
        return new Answer(200, answer);
    }

    private static Map<String, String> query(String raw) {
        var query = new TreeMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (var pair : raw.split("&")) {
            var equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            var value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    /** Percent-encoding as the documentation states it, from the JDK's form encoding. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(String key, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
