package io.siyu.access.internal.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.siyu.access.AuditLog;
import io.siyu.access.Role;
import io.siyu.access.Viewer;
import io.siyu.access.WriteKeyScope;
import io.siyu.access.WriteKeys;
import io.siyu.access.internal.operators.OperatorPrincipal;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write keys (for ingestion) and API tokens (for the operator API): issued once in clear, stored as digests, revoked
 * for good.
 *
 * <p>Authenticating ingestion must not cost a database round trip per request at tens of thousands of events per
 * second, so live write keys are cached for {@link #CACHE_TTL}. A revocation clears this node's cache at once; on other
 * nodes a revoked key keeps working for at most that long.
 */
@Service
public class Credentials implements WriteKeys {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, Optional<WriteKeySource>> writeKeyCache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000)
            .build();
    private final Cache<String, Optional<OperatorPrincipal>> tokenCache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000)
            .build();

    public Credentials(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A write key or token as listed: never the secret itself. A write key has a scope, a token a role. */
    public record Issued(
            long id,
            String name,
            String prefix,
            @Nullable Role role,
            @Nullable WriteKeyScope scope,
            String createdBy,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {}

    /** A freshly issued secret, shown exactly once. */
    public record NewSecret(Issued issued, String secret) {}

    @Override
    public Optional<WriteKeySource> authenticate(String writeKey) {
        if (writeKey == null || writeKey.isBlank() || writeKey.length() > 200) {
            return Optional.empty();
        }
        var digest = Secrets.digest(writeKey);
        return writeKeyCache.get(digest, d -> {
            var found = jdbc.sql("""
                            update access.write_key set last_used_at = ? where key_hash = ? and revoked_at is null
                            returning id, name, scope""")
                    .params(Timestamps.of(clock.instant()), d)
                    .query((rs, n) -> new WriteKeySource(
                            rs.getLong("id"), rs.getString("name"), WriteKeyScope.valueOf(rs.getString("scope"))))
                    .optional();
            return found;
        });
    }

    public Optional<OperatorPrincipal> authenticateToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return tokenCache.get(
                Secrets.digest(token),
                d -> jdbc.sql("""
                        update access.api_token set last_used_at = ? where token_hash = ? and revoked_at is null
                        returning id, name, role""")
                        .params(Timestamps.of(clock.instant()), d)
                        .query((rs, n) -> new OperatorPrincipal(
                                rs.getLong("id"),
                                rs.getString("name"),
                                rs.getString("name"),
                                Role.valueOf(rs.getString("role")),
                                OperatorPrincipal.Kind.API_TOKEN,
                                0))
                        .optional());
    }

    public List<Issued> writeKeys() {
        return list(Kind.WRITE_KEY);
    }

    public List<Issued> apiTokens() {
        return list(Kind.API_TOKEN);
    }

    @Transactional
    public NewSecret issueWriteKey(String name, WriteKeyScope scope) {
        return issueWriteKey(name, scope, Secrets.generate("wk"));
    }

    @Transactional
    public NewSecret issueWriteKey(String name, WriteKeyScope scope, String secret) {
        return issue(Kind.WRITE_KEY, name, secret, scope.name(), Map.of("scope", scope.wireName()));
    }

    @Transactional
    public NewSecret issueApiToken(String name, Role role) {
        return issueApiToken(name, role, Secrets.generate("pat"));
    }

    @Transactional
    public NewSecret issueApiToken(String name, Role role, String secret) {
        if (role == null) {
            requireName(name);
            throw new InvalidInputException("role", "required", "is required");
        }
        return issue(Kind.API_TOKEN, name, secret, role.name(), Map.of("role", role.name()));
    }

    public boolean writeKeyExists(String secret) {
        return exists(Kind.WRITE_KEY, secret);
    }

    public boolean apiTokenExists(String secret) {
        return exists(Kind.API_TOKEN, secret);
    }

    @Transactional
    public Issued revokeWriteKey(long id) {
        return revoke(Kind.WRITE_KEY, id, writeKeyCache);
    }

    @Transactional
    public Issued revokeApiToken(long id) {
        return revoke(Kind.API_TOKEN, id, tokenCache);
    }

    /**
     * The two kinds of secret: the same life (issued, listed, revoked) in tables of the same shape, except for the
     * column that says what the secret may do (a write key's scope, a token's role).
     */
    private record Kind(
            String table,
            String hashColumn,
            String powerColumn,
            String missingColumn,
            String auditName,
            String displayName) {

        static final Kind WRITE_KEY =
                new Kind("access.write_key", "key_hash", "scope", "role", "write-key", "write key");
        static final Kind API_TOKEN =
                new Kind("access.api_token", "token_hash", "role", "scope", "api-token", "API token");

        String select() {
            return "select *, null as " + missingColumn + " from " + table;
        }
    }

    private List<Issued> list(Kind kind) {
        return jdbc.sql(kind.select() + " order by id desc")
                .query(Credentials::issued)
                .list();
    }

    private NewSecret issue(Kind kind, String name, String secret, String power, Map<String, String> powerDetail) {
        var label = requireName(name);
        var id = jdbc.sql("insert into " + kind.table() + " (name, " + kind.hashColumn() + ", prefix, "
                        + kind.powerColumn() + ", created_by, created_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(
                        label,
                        Secrets.digest(secret),
                        Secrets.prefix(secret),
                        power,
                        Viewer.name(),
                        Timestamps.of(clock.instant()))
                .query(Long.class)
                .single();
        var detail = new LinkedHashMap<String, String>();
        detail.put("name", label);
        detail.putAll(powerDetail);
        audit.record(kind.auditName() + ".created", kind.auditName() + ":" + id, detail);
        return new NewSecret(find(kind, id), secret);
    }

    private boolean exists(Kind kind, String secret) {
        return jdbc.sql("select exists (select 1 from " + kind.table() + " where " + kind.hashColumn() + " = ?)")
                .param(Secrets.digest(secret))
                .query(Boolean.class)
                .single();
    }

    private Issued revoke(Kind kind, long id, Cache<String, ?> cache) {
        find(kind, id);
        jdbc.sql("update " + kind.table() + " set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(Timestamps.of(clock.instant()), id)
                .update();
        cache.invalidateAll();
        audit.record(kind.auditName() + ".revoked", kind.auditName() + ":" + id, Map.of());
        return find(kind, id);
    }

    private Issued find(Kind kind, long id) {
        return jdbc.sql(kind.select() + " where id = ?")
                .param(id)
                .query(Credentials::issued)
                .optional()
                .orElseThrow(() -> new NotFoundException(kind.displayName(), id));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "required", "is required");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("name", "max-length", "must have at most 100 characters");
        }
        return name.strip();
    }

    private static Issued issued(ResultSet rs, int row) throws SQLException {
        var role = rs.getString("role");
        var scope = rs.getString("scope");
        return new Issued(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                role == null ? null : Role.valueOf(role),
                scope == null ? null : WriteKeyScope.valueOf(scope),
                rs.getString("created_by"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "last_used_at"),
                Timestamps.read(rs, "revoked_at"));
    }
}
