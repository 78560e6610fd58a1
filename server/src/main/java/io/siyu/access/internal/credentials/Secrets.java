package io.siyu.access.internal.credentials;

import io.siyu.shared.Sha256;
import java.security.SecureRandom;

/**
 * Generates and digests the bearer secrets Siyu hands out (write keys, API tokens).
 *
 * <p>The secrets carry 190 bits of randomness, so a fast unsalted SHA-256 digest is enough to store them: unlike a
 * password there is nothing to guess, and a fast digest lets every request be checked by an indexed lookup.
 */
final class Secrets {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String generate(String kind) {
        var secret = new StringBuilder("sy").append(kind).append('_');
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }

    static String digest(String secret) {
        return Sha256.hex(secret);
    }

    /** The part of a secret shown in lists so that people can tell keys apart. */
    static String prefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), 10)) + "…";
    }
}
