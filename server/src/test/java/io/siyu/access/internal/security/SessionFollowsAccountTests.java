package io.siyu.access.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import io.siyu.access.internal.operators.OperatorStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A signed-in session follows its operator's account as it is now, from its very next request. */
@SiyuIntegrationTest
class SessionFollowsAccountTests {

    static final String PASSWORD = "long-enough-pw";

    @LocalServerPort
    int port;

    HttpFixtures admin() {
        return HttpFixtures.token(port, TestCredentials.API_TOKEN);
    }

    record SignedIn(long id, String username, HttpFixtures console) {}

    SignedIn signedIn(String role) {
        var username = "fol" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin().post("/api/v1/operators", """
                {"username":"%s","role":"%s","password":"%s"}""".formatted(username, role, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new SignedIn(
                created.json().get("id").asLong(), username, HttpFixtures.session(port, username, PASSWORD));
    }

    @Test
    void aDisabledOperatorsSessionEndsAndCannotReEnableItself() {
        var operator = signedIn("ADMIN");
        assertThat(operator.console().get("/api/v1/operators").status()).isEqualTo(200);

        admin().patch("/api/v1/operators/" + operator.id(), "{\"disabled\":true}");

        assertThat(operator.console().get("/api/v1/operators").status()).isEqualTo(401);
        assertThat(operator.console()
                        .patch("/api/v1/operators/" + operator.id(), "{\"disabled\":false}")
                        .status())
                .isIn(401, 403);
        assertThat(admin().get("/api/v1/operators/" + operator.id())
                        .json()
                        .get("disabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aDemotedOperatorsSessionLosesTheRoleAndCannotPromoteItself() {
        var operator = signedIn("ADMIN");

        admin().patch("/api/v1/operators/" + operator.id(), "{\"role\":\"COMMUNITY_MANAGER\"}");

        var session = operator.console().get("/api/v1/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("role").asString()).isEqualTo("COMMUNITY_MANAGER");
        assertThat(operator.console()
                        .patch("/api/v1/operators/" + operator.id(), "{\"role\":\"ADMIN\"}")
                        .status())
                .isEqualTo(403);
        assertThat(operator.console()
                        .post("/api/v1/api-tokens", "{\"name\":\"escape\",\"role\":\"ADMIN\"}")
                        .status())
                .isEqualTo(403);
        assertThat(admin().get("/api/v1/operators/" + operator.id())
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("COMMUNITY_MANAGER");
    }

    @Test
    void aPromotedOperatorsSessionGainsTheRole() {
        var operator = signedIn("ANALYST");
        assertThat(operator.console().get("/api/v1/write-keys").status()).isEqualTo(403);

        admin().patch("/api/v1/operators/" + operator.id(), "{\"role\":\"ADMIN\"}");

        assertThat(operator.console().get("/api/v1/write-keys").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsEverySessionSignedInWithTheOldOne() {
        var operator = signedIn("MARKETER");
        var otherBrowser = HttpFixtures.session(port, operator.username(), PASSWORD);

        var changed = admin().put("/api/v1/operators/" + operator.id() + "/password", """
                {"password":"another-long-password"}""");

        assertThat(changed.status()).isEqualTo(204);
        assertThat(operator.console().get("/api/v1/customers").status()).isEqualTo(401);
        assertThat(otherBrowser.get("/api/v1/customers").status()).isEqualTo(401);
        assertThat(HttpFixtures.session(port, operator.username(), "another-long-password")
                        .get("/api/v1/customers")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdminWhoSetsTheirOwnPasswordStaysSignedInWhileTheirOtherSessionsEnd() {
        var operator = signedIn("ADMIN");
        var otherBrowser = HttpFixtures.session(port, operator.username(), PASSWORD);

        var changed = operator.console().put("/api/v1/operators/" + operator.id() + "/password", """
                {"password":"another-long-password"}""");

        assertThat(changed.status()).isEqualTo(204);
        assertThat(operator.console().get("/api/v1/operators").status()).isEqualTo(200);
        assertThat(otherBrowser.get("/api/v1/operators").status()).isEqualTo(401);
    }

    @Test
    void settingYourOwnPasswordGivesYourSessionANewId() {
        var operator = signedIn("ADMIN");
        var before = operator.console().cookie("SIYU_SESSION").orElseThrow();

        operator.console().put("/api/v1/operators/" + operator.id() + "/password", """
                {"password":"another-long-password"}""");

        assertThat(operator.console().cookie("SIYU_SESSION").orElseThrow()).isNotEqualTo(before);
        assertThat(operator.console().get("/api/v1/operators").status()).isEqualTo(200);
        var stolenCopy = HttpFixtures.anonymous(port)
                .sendBytes(
                        "GET",
                        "/api/v1/operators",
                        null,
                        "application/json",
                        java.util.Map.of("Cookie", "SIYU_SESSION=" + before));
        assertThat(stolenCopy.status()).isEqualTo(401);
    }

    @Test
    void aRehashAtSignInNeverOverwritesAPasswordSetMeanwhile(@Autowired OperatorStore store) {
        var operator = signedIn("ANALYST");
        var checked = store.byId(operator.id()).orElseThrow().passwordHash();
        admin().put("/api/v1/operators/" + operator.id() + "/password", """
                {"password":"another-long-password"}""");
        var setMeanwhile = store.byId(operator.id()).orElseThrow().passwordHash();

        store.upgradePasswordHash(operator.id(), checked, "a rehash of the old password");

        assertThat(store.byId(operator.id()).orElseThrow().passwordHash()).isEqualTo(setMeanwhile);
    }

    @Test
    void anAnswerIsNotReplayedToTheSameCallerWithOtherPermissions() {
        admin().awaitAudienceIndex();
        var operator = signedIn("CUSTOMER_SERVICE");
        var key = java.util.Map.of("Idempotency-Key", "preview-" + UUID.randomUUID());
        var body = """
                {"definition":{"version":1,"condition":{"type":"fact","fact":"order_count","operator":"at_least","value":0}}}""".getBytes();
        var first = operator.console().sendBytes("POST", "/api/v1/segments/preview", body, "application/json", key);
        assertThat(first.status()).isEqualTo(200);

        // still allowed to preview, but no longer to see phone numbers and e-mail addresses in clear
        admin().patch("/api/v1/operators/" + operator.id(), "{\"role\":\"COMMUNITY_MANAGER\"}");
        var replay = operator.console().sendBytes("POST", "/api/v1/segments/preview", body, "application/json", key);

        assertThat(replay.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(replay.status()).isEqualTo(422);
    }

    @Test
    void aChangeWithTheTokenOfAnEndedSessionAsksToSignInAgain() {
        var operator = signedIn("ADMIN");

        admin().patch("/api/v1/operators/" + operator.id(), "{\"disabled\":true}");
        var change = operator.console().post("/api/v1/write-keys", "{\"name\":\"after the end\"}");

        assertThat(change.status()).isEqualTo(401);
    }
}
