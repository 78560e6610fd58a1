package io.siyu.webhooks.internal.delivery;

import io.siyu.shared.ConflictException;
import io.siyu.shared.Cursor;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import io.siyu.webhooks.Webhooks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The outbox's rows: queued once per idempotency key, claimed without overlap, settled with what the receiver said. */
@Component
public class WebhookOutbox {

    /** The longest excerpt of a receiver's answer kept on a delivery. */
    static final int EXCERPT = 500;

    private static final String COLUMNS = """
            select id, idempotency_key, endpoint_id, event_type, status, attempts, queued_at, due_at, last_attempt_at,
                   delivered_at, last_status_code, last_error, response_excerpt
              from webhooks.delivery""";

    private final JdbcTemplate jdbc;

    WebhookOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery to queue with its body, fixed now: every attempt sends the same bytes. */
    public record NewDelivery(String idempotencyKey, long endpointId, String eventType, String body) {}

    /** A claimed row: what a sender needs to sign and send it. */
    record Claimed(long id, String idempotencyKey, long endpointId, String body, int attempts) {}

    /** A delivery as operators read it; the body is not shown, it may hold customers' data. */
    public record WebhookDelivery(
            long id,
            String idempotencyKey,
            long endpointId,
            String eventType,
            DeliveryStatus status,
            int attempts,
            Instant queuedAt,
            Instant dueAt,
            @Nullable Instant lastAttemptAt,
            @Nullable Instant deliveredAt,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            @Nullable String responseExcerpt) {}

    /** What became of one claimed row's attempt. */
    record Settlement(
            long id,
            DeliveryStatus status,
            @Nullable Instant dueAgainAt,
            @Nullable Integer statusCode,
            @Nullable String error,
            @Nullable String excerpt) {}

    /**
     * Inserts the deliveries whose keys are new and answers, per delivery in order, its row id and whether it was
     * queued before. Runs in the caller's transaction.
     */
    public List<Webhooks.QueuedDelivery> enqueue(List<NewDelivery> deliveries, Instant now) {
        var unique = new LinkedHashMap<String, NewDelivery>();
        deliveries.forEach(d -> unique.putIfAbsent(d.idempotencyKey(), d));
        var rows = List.copyOf(unique.values());
        var fresh = new HashMap<String, Long>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            insert into webhooks.delivery (idempotency_key, endpoint_id, event_type, body, status,
                                                           queued_at, due_at)
                            select k, e, t, b, 'queued', ?, ?
                              from unnest(?::text[], ?::bigint[], ?::text[], ?::text[]) as r(k, e, t, b)
                            on conflict (idempotency_key) do nothing returning id, idempotency_key""");
                    statement.setObject(1, Timestamps.of(now));
                    statement.setObject(2, Timestamps.of(now));
                    statement.setArray(
                            3,
                            connection.createArrayOf(
                                    "text",
                                    rows.stream()
                                            .map(NewDelivery::idempotencyKey)
                                            .toArray()));
                    statement.setArray(
                            4,
                            connection.createArrayOf(
                                    "bigint",
                                    rows.stream().map(NewDelivery::endpointId).toArray()));
                    statement.setArray(
                            5,
                            connection.createArrayOf(
                                    "text",
                                    rows.stream().map(NewDelivery::eventType).toArray()));
                    statement.setArray(
                            6,
                            connection.createArrayOf(
                                    "text", rows.stream().map(NewDelivery::body).toArray()));
                    return statement;
                },
                (ResultSet rs) -> {
                    fresh.put(rs.getString("idempotency_key"), rs.getLong("id"));
                });
        var ids = new HashMap<>(fresh);
        var known = rows.stream()
                .map(NewDelivery::idempotencyKey)
                .filter(key -> !fresh.containsKey(key))
                .toList();
        if (!known.isEmpty()) {
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement(
                                "select id, idempotency_key from webhooks.delivery where idempotency_key = any(?)");
                        statement.setArray(1, connection.createArrayOf("text", known.toArray()));
                        return statement;
                    },
                    (ResultSet rs) -> {
                        ids.put(rs.getString("idempotency_key"), rs.getLong("id"));
                    });
        }
        return deliveries.stream()
                .map(NewDelivery::idempotencyKey)
                .map(key -> new Webhooks.QueuedDelivery(key, ids.get(key), !fresh.containsKey(key)))
                .toList();
    }

    /**
     * Claims up to {@code limit} due rows of enabled endpoints, oldest first, skipping rows another sender holds; a
     * disabled endpoint's deliveries wait until it is enabled again.
     */
    List<Claimed> claim(int limit, Instant now) {
        return jdbc.query(
                """
                update webhooks.delivery d set status = 'sending', attempts = d.attempts + 1, claimed_at = ?
                  from (select id from webhooks.delivery
                         where status = 'queued' and due_at <= ?
                           and endpoint_id in (select id from webhooks.endpoint where enabled)
                         order by due_at limit ? for update skip locked) due
                 where d.id = due.id
                returning d.id, d.idempotency_key, d.endpoint_id, d.body, d.attempts""",
                (rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("idempotency_key"),
                        rs.getLong("endpoint_id"),
                        rs.getString("body"),
                        rs.getInt("attempts")),
                Timestamps.of(now),
                Timestamps.of(now),
                limit);
    }

    /** Settles claimed rows; only rows still claimed change, so a row queued again after a timeout is left alone. */
    void settle(List<Settlement> settlements, Instant now) {
        if (settlements.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>();
        for (var s : settlements) {
            rows.add(new Object[] {
                s.status().value(),
                s.dueAgainAt() == null ? null : Timestamps.of(s.dueAgainAt()),
                Timestamps.of(now),
                s.status() == DeliveryStatus.DELIVERED ? Timestamps.of(now) : null,
                s.statusCode(),
                s.error(),
                s.excerpt(),
                s.id()
            });
        }
        jdbc.batchUpdate("""
                update webhooks.delivery set status = ?, due_at = coalesce(?, due_at), last_attempt_at = ?,
                       delivered_at = coalesce(?, delivered_at), last_status_code = ?, last_error = ?,
                       response_excerpt = ?
                 where id = ? and status = 'sending'""", rows);
    }

    /**
     * Queues again the rows claimed longer than {@code inFlight} ago whose sender never settled them (it died): they
     * may have reached the receiver, which is why receivers drop a {@code webhook-id} they have seen.
     */
    int requeueAbandoned(Instant now, Duration inFlight) {
        return jdbc.update("""
                update webhooks.delivery set status = 'queued', due_at = ?,
                       last_error = 'queued again after an unfinished attempt'
                 where status = 'sending' and claimed_at < ?""", Timestamps.of(now), Timestamps.of(now.minus(inFlight)));
    }

    /** A page of an endpoint's deliveries, newest first, in one status or all. */
    public Slice<WebhookDelivery> page(
            long endpointId, @Nullable DeliveryStatus status, @Nullable String cursor, int limit) {
        var sql = new StringBuilder(COLUMNS).append(" where endpoint_id = ?");
        var arguments = new ArrayList<Object>(List.of(endpointId));
        if (status != null) {
            sql.append(" and status = ?");
            arguments.add(status.value());
        }
        if (cursor != null) {
            sql.append(" and id < ?");
            arguments.add(Cursor.decode("cursor", cursor, 1).number(0));
        }
        sql.append(" order by id desc limit ?");
        arguments.add(Slice.rowsToFetch(limit));
        var rows = jdbc.query(sql.toString(), WebhookOutbox::row, arguments.toArray());
        return Slice.cut(rows, limit, r -> Cursor.encode(r.id()));
    }

    public WebhookDelivery get(long endpointId, long id) {
        return jdbc.query(COLUMNS + " where id = ? and endpoint_id = ?", WebhookOutbox::row, id, endpointId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("webhook delivery", id));
    }

    /**
     * Queues a failed or parked delivery again, due now, with a fresh budget of attempts; the same
     * {@code webhook-id}, so a receiver that did get it drops it.
     */
    public WebhookDelivery redeliver(long endpointId, long id, Instant now) {
        var current = get(endpointId, id);
        var changed = jdbc.update("""
                update webhooks.delivery set status = 'queued', due_at = ?, attempts = 0,
                       last_error = 'queued again by an operator'
                 where id = ? and status in ('failed', 'parked')""", Timestamps.of(now), id);
        if (changed == 0) {
            throw new ConflictException(
                    "status",
                    "only a failed or parked delivery can be sent again; this one is "
                            + current.status().value());
        }
        return get(endpointId, id);
    }

    private static WebhookDelivery row(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                rs.getLong("id"),
                rs.getString("idempotency_key"),
                rs.getLong("endpoint_id"),
                rs.getString("event_type"),
                DeliveryStatus.of(rs.getString("status")),
                rs.getInt("attempts"),
                Timestamps.read(rs, "queued_at"),
                Timestamps.read(rs, "due_at"),
                Timestamps.read(rs, "last_attempt_at"),
                Timestamps.read(rs, "delivered_at"),
                rs.getObject("last_status_code", Integer.class),
                rs.getString("last_error"),
                rs.getString("response_excerpt"));
    }
}
