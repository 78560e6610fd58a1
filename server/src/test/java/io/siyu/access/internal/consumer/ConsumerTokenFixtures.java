package io.siyu.access.internal.consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shop's side of the consumer API in tests: key pairs it generates, and tokens it signs with them. */
public final class ConsumerTokenFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConsumerTokenFixtures() {}

    /** A key pair of the shop, with its private half: what the shop keeps, and what it registers. */
    public record ShopKey(JWK privateJwk, JWSAlgorithm algorithm) {

        public String kid() {
            return privateJwk.getKeyID();
        }

        /** The public JWK as registered with Siyu. */
        public String publicJwk() {
            return privateJwk.toPublicJWK().toJSONString();
        }

        public JsonNode publicJwkNode() {
            return JSON.readTree(publicJwk());
        }

        /** The body of {@code POST /api/v1/consumer-keys} that registers this key. */
        public String registration(String name) {
            return "{\"name\":\"" + name + "\",\"jwk\":" + publicJwk() + "}";
        }

        /** A token with the usual claims for {@code subject} at {@code now}, changed by {@code claims}. */
        public String token(String subject, Instant now, UnaryOperator<JWTClaimsSet.Builder> claims) {
            return sign(header().build(), claims.apply(claims(subject, now)).build());
        }

        /** A token for {@code subject}, valid now for ten minutes, with a fresh {@code jti}. */
        public String token(String subject) {
            return token(subject, Instant.now(), c -> c);
        }

        public JWSHeader.Builder header() {
            return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid());
        }

        public String sign(JWSHeader header, JWTClaimsSet claims) {
            try {
                var jwt = new SignedJWT(header, claims);
                jwt.sign(signer());
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private JWSSigner signer() throws JOSEException {
            return privateJwk instanceof ECKey ec ? new ECDSASigner(ec) : new Ed25519Signer((OctetKeyPair) privateJwk);
        }
    }

    /** A new ES256 key pair (P-256). */
    public static ShopKey es256() {
        try {
            return new ShopKey(new ECKeyGenerator(Curve.P_256).keyID(kid("es")).generate(), JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new Ed25519 key pair, signing with {@code algorithm} ({@code EdDSA} or {@code Ed25519}). */
    public static ShopKey ed25519(JWSAlgorithm algorithm) {
        try {
            return new ShopKey(
                    new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid("ed")).generate(), algorithm);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims a shop's token carries: sub, aud, iat, exp ten minutes later, and a fresh jti. */
    public static JWTClaimsSet.Builder claims(String subject, Instant now) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(ConsumerTokens.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String kid(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
