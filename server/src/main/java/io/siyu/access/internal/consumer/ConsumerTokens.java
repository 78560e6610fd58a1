package io.siyu.access.internal.consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.siyu.access.ConsumerCaller;
import io.siyu.access.internal.consumer.ConsumerKeys.VerifyingKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a consumer token is one the shop's backend signed for a customer, and who that customer is.
 *
 * <p>The header must name an accepted algorithm ({@code ES256}, {@code EdDSA} or {@code Ed25519}) and a registered,
 * unrevoked key whose kind fits it; the signature is then verified with that key, by Nimbus JOSE's
 * {@link ECDSAVerifier} or {@link Ed25519Verifier} (Ed25519 through Google Tink). Every other algorithm is refused
 * before any key is looked at: {@code none}, and above all {@code HS256}, which would let whoever holds the public key
 * (everyone) sign tokens with it as a shared secret. Only a token whose signature verifies has its claims read: a
 * {@code sub} of 1 to {@value #MAX_SUBJECT_LENGTH} characters, an {@code aud} holding {@value #AUDIENCE}, an
 * {@code iat} and an {@code exp} at most {@link #MAX_LIFETIME} apart, and the present moment between them, give or take
 * {@link #CLOCK_SKEW} for the shop's clock. Keys are looked up by their own rule (usually {@link ConsumerKeys}), so that
 * these rules can be tried without a database.
 */
@Component
public class ConsumerTokens {

    public static final String AUDIENCE = "siyu-consumer";
    public static final Duration MAX_LIFETIME = Duration.ofHours(1);
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final int MAX_TOKEN_LENGTH = 4_096;
    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_TOKEN_ID_LENGTH = 200;
    private static final Set<JWSAlgorithm> ACCEPTED =
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final Function<String, Optional<VerifyingKey>> keys;

    @Autowired
    ConsumerTokens(ConsumerKeys keys) {
        this(keys::verifying);
    }

    ConsumerTokens(Function<String, Optional<VerifyingKey>> keys) {
        this.keys = keys;
    }

    /** What became of a token: the customer it speaks for, or the rule it broke. */
    public sealed interface Verdict {}

    public record Accepted(ConsumerCaller caller) implements Verdict {}

    public record Refused(TokenRefusal reason, String detail) implements Verdict {

        Refused(TokenRefusal reason) {
            this(reason, reason.detail());
        }
    }

    /**
     * Checks a token at {@code now}. A change ({@code change}) also needs a {@code jti}; that it is used only once is
     * {@link TokenUses}' part.
     */
    public Verdict verify(String token, Instant now, boolean change) {
        if (token == null || token.isBlank()) {
            return new Refused(TokenRefusal.MISSING);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Refused(TokenRefusal.MALFORMED, "the token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token.strip());
        } catch (ParseException | RuntimeException e) {
            return new Refused(TokenRefusal.MALFORMED);
        }
        // an unsecured token (alg none) or an encrypted one is no signed token
        if (!(parsed instanceof SignedJWT jwt)) {
            return new Refused(TokenRefusal.ALGORITHM);
        }
        var header = jwt.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            return new Refused(TokenRefusal.ALGORITHM);
        }
        if (header.getType() != null && !header.getType().equals(JOSEObjectType.JWT)) {
            return new Refused(TokenRefusal.TYPE);
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return new Refused(TokenRefusal.CRITICAL_HEADER);
        }
        var kid = header.getKeyID();
        var key = kid == null || kid.length() > ConsumerKeyRules.MAX_KID_LENGTH
                ? Optional.<VerifyingKey>empty()
                : keys.apply(kid);
        if (key.isEmpty()) {
            return new Refused(TokenRefusal.UNKNOWN_KEY);
        }
        if (!key.get().status().verifies()) {
            return new Refused(TokenRefusal.REVOKED_KEY);
        }
        if (!ConsumerKeyRules.fits(key.get().algorithm(), header.getAlgorithm().getName())) {
            return new Refused(
                    TokenRefusal.ALGORITHM,
                    "the key " + kid + " is a key for " + key.get().algorithm() + ", not for "
                            + header.getAlgorithm().getName());
        }
        if (!verifies(jwt, key.get())) {
            return new Refused(TokenRefusal.SIGNATURE);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Refused(TokenRefusal.CLAIMS);
        }
        return claims(claims, kid, now, change);
    }

    private static Verdict claims(JWTClaimsSet claims, String kid, Instant now, boolean change) {
        String subject;
        Date issuedAt;
        Date expiry;
        Date notBefore;
        String tokenId;
        try {
            subject = claims.getStringClaim("sub");
            issuedAt = claims.getDateClaim("iat");
            expiry = claims.getDateClaim("exp");
            notBefore = claims.getDateClaim("nbf");
            tokenId = claims.getStringClaim("jti");
            claims.getStringListClaim("aud");
        } catch (ParseException e) {
            return new Refused(TokenRefusal.CLAIMS);
        }
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
            return new Refused(TokenRefusal.SUBJECT);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
            return new Refused(TokenRefusal.AUDIENCE);
        }
        if (issuedAt == null) {
            return new Refused(TokenRefusal.ISSUED_AT);
        }
        if (expiry == null) {
            return new Refused(TokenRefusal.EXPIRY);
        }
        var issued = issuedAt.toInstant();
        var expires = expiry.toInstant();
        if (expires.isBefore(issued) || Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0) {
            return new Refused(TokenRefusal.LIFETIME);
        }
        if (!now.isBefore(expires.plus(CLOCK_SKEW))) {
            return new Refused(TokenRefusal.EXPIRED);
        }
        var validFrom = notBefore == null || notBefore.toInstant().isBefore(issued) ? issued : notBefore.toInstant();
        if (now.isBefore(validFrom.minus(CLOCK_SKEW))) {
            return new Refused(TokenRefusal.NOT_YET_VALID);
        }
        if (tokenId != null && (tokenId.isEmpty() || tokenId.length() > MAX_TOKEN_ID_LENGTH)) {
            return new Refused(TokenRefusal.TOKEN_ID);
        }
        if (change && tokenId == null) {
            return new Refused(TokenRefusal.TOKEN_ID);
        }
        return new Accepted(new ConsumerCaller(subject, kid, tokenId, expires));
    }

    private static boolean verifies(SignedJWT jwt, VerifyingKey key) {
        try {
            JWSVerifier verifier = switch (key.jwk()) {
                case ECKey ec -> new ECDSAVerifier(ec);
                case OctetKeyPair okp -> new Ed25519Verifier(okp);
                default -> null;
            };
            return verifier != null && jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }
}
