package io.siyu.webhooks.internal.endpoints;

import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import io.siyu.webhooks.internal.WebhooksProperties;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The endpoints operators registered: their addresses, whether they take deliveries, and their signing secrets. */
@Component
public class Endpoints {

    private static final String COLUMNS = """
            select id, name, url, enabled, secret_prefix, created_at, created_by, updated_at, secret_rotated_at,
                   previous_secret_until
              from webhooks.endpoint""";

    private final JdbcClient jdbc;
    private final SigningSecrets secrets;
    private final AddressPolicy policy;
    private final WebhooksProperties properties;
    private final Clock clock;

    Endpoints(
            JdbcClient jdbc, SigningSecrets secrets, AddressPolicy policy, WebhooksProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An endpoint as listed: never its secret, only the secret's first characters.
     *
     * @param previousSecretUntil until when the secret before the last rotation still signs beside the current one
     */
    public record WebhookEndpoint(
            long id,
            String name,
            String url,
            boolean enabled,
            String secretPrefix,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            @Nullable Instant secretRotatedAt,
            @Nullable Instant previousSecretUntil) {}

    /** An endpoint with its new signing secret, shown exactly once. */
    public record WebhookSecret(WebhookEndpoint endpoint, String secret) {}

    /** What a sender needs to call an endpoint: its URL and the secrets that sign (the current one first). */
    public record Target(long id, URI url, List<byte[]> secrets) {}

    /** A change to an endpoint; null fields stay as they are. */
    public record Change(
            @Nullable String name,
            @Nullable String url,
            @Nullable Boolean enabled) {}

    public WebhookSecret create(String name, String url, boolean enabled, String by) {
        checkName(name);
        var checked = EndpointUrl.check("url", url, policy).toString();
        var id = jdbc.sql("select nextval(pg_get_serial_sequence('webhooks.endpoint', 'id'))")
                .query(Long.class)
                .single();
        var secret = SigningSecrets.generate();
        var now = Timestamps.of(clock.instant());
        jdbc.sql("""
                        insert into webhooks.endpoint (id, name, url, enabled, secret, secret_prefix, created_at,
                                                       created_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        name.strip(),
                        checked,
                        enabled,
                        secrets.seal(id, secret),
                        SigningSecrets.prefix(secret),
                        now,
                        by,
                        now)
                .update();
        return new WebhookSecret(get(id), SigningSecrets.shown(secret));
    }

    public List<WebhookEndpoint> list() {
        return jdbc.sql(COLUMNS + " order by id").query(Endpoints::endpoint).list();
    }

    public WebhookEndpoint get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("webhook endpoint", id));
    }

    public Optional<WebhookEndpoint> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(Endpoints::endpoint)
                .optional();
    }

    public WebhookEndpoint change(long id, Change change) {
        get(id);
        if (change.name() != null) {
            checkName(change.name());
        }
        var url = change.url() == null
                ? null
                : EndpointUrl.check("url", change.url(), policy).toString();
        jdbc.sql("""
                        update webhooks.endpoint set name = coalesce(?, name), url = coalesce(?, url),
                               enabled = coalesce(?, enabled), updated_at = ?
                         where id = ?""")
                .params(
                        change.name() == null ? null : change.name().strip(),
                        url,
                        change.enabled(),
                        Timestamps.of(clock.instant()),
                        id)
                .update();
        return get(id);
    }

    /**
     * Gives the endpoint a new secret, shown once; the one it replaces keeps signing beside it for
     * {@code previous-secret-grace}, so that the receiver can switch without refusing a delivery.
     */
    public WebhookSecret rotate(long id) {
        get(id);
        var secret = SigningSecrets.generate();
        var now = clock.instant();
        jdbc.sql("""
                        update webhooks.endpoint set previous_secret = secret, previous_secret_until = ?, secret = ?,
                               secret_prefix = ?, secret_rotated_at = ?, updated_at = ?
                         where id = ?""")
                .params(
                        Timestamps.of(now.plus(properties.previousSecretGrace())),
                        secrets.seal(id, secret),
                        SigningSecrets.prefix(secret),
                        Timestamps.of(now),
                        Timestamps.of(now),
                        id)
                .update();
        return new WebhookSecret(get(id), SigningSecrets.shown(secret));
    }

    /** The endpoints of these ids that take deliveries, with their secrets opened, as of {@code now}. */
    public List<Target> targets(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, url, secret, previous_secret, previous_secret_until
                          from webhooks.endpoint where id = any(?) and enabled""")
                .param(ids.toArray(Long[]::new))
                .query((rs, row) -> {
                    var id = rs.getLong("id");
                    var signing = new ArrayList<byte[]>();
                    signing.add(secrets.open(id, rs.getBytes("secret")));
                    var until = Timestamps.read(rs, "previous_secret_until");
                    if (rs.getBytes("previous_secret") != null && until != null && until.isAfter(now)) {
                        signing.add(secrets.open(id, rs.getBytes("previous_secret")));
                    }
                    return new Target(id, URI.create(rs.getString("url")), List.copyOf(signing));
                })
                .list();
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "required", "must not be blank");
        }
        var violation = InputRules.check("name", name, InputRules.MAX_NAME_LENGTH);
        if (violation != null) {
            throw new InvalidInputException(List.of(violation));
        }
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("url"),
                rs.getBoolean("enabled"),
                rs.getString("secret_prefix"),
                Timestamps.read(rs, "created_at"),
                rs.getString("created_by"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "secret_rotated_at"),
                Timestamps.read(rs, "previous_secret_until"));
    }
}
