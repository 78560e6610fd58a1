package io.siyu.access.internal.consumer;

/**
 * Why a consumer token was refused: the rule it broke, named in the 401 answer's {@code reason} so that the shop's
 * developers see which rule failed, never the token itself.
 */
public enum TokenRefusal {
    MISSING("missing", "send the customer's token as Authorization: Bearer <token>"),
    MALFORMED("malformed", "the token is not a signed JWT in compact form (header.payload.signature)"),
    ALGORITHM("algorithm", "the token's alg must be ES256, EdDSA or Ed25519, and fit its key"),
    TYPE("type", "the token's typ, when present, must be JWT"),
    CRITICAL_HEADER("critical-header", "the token lists critical header parameters (crit), which Siyu does not take"),
    UNKNOWN_KEY("unknown-key", "the token's kid names no registered consumer key"),
    REVOKED_KEY("revoked-key", "the key that signed the token is revoked"),
    SIGNATURE("signature", "the signature does not verify with the registered key the token names"),
    CLAIMS("claims", "the token's claims are not a JSON object of the registered claim types"),
    SUBJECT("subject", "sub must be the shop's user id of the customer, 1 to 200 characters"),
    AUDIENCE("audience", "aud must contain siyu-consumer"),
    ISSUED_AT("issued-at", "iat is required"),
    EXPIRY("expiry", "exp is required"),
    LIFETIME("lifetime", "the token lives too long: exp may be at most one hour after iat"),
    EXPIRED("expired", "the token has expired"),
    NOT_YET_VALID("not-yet-valid", "the token is not valid yet: its iat or nbf lies in the future"),
    TOKEN_ID("token-id", "a change needs a token with a jti claim of 1 to 200 characters, used only once"),
    REPLAYED("replayed", "this token's jti was used for a change already; sign a new token for every change");

    private final String wireName;
    private final String detail;

    TokenRefusal(String wireName, String detail) {
        this.wireName = wireName;
        this.detail = detail;
    }

    /** The {@code reason} in answers. */
    public String wireName() {
        return wireName;
    }

    public String detail() {
        return detail;
    }
}
