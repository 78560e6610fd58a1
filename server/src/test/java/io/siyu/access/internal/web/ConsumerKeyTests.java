package io.siyu.access.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Registering, retiring and revoking the shop's consumer keys through the operator API. */
@SiyuIntegrationTest
class ConsumerKeyTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void aKeyIsRegisteredListedRetiredAndRevokedAndEachStepAudited() {
        var key = ConsumerTokenFixtures.es256();
        var admin = siyu.admin();

        var registered = admin.post("/api/v1/consumer-keys", key.registration("shop backend 2026"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("active");
        assertThat(registered.json().get("alg").asString()).isEqualTo("ES256");
        assertThat(registered.json().get("jwk").has("d")).isFalse();
        assertThat(admin.get("/api/v1/consumer-keys").json().findValuesAsString("kid"))
                .contains(key.kid());

        var retired = admin.post("/api/v1/consumer-keys/" + key.kid() + "/retire", "{}")
                .json();
        assertThat(retired.get("status").asString()).isEqualTo("retiring");
        assertThat(retired.get("retiringAt").asString()).isNotBlank();
        var revoked = admin.delete("/api/v1/consumer-keys/" + key.kid()).json();
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        var retiredAgain = admin.post("/api/v1/consumer-keys/" + key.kid() + "/retire", "{}");
        assertThat(retiredAgain.status()).isEqualTo(409);
        assertThat(retiredAgain.json().get("rule").asString()).isEqualTo("revoked");

        for (var action : java.util.List.of("registered", "retired", "revoked")) {
            var entries = admin.get("/api/v1/audit-log?action=consumer-key." + action)
                    .json()
                    .get("items");
            assertThat(entries.findValuesAsString("target")).as(action).contains("consumer-key:" + key.kid());
        }
    }

    @Test
    void privateKeysWrongKindsAndTakenKidsAreRefusedNamingTheField() {
        var key = ConsumerTokenFixtures.es256();
        var admin = siyu.admin();

        var privateKey = admin.post(
                "/api/v1/consumer-keys",
                "{\"name\":\"oops\",\"jwk\":" + key.privateJwk().toJSONString() + "}");
        var rsa = admin.post(
                "/api/v1/consumer-keys",
                "{\"name\":\"rsa\",\"jwk\":{\"kty\":\"RSA\",\"kid\":\"rsa-1\",\"n\":\"AQAB\",\"e\":\"AQAB\"}}");
        var withoutKid = admin.post(
                "/api/v1/consumer-keys",
                "{\"name\":\"no kid\",\"jwk\":" + key.publicJwk().replace("\"kid\"", "\"x-kid\"") + "}");

        assertThat(privateKey.status()).isEqualTo(400);
        assertThat(privateKey.json().get("errors").get(0).get("field").asString())
                .isEqualTo("jwk.d");
        assertThat(privateKey.json().get("errors").get(0).get("rule").asString())
                .isEqualTo("private-key");
        assertThat(privateKey.body())
                .doesNotContain(key.privateJwk().toJSONObject().get("d").toString());
        assertThat(rsa.json().get("errors").get(0).get("field").asString()).isEqualTo("jwk.kty");
        assertThat(withoutKid.json().get("errors").get(0).get("field").asString())
                .isEqualTo("jwk.kid");
        assertThat(withoutKid.json().get("errors").get(0).get("rule").asString())
                .isEqualTo("required");

        assertThat(admin.post("/api/v1/consumer-keys", key.registration("first"))
                        .status())
                .isEqualTo(201);
        var again = admin.post("/api/v1/consumer-keys", key.registration("second"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asString()).isEqualTo("unique");
        assertThat(admin.delete("/api/v1/consumer-keys/no-such-kid").status()).isEqualTo(404);
    }
}
