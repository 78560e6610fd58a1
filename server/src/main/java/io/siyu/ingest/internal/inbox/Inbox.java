package io.siyu.ingest.internal.inbox;

import io.siyu.access.WriteKeys;
import io.siyu.ingest.internal.messages.SegmentMessages;
import io.siyu.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where acknowledged messages wait for the pipeline. Storing is one statement per request: the message ids go into
 * the idempotency table, and only the ids that were new there go into the queue, so a duplicate (a retry, a replay)
 * is acknowledged and stored once.
 */
@Component
public class Inbox {

    private static final String STORE = """
            with incoming as (
                select * from unnest(?::text[], ?::text[]) with ordinality as m(message_id, body, position)
            ), fresh as (
                insert into ingest.message_key (message_id, received_at)
                select message_id, ? from incoming
                on conflict do nothing
                returning message_id
            )
            insert into ingest.queue (message_id, write_key_id, received_at, body)
            select i.message_id, ?, ?, i.body from incoming i join fresh f using (message_id) order by i.position
            returning message_id""";

    private final JdbcTemplate jdbc;
    private final RejectedMessages rejectedMessages;

    Inbox(JdbcTemplate jdbc, RejectedMessages rejectedMessages) {
        this.jdbc = jdbc;
        this.rejectedMessages = rejectedMessages;
    }

    /** The outcome of storing: which messages were new, and how many were duplicates. */
    public record Stored(Set<String> fresh, int duplicates) {}

    /**
     * Stores the valid messages of a tracking request and keeps its rejected ones for operators, in one transaction,
     * so that once the sender hears the answer every message either waits here or is kept as rejected.
     */
    @Transactional
    public Stored take(
            List<SegmentMessages.Normalized> valid,
            List<RejectedMessages.Rejection> rejections,
            WriteKeys.WriteKeySource source,
            String endpoint,
            Instant receivedAt) {
        rejectedMessages.keep(rejections, source, endpoint, receivedAt);
        return store(valid, source == null ? null : source.id(), receivedAt);
    }

    @Transactional
    public Stored store(List<SegmentMessages.Normalized> messages, Long writeKeyId, Instant receivedAt) {
        if (messages.isEmpty()) {
            return new Stored(Set.of(), 0);
        }
        // the same id twice in one request: the first is the message, later ones are duplicates
        var unique = new LinkedHashMap<String, SegmentMessages.Normalized>();
        for (var message : messages) {
            unique.putIfAbsent(message.messageId(), message);
        }
        var ids = new ArrayList<String>(unique.size());
        var bodies = new ArrayList<String>(unique.size());
        unique.values().forEach(m -> {
            ids.add(m.messageId());
            bodies.add(m.body());
        });
        var at = Timestamps.of(receivedAt);
        var fresh = new HashSet<String>(jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(STORE);
                    statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                    statement.setArray(2, connection.createArrayOf("text", bodies.toArray()));
                    statement.setObject(3, at);
                    if (writeKeyId == null) {
                        statement.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        statement.setLong(4, writeKeyId);
                    }
                    statement.setObject(5, at);
                    return statement;
                },
                (rs, n) -> rs.getString(1)));
        return new Stored(fresh, messages.size() - fresh.size());
    }
}
