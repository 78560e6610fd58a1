package io.siyu.messaging.internal.delivery;

import io.siyu.shared.Cursor;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox outbox as people read it: what would have been sent, newest first. */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Outbox(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A message in the outbox list; {@code sendId} is empty for a test send. */
    public record OutboxEntry(
            long id, @Nullable Long sendId, Instant at, String channel, String recipient, String subject) {}

    /** A whole message of the outbox, as rendered. */
    public record OutboxMessage(
            long id,
            @Nullable Long sendId,
            Instant at,
            String channel,
            String recipient,
            String subject,
            @Nullable String html,
            String text,
            Map<String, String> headers) {}

    public Slice<OutboxEntry> page(@Nullable String cursor, int limit) {
        var after = cursor == null
                ? Long.MAX_VALUE
                : Cursor.decode("cursor", cursor, 1).number(0);
        var rows = jdbc.query(
                """
                select id, send_id, at, channel, recipient, subject from messaging.sandbox_message
                 where id < ? order by id desc limit ?""",
                (rs, row) -> new OutboxEntry(
                        rs.getLong("id"),
                        rs.getObject("send_id", Long.class),
                        Timestamps.read(rs, "at"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("subject")),
                after,
                Slice.rowsToFetch(limit));
        return Slice.cut(rows, limit, e -> Cursor.encode(e.id()));
    }

    public OutboxMessage get(long id) {
        return jdbc
                .query(
                        "select * from messaging.sandbox_message where id = ?",
                        (rs, row) -> {
                            @SuppressWarnings("unchecked")
                            Map<String, String> headers = json.readValue(rs.getString("headers"), Map.class);
                            return new OutboxMessage(
                                    rs.getLong("id"),
                                    rs.getObject("send_id", Long.class),
                                    Timestamps.read(rs, "at"),
                                    rs.getString("channel"),
                                    rs.getString("recipient"),
                                    rs.getString("subject"),
                                    rs.getString("html"),
                                    rs.getString("text_body"),
                                    headers);
                        },
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("outbox message", id));
    }
}
