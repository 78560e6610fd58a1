package io.siyu.webhooks.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} of the Standard Webhooks specification: {@code v1,} and the base64 HMAC-SHA256, under
 * the endpoint's secret, of {@code <webhook-id>.<webhook-timestamp>.<body>}; one such signature per secret that signs,
 * separated by spaces, so that a receiver part-way through a rotation accepts either.
 */
final class Signature {

    private Signature() {}

    /** The header's value for a delivery signed with each of {@code secrets}. */
    static String header(List<byte[]> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** One signature: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. */
    static String sign(byte[] secret, String id, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
