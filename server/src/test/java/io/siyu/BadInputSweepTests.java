package io.siyu;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.ingest.Ingestion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives every operation of the operator API, of the shop backend's feed ({@code /ingest/...}) and of the consumer API
 * ({@code /consumer/...}) that the OpenAPI description names with bad values in each path parameter, query parameter
 * and JSON body field, and requires each to be refused with a 4xx problem document: never a 5xx, never a stack trace.
 * The admin token, a server write key for the feed and a customer's fresh token for the consumer API make sure that
 * authorisation is not what refuses.
 *
 * <p>The values are generated from the description: its parameter types and formats, the properties of its body
 * schemas and their examples (a segment definition's example is mutated leaf by leaf). Each bad value must be judged by
 * the rules of its own field, not refused for something else: every path names a real record the sweep creates first
 * (a segment, a tag, an operator, a customer and its order, ...), and a probe of a real record answered 404 fails the
 * sweep, as does a path parameter the sweep has no record for; the valid body each bad one is made from refers to real
 * records too and must itself break no rule (answered other than 400).
 */
@SiyuIntegrationTest
class BadInputSweepTests {

    /** The shop backend's endpoints (the catalogue feed), swept with a server write key. */
    static final String INGEST = "/ingest/";

    /** The consumer API, swept as a customer with a fresh token of a registered key on every request. */
    static final String CONSUMER = "/consumer/";

    /** Signing in, swept as the console does it: without a token, with the CSRF token of a fresh visit. */
    static final String SIGN_IN = "/api/v1/session";

    static final String OVERLONG = "a".repeat(100_000);
    static final String LONG = "a".repeat(5_000);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception|\\.java:\\d+");

    /** Numbers no field can hold, as raw JSON: huge, beyond double range, or not numbers at all. */
    static final List<String> BAD_NUMBERS =
            List.of("1e308", "-1e308", "1e131072", "-1e131072", "NaN", "Infinity", "\"abc\"", "{}", "[]");

    /** The same in parameters, plus numbers beyond long range and fractions. */
    static final List<String> BAD_NUMBER_PARAMETERS =
            List.of("abc", "1e308", "-1e308", "1e131072", "NaN", "Infinity", "-Infinity", "99999999999999999999999");

    static final List<String> BAD_CURSORS = List.of(
            "abc",
            "!!!",
            "\u0000",
            encode("1\u001f2\u001f3"),
            encode("\u0000"),
            encode("+1000000000-01-01T00:00:00Z\u001fx"),
            Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}),
            LONG);

    /**
     * Cursors of one text key: broken where the key is a number, a valid position where it is a text (the products
     * are paged by id), so they may be answered either way but never with a 5xx.
     */
    static final List<String> FOREIGN_CURSORS = List.of(encode("x"), encode("abc"), encode("99999999999999999999"));

    @LocalServerPort
    int port;

    @Autowired
    Ingestion ingestion;

    /**
     * One request of the sweep: what it sends and why it is bad, whether it may be valid after all, and whether every
     * record its path names exists (then a 404 would mean that the bad value was never looked at).
     */
    record Probe(
            String method,
            String path,
            String body,
            String contentType,
            String what,
            boolean mayBeValid,
            boolean targetsExist) {

        Probe(String method, String path, String body, String contentType, String what) {
            this(method, path, body, contentType, what, false, true);
        }
    }

    @Test
    void everyOperatorEndpointRefusesBadInputWithAProblem() {
        var http = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        http.awaitAudienceIndex();
        // the valid bodies change the RFM, respect and e-mail provider settings every test shares: they are put back
        // afterwards
        var respect = (ObjectNode) http.get("/api/v1/respect-settings").json();
        respect.remove(List.of("updatedAt", "updatedBy"));
        var rfm = http.get("/api/v1/rfm").json();
        var rfmSettings = rfm.get("referenceIsToday").asBoolean()
                ? "{\"windowDays\":%d}".formatted(rfm.get("windowDays").asInt())
                : "{\"windowDays\":%d,\"referenceDate\":\"%s\"}"
                        .formatted(
                                rfm.get("windowDays").asInt(),
                                rfm.get("referenceDate").asString());
        try {
            sweep(http);
        } finally {
            assertThat(http.put("/api/v1/rfm/settings", rfmSettings).status()).isEqualTo(200);
            assertThat(http.put("/api/v1/respect-settings", respect.toString()).status())
                    .isEqualTo(200);
            // the valid body of the e-mail provider's settings points at no real server: the environment's again
            assertThat(http.delete("/api/v1/messaging/providers/email").status())
                    .isEqualTo(200);
        }
    }

    void sweep(HttpFixtures http) {
        var description = http.get("/v3/api-docs").json();
        var targets = Targets.create(http, HttpFixtures.writeKey(port, TestCredentials.WRITE_KEY), ingestion);
        var shopBackend = HttpFixtures.writeKey(port, targets.serverWriteKey());
        var customer = HttpFixtures.consumer(port, () -> targets.consumerKey().token("sweep-customer"));
        assertThat(customer.get("/consumer/v1/me").status())
                .as("the customer's token opens the consumer API, so that no probe there is refused for it")
                .isEqualTo(200);
        var console = HttpFixtures.anonymous(port);
        console.get("/api/v1/session");
        var probes = new ArrayList<Map.Entry<HttpFixtures, Probe>>();
        var failures = new ArrayList<String>();
        var operations = 0;
        for (var path : description.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")
                    && !path.getKey().startsWith(INGEST)
                    && !path.getKey().startsWith(CONSUMER)) {
                continue;
            }
            // the feed takes a server write key; signing in, no token; the consumer API, a customer's token
            var client = path.getKey().startsWith(INGEST)
                    ? shopBackend
                    : path.getKey().startsWith(CONSUMER)
                            ? customer
                            : path.getKey().equals(SIGN_IN) ? console : http;
            for (var entry : path.getValue().properties()) {
                operations++;
                var operation = new Operation(
                        description, targets, entry.getKey().toUpperCase(), path.getKey(), entry.getValue());
                var body = operation.body();
                if (body.schema() != null) {
                    var valid =
                            client.send(operation.method(), operation.path(Map.of()), body.text(), body.contentType());
                    if (valid.status() == 400 || valid.status() == 404 || valid.status() >= 500) {
                        failures.add(operation.method() + " " + operation.path(Map.of()) + " refused its valid body "
                                + abbreviate(body.text()) + ": " + valid.status() + " " + abbreviate(valid.body()));
                    }
                }
                operation.probes().forEach(probe -> probes.add(Map.entry(client, probe)));
            }
        }
        for (var sent : probes) {
            var probe = sent.getValue();
            var response = sent.getKey().send(probe.method(), probe.path(), probe.body(), probe.contentType());
            var problem =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (probe.mayBeValid() && response.status() < 400) {
                continue;
            }
            if (response.status() < 400
                    || response.status() >= 500
                    || (response.status() == 404 && probe.targetsExist())
                    || !problem
                    || !response.body().contains("\"status\":" + response.status())
                    || STACK_TRACE.matcher(response.body()).find()) {
                failures.add(probe.method() + " " + abbreviate(probe.path()) + " with " + probe.what() + " answered "
                        + response.status() + " " + abbreviate(response.body()));
            }
        }
        assertThat(operations)
                .as("operations of the operator API and the catalogue feed")
                .isGreaterThan(60);
        assertThat(probes.size()).as("bad requests sent").isGreaterThan(1_000);
        assertThat(failures)
                .as("valid bodies refused, or bad input answered other than by a 4xx problem")
                .isEmpty();
    }

    /**
     * The real records the sweep's paths and bodies name, created through the API (a customer, its order and product
     * through the tracking API), by the path parameter that names each ({@code segments/{id}}); and the valid values of
     * the body properties whose generated example would break a rule, by name wherever they stand: the ids of those
     * records ({@code categoryId}) and values from a closed set or of a format ({@code role}, {@code currency}).
     */
    record Targets(
            Map<String, String> paths,
            Map<String, JsonNode> values,
            String serverWriteKey,
            ConsumerTokenFixtures.ShopKey consumerKey) {

        static Targets create(HttpFixtures admin, HttpFixtures shop, Ingestion ingestion) {
            var run = UUID.randomUUID().toString().substring(0, 8);
            var user = "sweep-" + run;
            var orderId = "sweep-order-" + run;
            var productId = "sweep-product-" + run;
            var sent = shop.post("/v1/batch", """
                    {"batch":[{"type":"track","userId":"%s","event":"Order Completed","timestamp":"2026-05-01T08:30:00Z",
                      "properties":{"order_id":"%s","total":20,"currency":"CNY",
                        "products":[{"product_id":"%s","name":"Sweep","category":"Sweep","price":10,"quantity":2}]}}]}""".formatted(user, orderId, productId));
            assertThat(sent.json().path("accepted").asInt()).as(sent.body()).isEqualTo(1);
            ingestion.applyQueued();
            var customerId = created(admin.get("/api/v1/customers?identity=user_id:" + user), "items")
                    .get(0)
                    .get("id")
                    .asString();
            var definition = "{\"version\":1,\"condition\":{\"type\":\"fact\",\"fact\":\"order_count\","
                    + "\"operator\":\"at_least\",\"value\":1}}";
            admin.awaitAudienceIndex();
            var segmentId = id(admin.post(
                    "/api/v1/segments", "{\"name\":\"sweep " + run + "\",\"definition\":" + definition + "}"));
            var otherSegmentId = id(admin.post(
                    "/api/v1/segments", "{\"name\":\"sweep other " + run + "\",\"definition\":" + definition + "}"));
            var snapshotId = id(admin.post("/api/v1/segments/" + segmentId + "/snapshots", "{\"name\":\"sweep\"}"));
            var categoryId = id(
                    admin.post("/api/v1/tag-categories", "{\"name\":\"sweep " + run + "\",\"description\":\"sweep\"}"));
            var tagId = id(
                    admin.post("/api/v1/tags", "{\"name\":\"sweep " + run + "\",\"categoryId\":" + categoryId + "}"));
            var model = "sweep_" + run.replace('-', '_');
            var saved = admin.put(
                    "/api/v1/lifecycle/models/" + model,
                    "{\"label\":\"Sweep\",\"stages\":[{\"value\":\"buyer\",\"label\":\"Buyer\",\"condition\":"
                            + "{\"type\":\"fact\",\"fact\":\"order_count\",\"operator\":\"at_least\",\"value\":1}},"
                            + "{\"value\":\"other\",\"label\":\"Other\"}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            var operatorId = id(admin.post(
                    "/api/v1/operators",
                    "{\"username\":\"sweep-" + run + "\",\"displayName\":\"Sweep\",\"role\":\"ANALYST\","
                            + "\"password\":\"sweep-password-" + run + "\"}"));
            var writeKeyId = created(admin.post("/api/v1/write-keys", "{\"name\":\"sweep " + run + "\"}"), "issued")
                    .get("id")
                    .asString();
            var serverWriteKey = created(
                            admin.post(
                                    "/api/v1/write-keys",
                                    "{\"name\":\"sweep server " + run + "\",\"scope\":\"server\"}"),
                            "secret")
                    .asString();
            var apiTokenId = created(
                            admin.post("/api/v1/api-tokens", "{\"name\":\"sweep " + run + "\",\"role\":\"ANALYST\"}"),
                            "issued")
                    .get("id")
                    .asString();
            var templateKey = "sweep-" + run;
            var template = id(
                    admin.post(
                            "/api/v1/message-templates",
                            "{\"key\":\"" + templateKey + "\",\"name\":\"Sweep\",\"channel\":\"email\",\"purpose\":"
                                    + "\"transactional\",\"subject\":\"Sweep\",\"text\":\"Sweep {{customer.id}}\"}"),
                    "template");
            var queued = admin.post(
                    "/api/v1/messages", "{\"customerId\":" + customerId + ",\"template\":\"" + templateKey + "\"}");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            var sendId = queued.json().get("sendId").asString();
            var journeyId = id(admin.post(
                    "/api/v1/journeys",
                    "{\"name\":\"sweep " + run + "\",\"draft\":{\"trigger\":{\"type\":\"api\"},\"first\":\"x\","
                            + "\"nodes\":[{\"id\":\"x\",\"type\":\"exit\"}]}}"));
            var webhookId = id(
                    admin.post(
                            "/api/v1/webhooks",
                            "{\"name\":\"sweep " + run + "\",\"url\":\"https://shop.example.com/sweep\"}"),
                    "endpoint");
            var test = admin.post("/api/v1/webhooks/" + webhookId + "/test-deliveries", "");
            assertThat(test.status()).as(test.body()).isEqualTo(202);
            var webhookDeliveryId = test.json().get("deliveryId").asString();
            var consumerKey = ConsumerTokenFixtures.es256();
            var keyId = created(admin.post("/api/v1/consumer-keys", consumerKey.registration("sweep " + run)), "kid")
                    .asString();
            return new Targets(
                    Map.ofEntries(
                            Map.entry("consumer-keys/{kid}", keyId),
                            Map.entry("customers/{id}", customerId),
                            Map.entry("orders/{orderId}", orderId),
                            Map.entry("products/{productId}", productId),
                            Map.entry("segments/{id}", segmentId),
                            Map.entry("snapshots/{snapshotId}", snapshotId),
                            Map.entry("tags/{id}", tagId),
                            Map.entry("models/{name}", model),
                            Map.entry("operators/{id}", operatorId),
                            Map.entry("write-keys/{id}", writeKeyId),
                            Map.entry("api-tokens/{id}", apiTokenId),
                            Map.entry("imports/{kind}", "customers"),
                            Map.entry("message-templates/{id}", template),
                            Map.entry("journeys/{id}", journeyId),
                            Map.entry("journey-library/{key}", "review-request"),
                            Map.entry("messages/{id}", sendId),
                            Map.entry("suppressions/{customerId}", customerId),
                            Map.entry("webhooks/{id}", webhookId),
                            Map.entry("deliveries/{deliveryId}", webhookDeliveryId),
                            Map.entry("{customerId}/{channel}", "email"),
                            Map.entry("providers/{channel}", "email")),
                    Map.ofEntries(
                            Map.entry("categoryId", NODES.numberNode(Long.parseLong(categoryId))),
                            Map.entry(
                                    "segments",
                                    NODES.arrayNode()
                                            .add(Long.parseLong(segmentId))
                                            .add(Long.parseLong(otherSegmentId))),
                            Map.entry("customers", NODES.arrayNode().add(customerId)),
                            Map.entry("role", NODES.stringNode("ANALYST")),
                            Map.entry("scope", NODES.stringNode("server")),
                            // a manual tag, which takes assignments and has no rule
                            Map.entry("kind", NODES.stringNode("MANUAL")),
                            Map.entry("rule", NODES.nullNode()),
                            Map.entry("password", NODES.stringNode("sweep-password-" + run)),
                            Map.entry("currency", NODES.stringNode("CNY")),
                            Map.entry("url", NODES.stringNode("https://shop.example.com/sweep")),
                            Map.entry("image_url", NODES.stringNode("https://shop.example.com/sweep.png")),
                            Map.entry("rating", NODES.numberNode(4.5)),
                            Map.entry("customerId", NODES.numberNode(Long.parseLong(customerId))),
                            Map.entry("template", NODES.stringNode(templateKey)),
                            Map.entry("key", NODES.stringNode(templateKey)),
                            Map.entry("channel", NODES.stringNode("email")),
                            // e-mail templates name no provider's SMS template
                            Map.entry("sms", NODES.nullNode()),
                            // nor a WeChat template, nor the link of an inbox or official-account message
                            Map.entry("wechat", NODES.nullNode()),
                            Map.entry("link", NODES.nullNode()),
                            Map.entry("to", NODES.stringNode("sweep@example.com")),
                            // a points adjustment that never expires (a generated time would lie in the past)
                            Map.entry("expiresAt", NODES.nullNode()),
                            // a public key of its own for each registration the sweep sends
                            Map.entry("jwk", ConsumerTokenFixtures.es256().publicJwkNode()),
                            Map.entry(
                                    "categoryPreferences",
                                    NODES.objectNode().put("email", true).put("sms", false))),
                    serverWriteKey,
                    consumerKey);
        }

        /** The record a path parameter names, by the step before it: {@code segments/{id}}. */
        String of(String template, String parameter) {
            var placeholder = "{" + parameter + "}";
            var before = template.substring(0, template.indexOf(placeholder) - 1);
            var key = before.substring(before.lastIndexOf('/') + 1) + "/" + placeholder;
            var target = paths.get(key);
            if (target == null) {
                throw new AssertionError("the sweep has no record for " + placeholder + " in " + template
                        + ": create one in Targets.create, so that bad values there meet the rules of their fields");
            }
            return target;
        }

        /** The id a created record's answer carries, as text. */
        static String id(HttpFixtures.Response response) {
            return created(response, "id").asString();
        }

        /** The id of a record an answer carries inside one of its properties, as text. */
        static String id(HttpFixtures.Response response, String property) {
            return created(response, property).get("id").asString();
        }

        static JsonNode created(HttpFixtures.Response response, String property) {
            assertThat(response.status()).as(response.body()).isBetween(200, 201);
            return response.json().get(property);
        }
    }

    /** One operation of the description and the bad requests it gets. */
    record Operation(JsonNode description, Targets targets, String method, String template, JsonNode operation) {

        List<Probe> probes() {
            var probes = new ArrayList<Probe>();
            var parameters = new ArrayList<JsonNode>();
            operation.path("parameters").forEach(parameters::add);
            var body = body();
            for (var parameter : parameters) {
                var name = parameter.get("name").asString();
                for (var bad : badParameterValues(parameter)) {
                    var what = parameter.get("in").asString() + " parameter " + name + "=" + abbreviate(bad);
                    var path = parameter.get("in").asString().equals("path")
                            ? path(Map.of(name, url(bad)))
                            : path(Map.of()) + "?" + name + "=" + url(bad);
                    var inPath = parameter.get("in").asString().equals("path");
                    probes.add(new Probe(method, path, body.text(), body.contentType(), what, false, !inPath));
                }
                if (name.equals("cursor")) {
                    for (var foreign : FOREIGN_CURSORS) {
                        probes.add(new Probe(
                                method,
                                path(Map.of()) + "?cursor=" + foreign,
                                body.text(),
                                body.contentType(),
                                "a cursor of one text key " + foreign,
                                true,
                                true));
                    }
                }
            }
            if (body.schema() != null) {
                // an optional body sent as null is no body at all
                var optional = !operation.path("requestBody").path("required").asBoolean(false);
                for (var bad : badBodies(body)) {
                    probes.add(new Probe(
                            method,
                            path(Map.of()),
                            bad.getValue(),
                            body.contentType(),
                            bad.getKey(),
                            optional && bad.getValue().equals("null"),
                            true));
                }
            }
            return probes;
        }

        /** The path naming real records in its parameters but those given. */
        String path(Map<String, String> given) {
            var path = template;
            for (var parameter : operation.path("parameters")) {
                if (!parameter.get("in").asString().equals("path")) {
                    continue;
                }
                var name = parameter.get("name").asString();
                var value = given.containsKey(name) ? given.get(name) : url(targets.of(template, name));
                path = path.replace("{" + name + "}", value);
            }
            return path;
        }

        static List<String> badParameterValues(JsonNode parameter) {
            var schema = parameter.path("schema");
            var type = schema.path("type").asString("string");
            var format = schema.path("format").asString("");
            var name = parameter.get("name").asString();
            var values = new ArrayList<String>();
            switch (type) {
                case "integer" -> {
                    values.addAll(BAD_NUMBER_PARAMETERS);
                    values.add("1.5");
                }
                case "number" -> values.addAll(BAD_NUMBER_PARAMETERS);
                case "boolean" -> values.addAll(List.of("maybe", "2", LONG));
                default -> {
                    if (format.equals("date-time")) {
                        values.addAll(List.of(
                                "abc", "+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "1e308", "2026-13-45"));
                    }
                    if (name.equals("cursor")) {
                        values.addAll(BAD_CURSORS);
                    }
                }
            }
            values.add("a\u0000b");
            values.add(LONG);
            values.add(OVERLONG);
            return values;
        }

        /** The request body the description names: its content type, schema and a valid example of it. */
        record Body(String contentType, JsonNode schema, String text) {}

        Body body() {
            var content = operation.path("requestBody").path("content");
            if (content.has("application/json")) {
                var schema = resolve(content.get("application/json").get("schema"));
                return new Body("application/json", schema, example(schema).toString());
            }
            if (content.has("text/csv")) {
                return new Body("text/csv", content.get("text/csv").get("schema"), "user_id\nsweep-import\n");
            }
            return new Body("application/json", null, null);
        }

        JsonNode resolve(JsonNode schema) {
            var reference = schema.path("$ref").asString(null);
            return reference == null
                    ? schema
                    : description
                            .get("components")
                            .get("schemas")
                            .get(reference.substring(reference.lastIndexOf('/') + 1));
        }

        /** A valid value of a schema: its example where it has one. */
        JsonNode example(JsonNode schema) {
            schema = resolve(schema);
            if (schema.has("example")) {
                var example = schema.get("example");
                return example.isString() && example.asString().matches("(?s)\\s*[\\[{].*")
                        ? HttpFixtures.JSON.readTree(example.asString())
                        : example;
            }
            return switch (schema.path("type").asString("")) {
                case "object" -> {
                    var object = NODES.objectNode();
                    schema.path("properties")
                            .properties()
                            .forEach(p -> object.set(
                                    p.getKey(), targets.values().getOrDefault(p.getKey(), example(p.getValue()))));
                    yield object;
                }
                case "array" -> NODES.arrayNode().add(example(schema.path("items")));
                case "integer" -> NODES.numberNode(7);
                case "number" -> NODES.numberNode(7.5);
                case "boolean" -> NODES.booleanNode(false);
                case "string" ->
                    switch (schema.path("format").asString("")) {
                        case "date" -> NODES.stringNode("2026-05-01");
                        case "date-time" -> NODES.stringNode("2026-05-01T08:30:00Z");
                        default -> NODES.stringNode("sweep");
                    };
                default -> NODES.objectNode();
            };
        }

        /** Bodies with one bad value each, by what they break. */
        List<Map.Entry<String, String>> badBodies(Body body) {
            var bodies = new ArrayList<Map.Entry<String, String>>();
            if (body.contentType().equals("text/csv")) {
                bodies.add(Map.entry("a quote never closed", "user_id,name\n\"sweep,x\n"));
                return bodies;
            }
            for (var whole : List.of("null", "[]", "\"x\"", "7", "{", "{\"a\":", "abc", "[".repeat(5_000))) {
                bodies.add(Map.entry("the body " + abbreviate(whole), whole));
            }
            var valid = HttpFixtures.JSON.readTree(body.text());
            var required = new ArrayList<String>();
            body.schema().path("required").forEach(name -> required.add(name.asString()));
            leaves(valid, "", (path, leaf) -> {
                for (var bad : badValues(leaf)) {
                    bodies.add(Map.entry(path + "=" + abbreviate(bad), replaced(valid, path, bad)));
                }
                if (!path.contains(".") && !path.contains("[") && required.contains(path)) {
                    bodies.add(Map.entry(path + "=null", replaced(valid, path, "null")));
                }
            });
            return bodies;
        }

        static List<String> badValues(JsonNode leaf) {
            var values = new ArrayList<String>();
            if (leaf.isNumber()) {
                values.addAll(BAD_NUMBERS);
            } else if (leaf.isBoolean()) {
                values.addAll(List.of("\"maybe\"", "{}", "[]"));
            } else if (leaf.isString()) {
                values.addAll(List.of("{}", "[]", "\"a\\u0000b\"", quoted(OVERLONG)));
            } else if (leaf.isArray()) {
                values.addAll(List.of("\"x\"", "{}", "[null]", "[" + leaf.get(0) + ",null]"));
            } else if (leaf.isObject()) {
                values.addAll(List.of("\"x\"", "[]", "1e308"));
            }
            return values;
        }

        interface LeafVisitor {
            void visit(String path, JsonNode leaf);
        }

        /** Visits every value of a tree: each property and item, and the lists and objects themselves. */
        static void leaves(JsonNode node, String path, LeafVisitor visitor) {
            if (!path.isEmpty()) {
                visitor.visit(path, node);
            }
            if (node.isObject()) {
                node.properties()
                        .forEach(p ->
                                leaves(p.getValue(), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), visitor));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    leaves(node.get(i), path + "[" + i + "]", visitor);
                }
            }
        }

        /** The valid body as text with the value at a path replaced by raw JSON text. */
        static String replaced(JsonNode valid, String path, String raw) {
            var copy = valid.deepCopy();
            var marker = "@@sweep@@";
            var steps = path.split("\\.|(?=\\[)");
            JsonNode parent = copy;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = step(parent, steps[i]);
            }
            var last = steps[steps.length - 1];
            if (last.startsWith("[")) {
                ((ArrayNode) parent)
                        .set(Integer.parseInt(last.substring(1, last.length() - 1)), NODES.stringNode(marker));
            } else {
                ((ObjectNode) parent).put(last, marker);
            }
            return copy.toString().replace("\"" + marker + "\"", raw);
        }

        static JsonNode step(JsonNode node, String step) {
            return step.startsWith("[")
                    ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 100) + "…(" + text.length() + " characters)" : text;
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
