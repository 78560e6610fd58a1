package io.siyu.messaging.internal.tracking;

import io.siyu.messaging.internal.delivery.MessagingProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The links a message carries back to Siyu, each signed with HMAC-SHA256 under a key made on first start and kept in
 * the database: nobody can forge an unsubscribe for another customer's message, count an open that did not happen, or
 * turn the click redirect into an open redirect to an address no message held.
 *
 * <p>A token is {@code <send id>.<kind>.<signature>}: the ledger row it concerns, what it does ({@code o} open,
 * {@code c} click, {@code u} unsubscribe) and 128 bits of the MAC over both and, for a click, the target address.
 */
@Component
public class TrackingLinks {

    static final String OPEN = "o";
    static final String CLICK = "c";
    static final String UNSUBSCRIBE = "u";

    private static final Pattern TOKEN = Pattern.compile("([0-9]{1,18})\\.([ocu])\\.([A-Za-z0-9_-]{22})");
    private static final Pattern HREF =
            Pattern.compile("(<a\\b[^>]*?\\bhref=\")(https?://[^\"]+)(\")", Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY_END = Pattern.compile("</body>", Pattern.CASE_INSENSITIVE);

    private final byte[] key;
    private final String base;

    TrackingLinks(JdbcTemplate jdbc, MessagingProperties properties, Clock clock) {
        var fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.update(
                "insert into messaging.signing_key (id, secret, created_at) values (1, ?, ?) on conflict do nothing",
                fresh,
                io.siyu.shared.Timestamps.of(clock.instant()));
        this.key = jdbc.queryForObject("select secret from messaging.signing_key where id = 1", byte[].class);
        this.base = properties.publicUrl().replaceAll("/+$", "");
    }

    /** A verified token: the ledger row and what the link does. */
    public record Token(long sendId, String kind) {}

    public String openUrl(long sendId) {
        return base + "/t/o/" + token(sendId, OPEN, "");
    }

    public String clickUrl(long sendId, String target) {
        return base + "/t/c/" + token(sendId, CLICK, target) + "?u="
                + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    public String unsubscribeUrl(long sendId) {
        return base + "/t/u/" + token(sendId, UNSUBSCRIBE, "");
    }

    /** The token's ledger row, if the token is well-formed, of the expected kind and signed by Siyu. */
    public Optional<Token> verify(String token, String kind, String target) {
        var matcher = TOKEN.matcher(token);
        if (!matcher.matches() || !matcher.group(2).equals(kind)) {
            return Optional.empty();
        }
        var sendId = Long.parseLong(matcher.group(1));
        var expected = token(sendId, kind, target);
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(new Token(sendId, kind))
                : Optional.empty();
    }

    /**
     * Puts the tracking into a rendered HTML body: every web link goes through the click redirect (links back to
     * Siyu stay as they are) and the open pixel goes before the end of the body.
     */
    public String track(String html, long sendId) {
        var matcher = HREF.matcher(html);
        var out = new StringBuilder();
        while (matcher.find()) {
            var target = HtmlText.decode(matcher.group(2));
            var replacement = target.startsWith(base + "/t/")
                    ? matcher.group()
                    : matcher.group(1) + HtmlText.encode(clickUrl(sendId, target)) + matcher.group(3);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        var pixel = "<img src=\"" + HtmlText.encode(openUrl(sendId))
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">";
        var end = BODY_END.matcher(out);
        if (end.find()) {
            out.insert(end.start(), pixel);
        } else {
            out.append(pixel);
        }
        return out.toString();
    }

    /**
     * A digest of an address keyed with the signing key: the ledger keeps it so that a provider's receipts and replies,
     * which name the phone number, find their message, without the number being kept in clear or being guessable from
     * the digest by trying every number.
     */
    public String recipientKey(String address) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(("recipient:" + address).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String token(long sendId, String kind, String target) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((sendId + ":" + kind + ":" + target).getBytes(StandardCharsets.UTF_8));
            var signature = Arrays.copyOf(mac.doFinal(), 16);
            return sendId + "." + kind + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
