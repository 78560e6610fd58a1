package io.siyu.access.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Which JWKs may be registered as consumer keys, and how the others are refused. */
class ConsumerKeyRulesTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Violation refusal(JsonNode jwk) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidInputException.class, () -> ConsumerKeyRules.read("jwk", jwk));
        assertThat(thrown).as("refused").isNotNull();
        return thrown.violations().getFirst();
    }

    static ObjectNode publicEs256() {
        return (ObjectNode) ConsumerTokenFixtures.es256().publicJwkNode();
    }

    @Test
    void thePublicHalvesOfEs256AndEd25519KeysAreTaken() {
        var es256 = ConsumerTokenFixtures.es256();
        var ed25519 = ConsumerTokenFixtures.ed25519(JWSAlgorithm.EdDSA);

        var es = ConsumerKeyRules.read("jwk", es256.publicJwkNode());
        var ed = ConsumerKeyRules.read("jwk", ed25519.publicJwkNode());

        assertThat(es.kid()).isEqualTo(es256.kid());
        assertThat(es.algorithm()).isEqualTo("ES256");
        assertThat(ed.algorithm()).isEqualTo("EdDSA");
        assertThat(ed.jwk().isPrivate()).isFalse();
    }

    @Test
    void aPrivateKeyIsRefusedNamingItsPrivateMember() {
        var withPrivate =
                JSON.readTree(ConsumerTokenFixtures.es256().privateJwk().toJSONString());

        var violation = refusal(withPrivate);

        assertThat(violation.field()).isEqualTo("jwk.d");
        assertThat(violation.rule()).isEqualTo("private-key");
    }

    @Test
    void onlyEcKeysOnP256AndOkpKeysOnEd25519Are() {
        assertThat(refusal(publicEs256().put("kty", "RSA")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.kty", "one-of");
        assertThat(refusal(publicEs256().put("crv", "P-384")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.crv", "one-of");
        assertThat(refusal(publicEs256().put("kty", "OKP")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.crv", "one-of");
        assertThat(refusal(publicEs256().put("alg", "ES384")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.alg", "one-of");
        assertThat(refusal(publicEs256().put("use", "enc")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.use", "one-of");
    }

    @Test
    void aKeyNeedsAKidThatFitsInAnAddress() {
        var withoutKid = publicEs256();
        withoutKid.remove("kid");

        assertThat(refusal(withoutKid))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.kid", "required");
        assertThat(refusal(publicEs256().put("kid", "with space")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly("jwk.kid", "key-id");
        assertThat(refusal(publicEs256().put("kid", "k".repeat(101))))
                .extracting(Violation::rule)
                .isEqualTo("key-id");
    }

    @Test
    void coordinatesOffTheCurveAreNoKey() {
        var other = publicEs256();
        other.put("y", publicEs256().get("y").asString());

        assertThat(refusal(other)).extracting(Violation::field, Violation::rule).containsExactly("jwk", "key");
        assertThat(refusal(publicEs256().put("x", "not-base64-at-all!")))
                .extracting(Violation::rule)
                .isEqualTo("key");
    }

    @Test
    void aJwkIsAnObject() {
        assertThatThrownBy(() -> ConsumerKeyRules.read("jwk", JSON.readTree("\"x\"")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JWK");
        assertThat(refusal(null)).extracting(Violation::field, Violation::rule).containsExactly("jwk", "required");
    }
}
