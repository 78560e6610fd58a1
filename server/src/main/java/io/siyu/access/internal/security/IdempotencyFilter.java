package io.siyu.access.internal.security;

import io.siyu.access.ConsumerCaller;
import io.siyu.access.internal.operators.OperatorPrincipal;
import io.siyu.shared.Problems;
import io.siyu.shared.Sha256;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes changes through the operator API and the consumer API safe to retry: a request that carries an
 * {@code Idempotency-Key} header is carried out once per caller and key, and a repetition within {@link #RETENTION} gets
 * the first answer again (with {@code Idempotency-Replayed: true}). Keys belong to one principal (an operator or an API
 * token, by id; a customer of the consumer API, by the shop's user id): another caller's request with the same key is a request of its own. Before anything is replayed the caller must still pass
 * the handler's permission rule, so that an answer is never replayed to a caller who may no longer have it. The same
 * key with a different request, or from the same caller with other permissions, is refused with 422; a repetition
 * that arrives while the first is still running is refused with 409. Failures of the server (5xx) are not kept, so
 * that the retry is carried out.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int IN_PROGRESS = 0;
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final HandlerAuthorization authorization;

    IdempotencyFilter(JdbcTemplate jdbc, JsonMapper json, Clock clock, HandlerAuthorization authorization) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.authorization = authorization;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || !CHANGES.contains(request.getMethod())
                || !(request.getRequestURI().startsWith("/api/")
                        || request.getRequestURI().startsWith("/consumer/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var key = request.getHeader(HEADER).strip();
        var actor = authentication == null ? null : actor(authentication.getPrincipal());
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(
                    response,
                    json,
                    Problems.invalidInput(List.of(
                            new Violation(HEADER, "length", "must have 1 to " + MAX_KEY_LENGTH + " characters"))));
            return;
        }
        // the body is held to be hashed and offered again; a file of a gigabyte is not (imports are idempotent by line)
        var body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            Problems.write(
                    response,
                    json,
                    Problems.invalidInput(List.of(new Violation(
                            HEADER,
                            "max-body-size",
                            "works with bodies of up to " + MAX_BODY_BYTES / (1024 * 1024)
                                    + " MB; send larger ones without it (imports store a line once however often "
                                    + "it is sent)"))));
            return;
        }
        var replayable = new BodyReplayingRequest(request, body);
        // what the caller may do is part of the request: an answer made for other permissions (a preview with phone
        // numbers in clear, say) is not the answer to this one
        var permissions = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .sorted()
                .toList();
        var hash = hash(
                request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + " "
                        + permissions,
                body);
        var now = clock.instant();
        jdbc.update("delete from access.idempotent_request where created_at < ?", Timestamps.of(now.minus(RETENTION)));
        var claimed = jdbc.update(
                """
                insert into access.idempotent_request (actor, idempotency_key, method, path, request_hash, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", actor, key, request.getMethod(), request.getRequestURI(), hash, IN_PROGRESS, Timestamps.of(now));
        if (claimed == 0) {
            if (!authorization.permits(request, authentication)) {
                Problems.write(response, json, Problems.forbidden("your role does not allow this action"));
                return;
            }
            replay(actor, key, hash, response);
            return;
        }
        var wrapped = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(replayable, wrapped);
        } finally {
            if (wrapped.getStatus() >= 500) {
                jdbc.update(
                        "delete from access.idempotent_request where actor = ? and idempotency_key = ?", actor, key);
            } else {
                jdbc.update(
                        """
                        update access.idempotent_request set status = ?, content_type = ?, body = ?
                         where actor = ? and idempotency_key = ?""",
                        wrapped.getStatus(),
                        wrapped.getContentType(),
                        wrapped.getContentAsByteArray(),
                        actor,
                        key);
            }
            wrapped.copyBodyToResponse();
        }
    }

    /**
     * Whose keys these are: an operator's or an API token's, or a customer's of the consumer API (by a digest of the
     * shop's user id, so that the table names nobody); none for other callers.
     */
    private static String actor(Object principal) {
        return switch (principal) {
            case OperatorPrincipal operator -> operator.key();
            case ConsumerCaller customer -> "consumer:" + Sha256.hex(customer.subject());
            default -> null;
        };
    }

    private void replay(String actor, String key, String hash, HttpServletResponse response) throws IOException {
        var stored = jdbc.query(
                """
                select request_hash, status, content_type, body from access.idempotent_request
                 where actor = ? and idempotency_key = ?""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)},
                actor,
                key);
        if (stored.isEmpty()) {
            conflict(response, "retry: the first request with this key just failed");
            return;
        }
        var row = stored.getFirst();
        if (!hash.equals(row[0])) {
            Problems.write(
                    response,
                    json,
                    Problems.problem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Idempotency key reused",
                            "this Idempotency-Key was used for a different request, or by this caller with other permissions; "
                                    + "use a new key for a new request"));
            return;
        }
        if ((int) row[1] == IN_PROGRESS) {
            conflict(response, "a request with this Idempotency-Key is still being carried out; retry in a moment");
            return;
        }
        response.setStatus((int) row[1]);
        response.setHeader("Idempotency-Replayed", "true");
        if (row[2] != null) {
            response.setContentType((String) row[2]);
        }
        if (row[3] != null) {
            response.getOutputStream().write((byte[]) row[3]);
        }
    }

    private void conflict(HttpServletResponse response, String detail) throws IOException {
        Problems.write(response, json, Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail));
    }

    private static String hash(String line, byte[] body) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request whose body was read already, offered again to the handlers. */
    private static final class BodyReplayingRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        BodyReplayingRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            var in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    // the whole body is in memory: it is available now, and all of it once read
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        if (isFinished()) {
                            listener.onAllDataRead();
                        }
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(
                    new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
