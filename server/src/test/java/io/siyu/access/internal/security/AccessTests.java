package io.siyu.access.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SiyuIntegrationTest
class AccessTests {

    @LocalServerPort
    int port;

    HttpFixtures admin() {
        return HttpFixtures.token(port, TestCredentials.API_TOKEN);
    }

    String newOperator(String role) {
        var username = role.toLowerCase().substring(0, 3)
                + UUID.randomUUID().toString().substring(0, 8);
        var created = admin().post("/api/v1/operators", """
                {"username":"%s","displayName":"Tester","role":"%s","password":"long-enough-pw"}""".formatted(username, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    void anOperatorSignsInAndOut() {
        var username = newOperator("MARKETER");
        var console = HttpFixtures.session(port, username, "long-enough-pw");

        var session = console.get("/api/v1/session").json();
        assertThat(session.get("role").asString()).isEqualTo("MARKETER");
        assertThat(session.get("permissions").valueStream().map(p -> p.asString()))
                .contains("customers:read")
                .doesNotContain("operators:manage");
        assertThat(console.get("/api/v1/customers").status()).isEqualTo(200);

        assertThat(console.delete("/api/v1/session").status()).isEqualTo(204);
        assertThat(console.get("/api/v1/customers").status()).isEqualTo(401);
    }

    @Test
    void aConsoleChangeWithoutTheCsrfTokenIsRefused() {
        var username = newOperator("ADMIN");
        var console = HttpFixtures.session(port, username, "long-enough-pw");

        var withToken = console.post("/api/v1/write-keys", "{\"name\":\"from the console\"}");
        // a request forged by another site carries the session cookie but cannot read the token to send it back
        var forged = console.withoutCsrfToken().post("/api/v1/write-keys", "{\"name\":\"forged\"}");

        assertThat(withToken.status()).isEqualTo(201);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("detail").asString()).contains("CSRF");
    }

    HttpFixtures tokenOf(String name, String role) {
        var secret = admin().post("/api/v1/api-tokens", """
                        {"name":"%s","role":"%s"}""".formatted(name, role))
                .json()
                .get("secret")
                .asString();
        return HttpFixtures.token(port, secret);
    }

    long operatorId(String username) {
        return admin().get("/api/v1/operators").json().findParents("username").stream()
                .filter(o -> o.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    @Test
    void aRetriedChangeWithAnIdempotencyKeyIsCarriedOutOnce() {
        var admin = admin();
        var key = java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = "{\"name\":\"double click\"}".getBytes();

        var first = admin.sendBytes("POST", "/api/v1/write-keys", body, "application/json", key);
        var retry = admin.sendBytes("POST", "/api/v1/write-keys", body, "application/json", key);
        var misuse = admin.sendBytes(
                "POST", "/api/v1/write-keys", "{\"name\":\"other\"}".getBytes(), "application/json", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.json().get("issued").get("id").asLong())
                .isEqualTo(first.json().get("issued").get("id").asLong());
        assertThat(misuse.status()).isEqualTo(422);
        var created = admin.get("/api/v1/write-keys").json().findParents("name").stream()
                .filter(k -> k.get("name").asString().equals("double click"))
                .count();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyBelongsToTheCallerWhoUsedIt() {
        var key = java.util.Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());
        // two tokens may carry the same name; a key must still belong to one of them
        var name = "ops-" + UUID.randomUUID();
        var adminScript = tokenOf(name, "ADMIN");
        var community = tokenOf(name, "COMMUNITY_MANAGER");
        var body = "{\"name\":\"admin script\",\"role\":\"ADMIN\"}".getBytes();

        var first = adminScript.sendBytes("POST", "/api/v1/api-tokens", body, "application/json", key);
        var reused = community.sendBytes("POST", "/api/v1/api-tokens", body, "application/json", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(403);
        assertThat(reused.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(reused.body()).doesNotContain(first.json().get("secret").asString());
    }

    @Test
    void anAnswerIsNotReplayedToACallerWhoLostThePermission() {
        var username = newOperator("ADMIN");
        var console = HttpFixtures.session(port, username, "long-enough-pw");
        var key = java.util.Map.of("Idempotency-Key", "demoted-" + UUID.randomUUID());
        var body = "{\"name\":\"before demotion\",\"role\":\"ADMIN\"}".getBytes();
        var first = console.sendBytes("POST", "/api/v1/api-tokens", body, "application/json", key);
        assertThat(first.status()).isEqualTo(201);

        admin().patch("/api/v1/operators/" + operatorId(username), "{\"role\":\"MARKETER\"}");
        var replay = console.sendBytes("POST", "/api/v1/api-tokens", body, "application/json", key);

        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.body()).doesNotContain(first.json().get("secret").asString());
    }

    @Test
    void anOverlongIdempotencyKeyIsRefused() {
        var key = java.util.Map.of("Idempotency-Key", "k".repeat(201));

        var response = admin().sendBytes(
                        "POST", "/api/v1/write-keys", "{\"name\":\"long key\"}".getBytes(), "application/json", key);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
    }

    @Test
    void anIdempotencyKeyIsRefusedOnABodyTooLargeToHold() {
        var csv = ("external_id,name\n" + "c-1,name\n".repeat(2_000_000)).getBytes();
        var key = java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var response = admin().sendBytes("POST", "/api/v1/imports/customers", csv, "text/csv", key);

        assertThat(csv.length).isGreaterThan(IdempotencyFilter.MAX_BODY_BYTES);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("rule")).containsExactly("max-body-size");
    }

    @Test
    void aTokenRequestLeavesNoSessionBehind() {
        var issued = admin().post("/api/v1/api-tokens", "{\"name\":\"stateless\",\"role\":\"ADMIN\"}")
                .json();
        var script = HttpFixtures.token(port, issued.get("secret").asString());
        assertThat(script.get("/api/v1/customers").status()).isEqualTo(200);
        var change = script.post("/api/v1/write-keys", "{\"name\":\"from a script\"}");
        assertThat(change.status()).isEqualTo(201);
        assertThat(change.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SIYU_SESSION="));

        admin().delete("/api/v1/api-tokens/" + issued.get("issued").get("id").asLong());

        // whatever cookies the token's requests received are worth nothing without the token
        var cookiesOnly = script.withoutAuthorization();
        assertThat(cookiesOnly.get("/api/v1/customers").status()).isEqualTo(401);
        assertThat(cookiesOnly
                        .post("/api/v1/api-tokens", "{\"name\":\"minted\",\"role\":\"ADMIN\"}")
                        .status())
                .isIn(401, 403);
    }

    @Test
    void aTokenOutranksASessionCookieItComesWith() {
        var console = HttpFixtures.session(port, newOperator("ADMIN"), "long-enough-pw");
        var analyst = admin().post("/api/v1/api-tokens", "{\"name\":\"analyst\",\"role\":\"ANALYST\"}")
                .json()
                .get("secret")
                .asString();

        // the admin's session cookie rides along, but the request is the analyst token's alone
        var mixed = console.header("Authorization", "Bearer " + analyst).get("/api/v1/operators");

        assertThat(mixed.status()).isEqualTo(403);
    }

    @Test
    void aRevokedApiTokenStopsWorking() {
        var issued = admin().post("/api/v1/api-tokens", "{\"name\":\"script\",\"role\":\"ANALYST\"}")
                .json();
        var script = HttpFixtures.token(port, issued.get("secret").asString());
        assertThat(script.get("/api/v1/customers").status()).isEqualTo(200);
        assertThat(script.get("/api/v1/write-keys").status()).isEqualTo(403);

        admin().delete("/api/v1/api-tokens/" + issued.get("issued").get("id").asLong());

        assertThat(script.get("/api/v1/customers").status()).isEqualTo(401);
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        var operators = admin().get("/api/v1/operators").json();
        var admins = operators.findParents("role").stream()
                .filter(o -> o.get("role").asString().equals("ADMIN")
                        && !o.get("disabled").asBoolean())
                .toList();
        for (int i = 1; i < admins.size(); i++) {
            admin().patch("/api/v1/operators/" + admins.get(i).get("id").asLong(), "{\"role\":\"MARKETER\"}");
        }
        var last =
                admin().patch("/api/v1/operators/" + admins.getFirst().get("id").asLong(), "{\"role\":\"ANALYST\"}");

        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("rule").asString()).isEqualTo("last-admin");
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        var name = "audited-" + UUID.randomUUID();
        admin().post("/api/v1/write-keys", "{\"name\":\"" + name + "\"}");
        admin().post("/api/v1/operators", "{\"username\":\"x\",\"role\":\"NOBODY\",\"password\":\"long-enough-pw\"}");
        // a question asked with POST changes nothing: the segment builder's live count is not a change
        var count = admin().post(
                        "/api/v1/segments/count",
                        "{\"definition\":{\"version\":1,\"condition\":{\"type\":\"fact\",\"fact\":\"order_count\","
                                + "\"operator\":\"at_least\",\"value\":1}}}");

        var entries = admin().get("/api/v1/audit-log?limit=50").json().get("items");

        assertThat(entries.findParents("action").stream()
                        .anyMatch(e -> e.get("action").asString().equals("write-key.created")
                                && e.get("detail").get("name").asString().equals(name)))
                .isTrue();
        assertThat(entries.findParents("action").stream()
                        .anyMatch(e -> e.get("action").asString().equals("POST /api/v1/operators")
                                && e.get("outcome").asInt() == 400))
                .as("a refused change is recorded too")
                .isTrue();
        assertThat(count.status()).isEqualTo(200);
        assertThat(entries.findParents("action").stream()
                        .noneMatch(e -> e.get("action").asString().equals("POST /api/v1/segments/count")))
                .as("a question is not a change")
                .isTrue();
    }

    @Test
    void weakOrMissingInputIsExplainedFieldByField() {
        var response =
                admin().post("/api/v1/operators", "{\"username\":\"a\",\"role\":\"ADMIN\",\"password\":\"short\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("username", "password");
    }
}
