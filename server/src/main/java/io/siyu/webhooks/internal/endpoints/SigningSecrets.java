package io.siyu.webhooks.internal.endpoints;

import com.google.crypto.tink.Aead;
import io.siyu.shared.SealingKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Makes endpoints' signing secrets and keeps them sealed at rest, as personal data is: AES-256-GCM under a Tink keyset
 * generated on first start (or given in {@code SIYU_WEBHOOK_KEYS}), each secret bound to its endpoint's id as
 * associated data, so a sealed secret copied to another endpoint's row cannot be opened there. Secrets are 32 random
 * bytes, shown to people once as {@code whsec_} and their base64, as the Standard Webhooks specification serialises
 * them; Siyu signs with the bytes. Losing the keyset means every endpoint needs a new secret, so back it up apart from
 * the database.
 */
public final class SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "whsec_";

    private final Aead aead;

    private SigningSecrets(Aead aead) {
        this.aead = aead;
    }

    /** Opens the keyset given as JSON, else the one in the file, creating the file on first start. */
    public static SigningSecrets open(@Nullable String keysetInEnvironment, Path keyFile) {
        return new SigningSecrets(SealingKeys.open(
                keysetInEnvironment,
                keyFile,
                "the webhook keys",
                "without it every webhook endpoint needs a new signing secret"));
    }

    /** A new secret: 32 random bytes. */
    static byte[] generate() {
        var secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as people copy it into their receivers: {@code whsec_<base64>}. */
    static String shown(byte[] secret) {
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    /** The part of a secret lists show, so that people can tell secrets apart. */
    static String prefix(byte[] secret) {
        return shown(secret).substring(0, PREFIX.length() + 4) + "…";
    }

    byte[] seal(long endpointId, byte[] secret) {
        try {
            return aead.encrypt(secret, associatedData(endpointId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(long endpointId, byte[] sealed) {
        try {
            return aead.decrypt(sealed, associatedData(endpointId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the signing secret of webhook endpoint " + endpointId + " cannot be opened with the current keys",
                    e);
        }
    }

    private static byte[] associatedData(long endpointId) {
        return ("webhook-endpoint:" + endpointId).getBytes(StandardCharsets.UTF_8);
    }
}
