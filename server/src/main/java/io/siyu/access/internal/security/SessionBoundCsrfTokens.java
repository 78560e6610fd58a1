package io.siyu.access.internal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * CSRF tokens bound to the session they were issued for: the signed double-submit cookie.
 *
 * <p>The console reads the token from the {@value #COOKIE} cookie and sends it back in the {@value #HEADER} header. A
 * token is a random value with an HMAC over it and the session's id, under a key that lives only in this process's
 * memory (sessions do too), so a token is worthless in any other session: one planted in the browser by a sibling
 * subdomain, or kept from before signing in or out, is refused. Nothing is stored on the server, so anonymous visitors
 * create no sessions.
 */
class SessionBoundCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    static final String PARAMETER = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];

    SessionBoundCsrfTokens() {
        RANDOM.nextBytes(key);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        var nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        var random = BASE64.encodeToString(nonce);
        return token(random + "." + signature(random, sessionId(request)));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        var cookie = ResponseCookie.from(COOKIE, token == null ? "" : token.getToken())
                .path("/")
                .sameSite("Strict")
                .secure(request.isSecure())
                .httpOnly(false)
                .maxAge(token == null ? 0 : -1)
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && issuedFor(cookie.getValue(), sessionId(request))) {
                return token(cookie.getValue());
            }
        }
        return null;
    }

    private boolean issuedFor(String value, String sessionId) {
        var dot = value.indexOf('.');
        if (dot <= 0 || value.length() > 200) {
            return false;
        }
        var expected = signature(value.substring(0, dot), sessionId);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String random, String sessionId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(random.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '|');
            mac.update(sessionId.getBytes(StandardCharsets.US_ASCII));
            return BASE64.encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The id of the request's live session, or empty before signing in. */
    private static String sessionId(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? "" : session.getId();
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(HEADER, PARAMETER, value);
    }
}
