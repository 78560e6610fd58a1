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
        return jdbc.sql("select *, null as role from access.write_key order by id desc")
                .query(Credentials::issued)
                .list();
    }

    public List<Issued> apiTokens() {
        return jdbc.sql("select *, null as scope from access.api_token order by id desc")
                .query(Credentials::issued)
                .list();
    }

    @Transactional
    public NewSecret issueWriteKey(String name, WriteKeyScope scope) {
        return issueWriteKey(name, scope, Secrets.generate("wk"));
    }

    @Transactional
    public NewSecret issueWriteKey(String name, WriteKeyScope scope, String secret) {
        var label = requireName(name);
        var id = jdbc.sql("""
                        insert into access.write_key (name, key_hash, prefix, scope, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        label,
                        Secrets.digest(secret),
                        Secrets.prefix(secret),
                        scope.name(),
                        Viewer.name(),
                        Timestamps.of(clock.instant()))
                .query(Long.class)
                .single();
        audit.record("write-key.created", "write-key:" + id, Map.of("name", label, "scope", scope.wireName()));
        return new NewSecret(writeKey(id), secret);
    }

    @Transactional
    public NewSecret issueApiToken(String name, Role role) {
        return issueApiToken(name, role, Secrets.generate("pat"));
    }

    @Transactional
    public NewSecret issueApiToken(String name, Role role, String secret) {
        var label = requireName(name);
        if (role == null) {
            throw new InvalidInputException("role", "required", "is required");
        }
        var id = jdbc.sql("""
                        insert into access.api_token (name, token_hash, prefix, role, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        label,
                        Secrets.digest(secret),
                        Secrets.prefix(secret),
                        role.name(),
                        Viewer.name(),
                        Timestamps.of(clock.instant()))
                .query(Long.class)
                .single();
        audit.record("api-token.created", "api-token:" + id, Map.of("name", label, "role", role.name()));
        return new NewSecret(apiToken(id), secret);
    }

    public boolean writeKeyExists(String secret) {
        return jdbc.sql("select exists (select 1 from access.write_key where key_hash = ?)")
                .param(Secrets.digest(secret))
                .query(Boolean.class)
                .single();
    }

    public boolean apiTokenExists(String secret) {
        return jdbc.sql("select exists (select 1 from access.api_token where token_hash = ?)")
                .param(Secrets.digest(secret))
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public Issued revokeWriteKey(long id) {
        writeKey(id);
        jdbc.sql("update access.write_key set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(Timestamps.of(clock.instant()), id)
                .update();
        writeKeyCache.invalidateAll();
        audit.record("write-key.revoked", "write-key:" + id, Map.of());
        return writeKey(id);
    }

    @Transactional
    public Issued revokeApiToken(long id) {
        apiToken(id);
        jdbc.sql("update access.api_token set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(Timestamps.of(clock.instant()), id)
                .update();
        tokenCache.invalidateAll();
        audit.record("api-token.revoked", "api-token:" + id, Map.of());
        return apiToken(id);
    }

    private Issued writeKey(long id) {
        return jdbc.sql("select *, null as role from access.write_key where id = ?")
                .param(id)
                .query(Credentials::issued)
                .optional()
                .orElseThrow(() -> new NotFoundException("write key", id));
    }

    private Issued apiToken(long id) {
        return jdbc.sql("select *, null as scope from access.api_token where id = ?")
                .param(id)
                .query(Credentials::issued)
                .optional()
                .orElseThrow(() -> new NotFoundException("API token", id));
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
