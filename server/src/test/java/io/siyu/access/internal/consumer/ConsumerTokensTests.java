package io.siyu.access.internal.consumer;

import static io.siyu.access.internal.consumer.ConsumerTokenFixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.siyu.access.internal.consumer.ConsumerKeys.VerifyingKey;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures.ShopKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a consumer token must keep, each broken on its own, against keys held in memory. */
class ConsumerTokensTests {

    static final Instant NOW = Instant.parse("2026-11-02T08:00:00Z");

    final ShopKey es256 = ConsumerTokenFixtures.es256();
    final Map<String, VerifyingKey> registered = new HashMap<>();
    final ConsumerTokens tokens = new ConsumerTokens(kid -> Optional.ofNullable(registered.get(kid)));

    ConsumerTokensTests() {
        register(es256, ConsumerKeyStatus.ACTIVE);
    }

    void register(ShopKey key, ConsumerKeyStatus status) {
        var rules = ConsumerKeyRules.read("jwk", key.publicJwkNode());
        registered.put(key.kid(), new VerifyingKey(key.kid(), rules.algorithm(), rules.jwk(), status));
    }

    ConsumerTokens.Verdict read(String token) {
        return tokens.verify(token, NOW, false);
    }

    static TokenRefusal refusal(ConsumerTokens.Verdict verdict) {
        assertThat(verdict).isInstanceOf(ConsumerTokens.Refused.class);
        return ((ConsumerTokens.Refused) verdict).reason();
    }

    @Test
    void aTokenOfAnActiveKeySpeaksForItsSubject() {
        var verdict = read(es256.token("U1001", NOW, c -> c));

        assertThat(verdict).isInstanceOf(ConsumerTokens.Accepted.class);
        var caller = ((ConsumerTokens.Accepted) verdict).caller();
        assertThat(caller.subject()).isEqualTo("U1001");
        assertThat(caller.keyId()).isEqualTo(es256.kid());
        assertThat(caller.tokenId()).isNotBlank();
        assertThat(caller.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aRetiringKeyStillVerifiesTheTokensItSigned() {
        register(es256, ConsumerKeyStatus.RETIRING);

        assertThat(read(es256.token("U1001", NOW, c -> c))).isInstanceOf(ConsumerTokens.Accepted.class);
    }

    @Test
    void aRevokedKeyVerifiesNothing() {
        register(es256, ConsumerKeyStatus.REVOKED);

        assertThat(refusal(read(es256.token("U1001", NOW, c -> c)))).isEqualTo(TokenRefusal.REVOKED_KEY);
    }

    @Test
    void aTokenOfAKeyNeverRegisteredIsRefused() {
        var stranger = ConsumerTokenFixtures.es256();

        assertThat(refusal(read(stranger.token("U1001", NOW, c -> c)))).isEqualTo(TokenRefusal.UNKNOWN_KEY);
        var withoutKid = es256.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256).build(),
                claims("U1001", NOW).build());
        assertThat(refusal(read(withoutKid))).isEqualTo(TokenRefusal.UNKNOWN_KEY);
    }

    @Test
    void anotherKeysSignatureUnderARegisteredKidIsRefused() {
        var impostor = new ShopKey(ConsumerTokenFixtures.es256().privateJwk(), JWSAlgorithm.ES256);
        var token = impostor.sign(es256.header().build(), claims("U1001", NOW).build());

        assertThat(refusal(read(token))).isEqualTo(TokenRefusal.SIGNATURE);
    }

    @Test
    void aTamperedPayloadBreaksTheSignature() {
        var token = es256.token("U1001", NOW, c -> c);
        var parts = token.split("\\.");
        var forged = claims("U2002", NOW).build().toString();
        var tampered = parts[0] + "." + Base64URL.encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(refusal(read(tampered))).isEqualTo(TokenRefusal.SIGNATURE);
    }

    @Test
    void anUnsecuredTokenIsRefusedForItsAlgorithm() {
        var none = new PlainJWT(
                        new PlainHeader.Builder()
                                .customParam("kid", es256.kid())
                                .build(),
                        claims("U1001", NOW).build())
                .serialize();

        assertThat(refusal(read(none))).isEqualTo(TokenRefusal.ALGORITHM);
    }

    @Test
    void aTokenSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws JOSEException {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(es256.kid())
                .build();
        var jwt = new SignedJWT(header, claims("U1001", NOW).build());
        jwt.sign(new MACSigner(es256.publicJwk().getBytes(StandardCharsets.UTF_8)));

        assertThat(refusal(read(jwt.serialize()))).isEqualTo(TokenRefusal.ALGORITHM);
    }

    @Test
    void ed25519KeysVerifyUnderBothAlgorithmNames() {
        for (var algorithm : Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519)) {
            var ed = ConsumerTokenFixtures.ed25519(algorithm);
            register(ed, ConsumerKeyStatus.ACTIVE);

            assertThat(read(ed.token("U1001", NOW, c -> c)))
                    .as(algorithm.getName())
                    .isInstanceOf(ConsumerTokens.Accepted.class);
        }
    }

    @Test
    void aTokenWhoseAlgorithmDoesNotFitItsKeyIsRefused() {
        var ed = ConsumerTokenFixtures.ed25519(JWSAlgorithm.EdDSA);
        var token = ed.sign(
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(es256.kid()).build(),
                claims("U1001", NOW).build());

        assertThat(refusal(read(token))).isEqualTo(TokenRefusal.ALGORITHM);
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheClockSkewHasPassed() {
        var expiredJustNow = es256.token(
                "U1001",
                NOW,
                c -> c.issueTime(Date.from(NOW.minusSeconds(600))).expirationTime(Date.from(NOW.minusSeconds(30))));
        var expiredLongAgo = es256.token(
                "U1001",
                NOW,
                c -> c.issueTime(Date.from(NOW.minusSeconds(600))).expirationTime(Date.from(NOW.minusSeconds(61))));

        assertThat(read(expiredJustNow)).isInstanceOf(ConsumerTokens.Accepted.class);
        assertThat(refusal(read(expiredLongAgo))).isEqualTo(TokenRefusal.EXPIRED);
    }

    @Test
    void aTokenFromTheFutureIsNotValidYet() {
        var issuedSoon = es256.token("U1001", NOW.plusSeconds(50), c -> c);
        var issuedLater = es256.token("U1001", NOW.plusSeconds(120), c -> c);
        var notBeforeLater = es256.token("U1001", NOW, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(300))));

        assertThat(read(issuedSoon)).isInstanceOf(ConsumerTokens.Accepted.class);
        assertThat(refusal(read(issuedLater))).isEqualTo(TokenRefusal.NOT_YET_VALID);
        assertThat(refusal(read(notBeforeLater))).isEqualTo(TokenRefusal.NOT_YET_VALID);
    }

    @Test
    void aTokenMayLiveAnHourAtMost() {
        var hour = es256.token("U1001", NOW, c -> c.expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
        var longer = es256.token(
                "U1001",
                NOW,
                c -> c.expirationTime(Date.from(NOW.plus(Duration.ofHours(1)).plusSeconds(1))));
        var backwards = es256.token("U1001", NOW, c -> c.expirationTime(Date.from(NOW.minusSeconds(1))));

        assertThat(read(hour)).isInstanceOf(ConsumerTokens.Accepted.class);
        assertThat(refusal(read(longer))).isEqualTo(TokenRefusal.LIFETIME);
        assertThat(refusal(read(backwards))).isEqualTo(TokenRefusal.LIFETIME);
    }

    @Test
    void theAudienceMustBeSiyusConsumerApi() {
        var other = es256.token("U1001", NOW, c -> c.audience("another-service"));
        var none = es256.token("U1001", NOW, c -> c.audience((String) null));
        var among = es256.token("U1001", NOW, c -> c.audience(java.util.List.of("another-service", "siyu-consumer")));

        assertThat(refusal(read(other))).isEqualTo(TokenRefusal.AUDIENCE);
        assertThat(refusal(read(none))).isEqualTo(TokenRefusal.AUDIENCE);
        assertThat(read(among)).isInstanceOf(ConsumerTokens.Accepted.class);
    }

    @Test
    void subjectIssueAndExpiryTimesAreRequired() {
        assertThat(refusal(read(es256.token("U1001", NOW, c -> c.subject(null)))))
                .isEqualTo(TokenRefusal.SUBJECT);
        assertThat(refusal(read(es256.token("a".repeat(201), NOW, c -> c)))).isEqualTo(TokenRefusal.SUBJECT);
        assertThat(refusal(read(es256.token("U1001", NOW, c -> c.issueTime(null)))))
                .isEqualTo(TokenRefusal.ISSUED_AT);
        assertThat(refusal(read(es256.token("U1001", NOW, c -> c.expirationTime(null)))))
                .isEqualTo(TokenRefusal.EXPIRY);
        assertThat(refusal(read(es256.token("U1001", NOW, c -> c.claim("exp", "tomorrow")))))
                .isEqualTo(TokenRefusal.CLAIMS);
    }

    @Test
    void aChangeNeedsATokenId() {
        var withoutJti = es256.token("U1001", NOW, c -> c.jwtID(null));

        assertThat(read(withoutJti)).isInstanceOf(ConsumerTokens.Accepted.class);
        assertThat(refusal(tokens.verify(withoutJti, NOW, true))).isEqualTo(TokenRefusal.TOKEN_ID);
        assertThat(tokens.verify(es256.token("U1001", NOW, c -> c), NOW, true))
                .isInstanceOf(ConsumerTokens.Accepted.class);
    }

    @Test
    void theHeaderMayOnlyTypeTheTokenAsAJwtAndListsNothingCritical() {
        var typed = es256.sign(
                es256.header().type(new JOSEObjectType("at+jwt")).build(),
                claims("U1001", NOW).build());
        var critical = es256.sign(
                es256.header()
                        .criticalParams(Set.of("tenant"))
                        .customParam("tenant", "x")
                        .build(),
                claims("U1001", NOW).build());

        assertThat(refusal(read(typed))).isEqualTo(TokenRefusal.TYPE);
        assertThat(refusal(read(critical))).isEqualTo(TokenRefusal.CRITICAL_HEADER);
    }

    @Test
    void anythingButASignedJwtIsMalformed() {
        assertThat(refusal(read(null))).isEqualTo(TokenRefusal.MISSING);
        assertThat(refusal(read("sypat_test_api_token_0123456789abcdef"))).isEqualTo(TokenRefusal.MALFORMED);
        assertThat(refusal(read("a.b.c"))).isEqualTo(TokenRefusal.MALFORMED);
        assertThat(refusal(read("x".repeat(5_000)))).isEqualTo(TokenRefusal.MALFORMED);
    }
}
