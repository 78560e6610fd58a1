package io.siyu.ingest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throws malformed, hostile and merely odd input at ingestion and holds it to three properties: the answer is never a
 * server error, a refusal is a problem document, and whatever was accepted is stored whole (the pipeline applies it
 * without a single dead letter, and it reads back as JSON).
 *
 * <p>The inputs come from a seeded generator, so a failure names the seed and case that reproduces it.
 */
@SiyuIntegrationTest
class IngestionFuzzTests {

    static final long SEED = Long.getLong("siyu.fuzz.seed", 20261122L);
    static final int CASES = Integer.getInteger("siyu.fuzz.cases", 1500);

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    /** One generated request; {@code refused} when it must be refused whatever else is in it. */
    record Case(String description, byte[] body, String path, boolean refused) {

        Case(String description, byte[] body, String path) {
            this(description, body, path, false);
        }
    }

    @Test
    void hostileInputIsRefusedCleanlyAndNothingBrokenIsStored() {
        var shop = siyu.shop();
        var random = new SplittableRandom(SEED);
        var deadBefore = jdbc.queryForObject("select count(*) from ingest.dead_letter", Long.class);
        var accepted = 0;
        for (int n = 0; n < CASES; n++) {
            var fuzz = generate(random, n);
            var response = shop.sendBytes("POST", fuzz.path(), fuzz.body(), "application/json", Map.of());
            var context = "seed " + SEED + " case " + n + " (" + fuzz.description() + "): " + response;
            assertThat(response.status()).as(context).isLessThan(500);
            if (fuzz.refused()) {
                assertThat(response.status()).as(context).isEqualTo(400);
            }
            if (response.status() >= 400) {
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .as(context)
                        .startsWith("application/problem+json");
                assertThat(response.json().has("detail")).as(context).isTrue();
            } else {
                accepted++;
            }
        }
        siyu.applyQueued();

        assertThat(jdbc.queryForObject("select count(*) from ingest.dead_letter", Long.class))
                .as("messages that were accepted but could not be applied")
                .isEqualTo(deadBefore);
        assertThat(jdbc.queryForObject(
                        "select count(*) from customers.event where message_id like 'fuzz-%' and properties is null",
                        Long.class))
                .isZero();
        assertThat(accepted).as("the generator also makes valid messages").isGreaterThan(CASES / 10);
    }

    static Case generate(SplittableRandom random, int n) {
        var strategies = List.<Function<SplittableRandom, Case>>of(
                IngestionFuzzTests::validWithOddValues,
                IngestionFuzzTests::wrongTypes,
                IngestionFuzzTests::deepNesting,
                IngestionFuzzTests::hugeNumbers,
                IngestionFuzzTests::badUnicode,
                IngestionFuzzTests::invalidUtf8,
                IngestionFuzzTests::truncated,
                IngestionFuzzTests::randomBytes,
                IngestionFuzzTests::structuralOddities);
        var fuzz = strategies.get(random.nextInt(strategies.size())).apply(random);
        return fuzz;
    }

    static String id(SplittableRandom random) {
        return "fuzz-" + Long.toHexString(random.nextLong());
    }

    static Case validWithOddValues(SplittableRandom random) {
        var values = List.of(
                "\"\"",
                "\"😀 emoji ✨\"",
                "\"中文字符\"",
                "0",
                "-0.0",
                "1e-7",
                "123456789012345678901234567890",
                "true",
                "null",
                "[]",
                "{}",
                "[1,[2,[3]]]",
                "\"\\u00e9\\t\\n\"",
                "\"" + "x".repeat(2000) + "\"");
        var value = values.get(random.nextInt(values.size()));
        var type = List.of("track", "identify", "page", "screen", "group").get(random.nextInt(5));
        var body = """
                {"type":"%s","userId":"fuzz-user-%d","event":"Fuzzed","name":"n","groupId":"g","messageId":"%s",
                 "properties":{"odd":%s},"traits":{"odd":%s},"context":{"odd":%s}}""".formatted(type, random.nextInt(50), id(random), value, value, value);
        return new Case(
                "valid with odd value " + value.substring(0, Math.min(20, value.length())), bytes(body), "/v1/" + type);
    }

    static Case wrongTypes(SplittableRandom random) {
        var fields = List.of(
                "userId",
                "anonymousId",
                "event",
                "messageId",
                "timestamp",
                "properties",
                "traits",
                "context",
                "type",
                "sentAt",
                "previousId",
                "groupId",
                "integrations");
        var wrong = List.of("{}", "[]", "42.5", "true", "\"not a date\"", "[\"a\"]", "-1", "\"\"");
        var field = fields.get(random.nextInt(fields.size()));
        var value = wrong.get(random.nextInt(wrong.size()));
        var body = """
                {"userId":"u","event":"e","messageId":"%s","%s":%s}""".formatted(id(random), field, value);
        return new Case(field + "=" + value, bytes(body), "/v1/track");
    }

    static Case deepNesting(SplittableRandom random) {
        var depth = 10 + random.nextInt(2000);
        var nested = "[".repeat(depth) + "]".repeat(depth);
        var body = """
                {"userId":"u","event":"e","messageId":"%s","properties":{"deep":%s}}""".formatted(id(random), nested);
        return new Case("depth " + depth, bytes(body), "/v1/track");
    }

    static Case hugeNumbers(SplittableRandom random) {
        var numbers = List.of(
                "1e999999",
                "-1e400",
                "1" + "0".repeat(400),
                "0." + "0".repeat(500) + "1",
                "1e-400",
                "123456789e123456789",
                "9223372036854775808",
                "-9223372036854775809",
                "1.7976931348623157E309");
        var number = numbers.get(random.nextInt(numbers.size()));
        var where = random.nextBoolean() ? "properties" : "traits";
        var body = """
                {"type":"identify","userId":"u","event":"e","messageId":"%s","%s":{"n":%s,"total":%s}}""".formatted(id(random), where, number, number);
        return new Case(
                "number " + number.substring(0, Math.min(20, number.length())),
                bytes(body),
                random.nextBoolean() ? "/v1/identify" : "/v1/batch");
    }

    static Case badUnicode(SplittableRandom random) {
        var strings = List.of("\\u0000", "\\ud800", "\\udc00", "a\\ud83d", "\\ud83dx", "nul\\u0000inside");
        var text = strings.get(random.nextInt(strings.size()));
        var inKey = random.nextBoolean();
        var body = inKey
                ? "{\"userId\":\"u\",\"event\":\"e\",\"messageId\":\"" + id(random) + "\",\"properties\":{\"" + text
                        + "\":1}}"
                : "{\"userId\":\"u" + text + "\",\"event\":\"e" + text + "\",\"messageId\":\"" + id(random) + "\"}";
        return new Case("unicode " + text + (inKey ? " in a key" : ""), bytes(body), "/v1/track");
    }

    /** Byte sequences that are not well-formed UTF-8: broken, overlong (C0 AF, E0 80 AF, F0 80 80 AF are "/"), surrogates. */
    static final List<byte[]> MALFORMED_UTF8 = List.of(
            new byte[] {(byte) 0xC3, (byte) 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xC1, (byte) 0xBF},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    static Case invalidUtf8(SplittableRandom random) {
        var bad = MALFORMED_UTF8.get(random.nextInt(MALFORMED_UTF8.size()));
        var inBatch = random.nextBoolean();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(bytes(
                inBatch
                        ? "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\""
                        : "{\"userId\":\"u\",\"event\":\""));
        out.writeBytes(bad);
        out.writeBytes(bytes("\",\"messageId\":\"" + id(random) + "\"}" + (inBatch ? "]}" : "")));
        return new Case(
                "invalid UTF-8 " + java.util.HexFormat.ofDelimiter(" ").formatHex(bad),
                out.toByteArray(),
                inBatch ? "/v1/batch" : "/v1/track",
                true);
    }

    static Case truncated(SplittableRandom random) {
        var whole = bytes("""
                {"batch":[{"type":"track","userId":"u","event":"e","messageId":"%s","properties":{"a":[1,2,{"b":"c"}]}}]}""".formatted(id(random)));
        var length = random.nextInt(whole.length);
        var cut = new byte[length];
        System.arraycopy(whole, 0, cut, 0, length);
        return new Case("truncated at " + length, cut, "/v1/batch");
    }

    static Case randomBytes(SplittableRandom random) {
        var body = new byte[random.nextInt(1, 300)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) random.nextInt(256);
        }
        return new Case("random bytes", body, random.nextBoolean() ? "/v1/batch" : "/v1/track");
    }

    static Case structuralOddities(SplittableRandom random) {
        var bodies = new ArrayList<>(
                List.of(
                        "[]",
                        "\"a string\"",
                        "null",
                        "{\"batch\":{}}",
                        "{\"batch\":[1,2,3]}",
                        "{\"batch\":[null]}",
                        "{\"batch\":[]}",
                        "{\"userId\":\"u\",\"event\":\"e\"} trailing",
                        "{\"userId\":\"u\",\"userId\":\"v\",\"event\":\"e\"}",
                        "{\"userId\":\"u\",\"event\":\"e\",}",
                        "{'userId':'u'}",
                        "{\"type\":\"alias\",\"userId\":\"u\"}",
                        "{\"type\":\"nonsense\",\"userId\":\"u\"}",
                        "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":{},\"total\":\"abc\"}}",
                        "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"o\",\"products\":[1,{\"price\":-3},{\"quantity\":1.5}]}}",
                        "{\"batch\":[{\"type\":\"identify\",\"userId\":\"u\",\"traits\":{\"email\":\"@@\",\"phone\":\"12\"}}]}",
                        "{\"batch\":[{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"e\",\"timestamp\":\"2999-01-01T00:00:00Z\"}]}",
                        "{\"batch\":[{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"e\",\"timestamp\":\"1900-01-01T00:00:00Z\"}]}"));
        var body = bodies.get(random.nextInt(bodies.size()));
        var path =
                List.of("/v1/batch", "/v1/track", "/v1/identify", "/v1/alias").get(random.nextInt(4));
        return new Case(body, bytes(body), path);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
