package io.siyu.messaging.internal.tracking;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.wechat.WechatProperties;
import io.siyu.shared.BodyTooLargeException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The address WeChat pushes an app's events to (消息推送), one per app: {@code /t/wechat/{token}/push}, where the
 * token is the app's push Token, the one entered as Token (令牌) in WeChat's back office. A token no app has answers 404
 * and reads nothing. WeChat's {@code GET} checks the address when it is saved: it is answered with {@code echostr} when
 * its signature is the Token's. A {@code POST} is a push in XML, plaintext or in the safe mode (安全模式,
 * {@code encrypt_type=aes}); its signature must be the Token's and its timestamp within {@link #SKEW} of Siyu's clock,
 * so a push recorded elsewhere cannot be sent again later. A push is answered {@code success} as WeChat documents,
 * once it is handled, also a delivery report of a message Siyu has not settled yet, which is kept until it is
 * ({@link EarlyReceipts}). Public by design, like the other {@code /t/} links; not part of the operator API's description.
 */
@Hidden
@RestController
class WechatPushController {

    /** The largest push Siyu reads; WeChat's events are far smaller. */
    static final int MAX_BYTES = 64 * 1024;

    /** How far a push's timestamp may be from Siyu's clock. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private static final String PUSH = "/t/wechat/{token}/push";

    private final ProviderSettings settings;
    private final WechatPushes pushes;
    private final Clock clock;

    WechatPushController(ProviderSettings settings, WechatPushes pushes, Clock clock) {
        this.settings = settings;
        this.pushes = pushes;
        this.clock = clock;
    }

    /** An app that takes pushes, and the channel whose messages it sends. */
    private record App(Channel channel, WechatProperties.App settings, String token) {}

    @GetMapping(value = PUSH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<?> verify(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String timestamp,
            @RequestParam(required = false) @Nullable String nonce,
            @RequestParam(required = false) @Nullable String echostr) {
        var app = app(token);
        var refused = refusal(app.token(), signature, timestamp, nonce);
        if (refused != null) {
            return refused;
        }
        var echo = required("echostr", echostr);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echo);
    }

    @PostMapping(value = PUSH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<?> push(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String timestamp,
            @RequestParam(required = false) @Nullable String nonce,
            @RequestParam(name = "encrypt_type", required = false) @Nullable String encryptType,
            @RequestParam(name = "msg_signature", required = false) @Nullable String msgSignature,
            HttpServletRequest request) {
        var app = app(token);
        var encrypted = encryptType != null && !encryptType.equals("raw");
        if (encrypted && !encryptType.equals("aes")) {
            throw new InvalidInputException("encrypt_type", "one-of", "must be aes or raw, as WeChat sends it");
        }
        // in the safe mode, msg_signature signs the encrypted message too, and is the one checked
        var refused = encrypted ? fresh(timestamp, nonce) : refusal(app.token(), signature, timestamp, nonce);
        if (refused != null) {
            return refused;
        }
        var push = WechatPushProtocol.parse(body(request));
        if (encrypted) {
            var message = required("Encrypt", WechatPushProtocol.text(push, "Encrypt"));
            if (!WechatPushProtocol.matches(
                    WechatPushProtocol.signature(app.token(), timestamp, nonce, message),
                    required("msg_signature", msgSignature))) {
                return forbidden("msg_signature is not the push Token's signature of the encrypted message");
            }
            var key = app.settings().encodingAesKey();
            if (key == null || key.isBlank()) {
                throw new InvalidInputException(
                        "encrypt_type",
                        "wechat-encoding-aes-key",
                        "the push is encrypted but the app has no EncodingAESKey: give it in Messaging › Channels");
            }
            push = WechatPushProtocol.parse(
                    WechatPushProtocol.decrypt(key, message, app.settings().appId()));
        }
        pushes.handle(app.channel(), push);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }

    /**
     * The app whose push Token the path names, the official account's before the mini-program's (give each its own);
     * 404 for none. Both are compared, in constant time.
     */
    private App app(String token) {
        var wechat = settings.wechat();
        var account = app(Channel.WECHAT_TEMPLATE, wechat.officialAccount(), token);
        var miniProgram = app(Channel.WECHAT_SUBSCRIBE, wechat.miniProgram(), token);
        var found = account != null ? account : miniProgram;
        if (found == null) {
            throw new NotFoundException("push address", "token");
        }
        return found;
    }

    private static @Nullable App app(Channel channel, WechatProperties.App settings, String token) {
        if (!settings.pushOpen() || settings.appId() == null) {
            return null;
        }
        var own = settings.pushToken().strip();
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), own.getBytes(StandardCharsets.UTF_8))
                ? new App(channel, settings, own)
                : null;
    }

    /** Why the request is not WeChat's, as a 403 problem; null when its signature and timestamp are good. */
    private @Nullable ResponseEntity<ProblemDetail> refusal(
            String token, @Nullable String signature, @Nullable String timestamp, @Nullable String nonce) {
        var stale = fresh(timestamp, nonce);
        if (stale != null) {
            return stale;
        }
        if (!WechatPushProtocol.matches(
                WechatPushProtocol.signature(token, timestamp, nonce), required("signature", signature))) {
            return forbidden("signature is not the push Token's signature of timestamp and nonce");
        }
        return null;
    }

    /** A 403 problem when the timestamp is too far from Siyu's clock (a replay), else null. */
    private @Nullable ResponseEntity<ProblemDetail> fresh(@Nullable String timestamp, @Nullable String nonce) {
        var at = required("timestamp", timestamp);
        required("nonce", nonce);
        if (!at.matches("[0-9]{1,12}")) {
            throw new InvalidInputException("timestamp", "type", "must be seconds since 1970, as WeChat sends it");
        }
        var skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(at)), clock.instant())
                .abs();
        if (skew.compareTo(SKEW) > 0) {
            return forbidden("timestamp is more than " + SKEW.toMinutes() + " minutes from Siyu's clock");
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> forbidden(String detail) {
        return Problems.respond(Problems.forbidden(detail));
    }

    private static String required(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "required", "must be given, as WeChat sends it");
        }
        if (value.length() > MAX_BYTES) {
            throw new InvalidInputException(name, "max-length", "must have at most " + MAX_BYTES + " characters");
        }
        return value;
    }

    private static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new BodyTooLargeException(MAX_BYTES);
        }
        try {
            var body = request.getInputStream().readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new BodyTooLargeException(MAX_BYTES);
            }
            if (body.length == 0) {
                throw new InvalidInputException("body", "required", "must be WeChat's XML push");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
