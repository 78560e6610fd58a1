package io.siyu.access.internal.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWK;
import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public keys the shop's backend signs consumer tokens with: registered by an operator, retired when a newer key
 * takes over, revoked for good.
 *
 * <p>Every consumer request needs its token's key, so keys are cached for {@link #CACHE_TTL}; a change clears this
 * node's cache at once, and on other nodes a revoked key keeps verifying for at most that long.
 */
@Service
public class ConsumerKeys {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, Optional<VerifyingKey>> cache =
            Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(1_000).build();

    public ConsumerKeys(JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key as listed: its public JWK (it has no secret), where it stands and who did what when. */
    public record ConsumerKey(
            String kid,
            String alg,
            String name,
            ConsumerKeyStatus status,
            Map<String, Object> jwk,
            String createdBy,
            Instant createdAt,
            @Nullable Instant retiringAt,
            @Nullable Instant revokedAt) {}

    /** What verifying a token needs of its key. */
    public record VerifyingKey(String kid, String algorithm, JWK jwk, ConsumerKeyStatus status) {}

    public List<ConsumerKey> list() {
        return jdbc.sql("select * from access.consumer_key order by created_at desc, kid")
                .query(this::consumerKey)
                .list();
    }

    @Transactional
    public ConsumerKey register(String name, JsonNode jwk) {
        var label = requireName(name);
        var key = ConsumerKeyRules.read("jwk", jwk);
        var inserted = jdbc.sql("""
                        insert into access.consumer_key (kid, alg, public_jwk, name, status, created_at, created_by)
                        values (?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (kid) do nothing""")
                .params(
                        key.kid(),
                        key.algorithm(),
                        key.jwk().toJSONString(),
                        label,
                        ConsumerKeyStatus.ACTIVE.name(),
                        Timestamps.of(clock.instant()),
                        Viewer.name())
                .update();
        if (inserted == 0) {
            throw new ConflictException(
                    "unique",
                    "jwk.kid: a consumer key with this kid is registered already (kids are never reused, revoked "
                            + "ones included); give the new key a new kid");
        }
        cache.invalidate(key.kid());
        audit.record(
                "consumer-key.registered", "consumer-key:" + key.kid(), Map.of("name", label, "alg", key.algorithm()));
        return find(key.kid());
    }

    @Transactional
    public ConsumerKey retire(String kid) {
        var key = find(kid);
        var next = key.status().retire();
        if (next != key.status()) {
            jdbc.sql("update access.consumer_key set status = ?, retiring_at = ? where kid = ?")
                    .params(next.name(), Timestamps.of(clock.instant()), kid)
                    .update();
            audit.record("consumer-key.retired", "consumer-key:" + kid, Map.of());
        }
        cache.invalidate(kid);
        return find(kid);
    }

    @Transactional
    public ConsumerKey revoke(String kid) {
        var key = find(kid);
        if (key.status() != ConsumerKeyStatus.REVOKED) {
            jdbc.sql("update access.consumer_key set status = ?, revoked_at = ? where kid = ?")
                    .params(key.status().revoke().name(), Timestamps.of(clock.instant()), kid)
                    .update();
            audit.record("consumer-key.revoked", "consumer-key:" + kid, Map.of());
        }
        cache.invalidate(kid);
        return find(kid);
    }

    /** The key a token names, whatever its state; empty when no key has this id. */
    public Optional<VerifyingKey> verifying(String kid) {
        return cache.get(
                kid,
                k -> jdbc.sql("select kid, alg, public_jwk, status from access.consumer_key where kid = ?")
                        .param(k)
                        .query((rs, n) -> new VerifyingKey(
                                rs.getString("kid"),
                                rs.getString("alg"),
                                jwk(rs.getString("public_jwk")),
                                ConsumerKeyStatus.valueOf(rs.getString("status"))))
                        .optional());
    }

    private ConsumerKey find(String kid) {
        return jdbc.sql("select * from access.consumer_key where kid = ?")
                .param(kid)
                .query(this::consumerKey)
                .optional()
                .orElseThrow(() -> new NotFoundException("consumer key", kid));
    }

    private ConsumerKey consumerKey(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = json.readValue(rs.getString("public_jwk"), Map.class);
        return new ConsumerKey(
                rs.getString("kid"),
                rs.getString("alg"),
                rs.getString("name"),
                ConsumerKeyStatus.valueOf(rs.getString("status")),
                jwk,
                rs.getString("created_by"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "retiring_at"),
                Timestamps.read(rs, "revoked_at"));
    }

    private static JWK jwk(String stored) {
        try {
            return JWK.parse(stored);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored consumer key is not a JWK", e);
        }
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
}
