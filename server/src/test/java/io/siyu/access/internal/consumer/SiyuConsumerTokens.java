package io.siyu.access.internal.consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs, on the shop's backend, the tokens the shop's app sends to Siyu's consumer API. */
public final class SiyuConsumerTokens {

    private final ECKey key;

    /** {@code key} is the shop's private key: keep it in the backend's secret store, never in the app. */
    public SiyuConsumerTokens(ECKey key) {
        this.key = key;
    }

    /** Makes a key pair, once; register {@code key.toPublicJWK().toJSONString()} with Siyu. */
    public static ECKey newKey() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256)
                .keyID("shop-" + UUID.randomUUID())
                .generate();
    }

    /** A token for the signed-in user {@code userId}: valid for five minutes, good for one change. */
    public String tokenFor(String userId) throws JOSEException {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .audience("siyu-consumer")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        var token = new SignedJWT(header, claims);
        token.sign(new ECDSASigner(key));
        return token.serialize();
    }
}
