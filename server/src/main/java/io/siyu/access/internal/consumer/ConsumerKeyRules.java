package io.siyu.access.internal.consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a consumer key must be to be registered: the public half of an ES256 key (a JWK of {@code kty} {@code EC} on
 * the curve {@code P-256}) or of an Ed25519 key ({@code kty} {@code OKP}, {@code crv} {@code Ed25519}), with a
 * {@code kid}. A JWK holding a private key ({@code d}) is refused: the shop keeps its private key, and one that has been
 * sent anywhere is no longer private. RSA keys and shared secrets ({@code oct}) are refused too: tokens signed with them
 * are not accepted, so that a public key can never be mistaken for an HMAC secret.
 */
public final class ConsumerKeyRules {

    static final int MAX_KID_LENGTH = 100;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._:~-]{1," + MAX_KID_LENGTH + "}");
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Set<String> ED25519_ALGORITHMS = Set.of("EdDSA", "Ed25519");

    private ConsumerKeyRules() {}

    /** A key that passed the rules: its id, the algorithm family it verifies ({@code ES256} or {@code EdDSA}). */
    public record PublicKey(String kid, String algorithm, JWK jwk) {}

    /** Reads a public JWK sent as {@code field}, or refuses it naming each member that breaks a rule. */
    public static PublicKey read(String field, JsonNode jwk) {
        if (jwk == null || jwk.isNull()) {
            throw new InvalidInputException(field, "required", "is required: the public key as a JWK (a JSON object)");
        }
        if (!jwk.isObject()) {
            throw new InvalidInputException(field, "type", "must be a JWK (a JSON object)");
        }
        var violations = new ArrayList<Violation>();
        for (var member : PRIVATE_MEMBERS) {
            if (jwk.has(member)) {
                violations.add(new Violation(
                        field + "." + member,
                        "private-key",
                        "this JWK holds a private key: register only the public key (leave out '" + member
                                + "'), keep the private key on the shop's servers, and make a new key pair, since this"
                                + " one has left them"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var kty = text(jwk, "kty");
        var crv = text(jwk, "crv");
        var kid = text(jwk, "kid");
        String algorithm = null;
        if (kty == null) {
            violations.add(new Violation(field + ".kty", "required", "is required: EC (for ES256) or OKP (Ed25519)"));
        } else if (kty.equals("EC")) {
            algorithm = "ES256";
            if (!"P-256".equals(crv)) {
                violations.add(new Violation(field + ".crv", "one-of", "an EC key must be on the curve P-256 (ES256)"));
            }
        } else if (kty.equals("OKP")) {
            algorithm = "EdDSA";
            if (!"Ed25519".equals(crv)) {
                violations.add(new Violation(field + ".crv", "one-of", "an OKP key must be on the curve Ed25519"));
            }
        } else {
            violations.add(new Violation(
                    field + ".kty",
                    "one-of",
                    "must be EC (P-256, for ES256) or OKP (Ed25519); RSA keys and shared secrets are not accepted"));
        }
        if (kid == null) {
            violations.add(new Violation(field + ".kid", "required", "is required: the key id tokens name in 'kid'"));
        } else if (!KID.matcher(kid).matches()) {
            violations.add(new Violation(
                    field + ".kid",
                    "key-id",
                    "must have 1 to " + MAX_KID_LENGTH
                            + " letters, digits or . _ : ~ - (it is part of the key's address)"));
        }
        var alg = text(jwk, "alg");
        if (jwk.has("alg") && algorithm != null && !fits(algorithm, alg)) {
            violations.add(new Violation(
                    field + ".alg",
                    "one-of",
                    algorithm.equals("ES256") ? "an EC key is for ES256" : "an Ed25519 key is for EdDSA or Ed25519"));
        }
        if (jwk.has("use") && !"sig".equals(text(jwk, "use"))) {
            violations.add(new Violation(field + ".use", "one-of", "must be sig when present"));
        }
        for (var member : List.of("kty", "crv", "kid", "alg", "use", "x", "y")) {
            if (jwk.has(member) && !jwk.get(member).isString()) {
                violations.add(new Violation(field + "." + member, "type", "must be a text"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new PublicKey(kid, algorithm, parse(field, jwk, algorithm));
    }

    /** Whether a token's {@code alg} header fits a key registered for {@code algorithm}. */
    public static boolean fits(String algorithm, String alg) {
        return algorithm.equals("ES256") ? "ES256".equals(alg) : ED25519_ALGORITHMS.contains(alg);
    }

    private static JWK parse(String field, JsonNode jwk, String algorithm) {
        var refusal = new InvalidInputException(
                field,
                "key",
                algorithm.equals("ES256")
                        ? "is not a public key: x and y must be the base64url coordinates of a point on P-256"
                        : "is not a public key: x must be the base64url encoding of an Ed25519 public key (32 bytes)");
        try {
            var parsed = JWK.parse(jwk.toString());
            if (parsed.isPrivate()) {
                throw refusal;
            }
            // a verifier is what the key is for: building one proves the key can verify
            switch (parsed) {
                case ECKey ec when ec.getCurve().equals(Curve.P_256) -> new ECDSAVerifier(ec);
                case OctetKeyPair okp when okp.getCurve().equals(Curve.Ed25519) -> new Ed25519Verifier(okp);
                default -> throw refusal;
            }
            return parsed.toPublicJWK();
        } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException e) {
            throw refusal;
        }
    }

    private static String text(JsonNode jwk, String member) {
        var value = jwk.get(member);
        return value != null && value.isString() ? value.asString() : null;
    }
}
