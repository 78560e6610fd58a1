package io.siyu.messaging.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's request signature V3 ({@code ACS3-HMAC-SHA256}), as its OpenAPI documentation describes it, for the
 * SMS API. The canonical request is the method, the path, the query sorted by name with names and values
 * percent-encoded (RFC 3986: a space is {@code %20}, {@code *} is {@code %2A}, {@code ~} stays), the signed headers
 * ({@code host}, {@code content-type} if sent, every {@code x-acs-*}) as lower-case {@code name:trimmed value} lines
 * sorted by name, an empty line, their names joined by {@code ;}, and the hex SHA-256 of the body. The string to sign
 * is {@code ACS3-HMAC-SHA256}, a line break and the hex SHA-256 of the canonical request; the signature is the hex
 * HMAC-SHA256 of that under the AccessKey secret.
 */
public final class AcsSignature {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private AcsSignature() {}

    /**
     * A signed request's parts.
     *
     * @param headers the headers to send: those given, {@code x-acs-content-sha256} and {@code Authorization}
     */
    public record Signed(String canonicalRequest, String stringToSign, String signature, Map<String, String> headers) {}

    /**
     * Signs a request.
     *
     * @param headers {@code host} and the {@code x-acs-*} headers ({@code x-acs-action}, {@code x-acs-version},
     *     {@code x-acs-date}, {@code x-acs-signature-nonce}); {@code x-acs-content-sha256} is added
     */
    public static Signed sign(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            byte[] body,
            String accessKeyId,
            String accessKeySecret) {
        var payloadHash = sha256Hex(body);
        var all = new TreeMap<String, String>();
        headers.forEach((name, value) -> all.put(name.toLowerCase(Locale.ROOT), value.strip()));
        all.put("x-acs-content-sha256", payloadHash);
        var signed = new TreeMap<String, String>();
        all.forEach((name, value) -> {
            if (name.equals("host") || name.equals("content-type") || name.startsWith("x-acs-")) {
                signed.put(name, value);
            }
        });
        var signedHeaders = String.join(";", signed.keySet());
        var canonicalRequest = method.toUpperCase(Locale.ROOT) + "\n" + (path.isEmpty() ? "/" : path) + "\n"
                + canonicalQuery(query) + "\n"
                + signed.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                        .collect(Collectors.joining())
                + "\n" + signedHeaders + "\n" + payloadHash;
        var stringToSign = ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        var signature = hmacSha256Hex(accessKeySecret, stringToSign);
        var out = new TreeMap<String, String>(all);
        out.put(
                "authorization",
                ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature="
                        + signature);
        return new Signed(canonicalRequest, stringToSign, signature, out);
    }

    /** The query as the canonical request and the URL carry it: sorted by encoded name, names and values encoded. */
    public static String canonicalQuery(Map<String, String> query) {
        var encoded = new TreeMap<String, String>();
        query.forEach((name, value) -> encoded.put(percentEncode(name), percentEncode(value == null ? "" : value)));
        return encoded.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding of UTF-8: unreserved characters stay, everything else is {@code %XX}. */
    public static String percentEncode(String text) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            var c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hmacSha256Hex(String key, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
