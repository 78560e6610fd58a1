package io.siyu.messaging.internal.push;

import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code cid} each ledger row's push carries: JPush answers a push with a cid it has seen before with that first
 * push's result and pushes nothing again, so the cid is taken from JPush's pool once per row and kept. JPush remembers
 * a cid for a day; one older than {@link #FRESH} is replaced, since JPush would no longer know it (a row retried that
 * late was not pushed in its first day, or its answer would have been recorded).
 */
@Component
class PushCids {

    static final Duration FRESH = Duration.ofHours(23);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PushCids(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The fresh cids kept for these ledger rows, by row. */
    Map<Long, String> kept(List<Long> sendIds) {
        var found = new HashMap<Long, String>();
        if (sendIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select send_id, cid from messaging.push_cid where send_id = any (?) and taken_at > ?");
                    statement.setArray(1, connection.createArrayOf("bigint", sendIds.toArray()));
                    statement.setObject(2, Timestamps.of(clock.instant().minus(FRESH)));
                    return statement;
                },
                rs -> {
                    found.put(rs.getLong("send_id"), rs.getString("cid"));
                });
        return found;
    }

    /** Keeps a cid for a ledger row, replacing one that is no longer fresh. */
    void keep(long sendId, String cid) {
        var now = clock.instant();
        jdbc.update("""
                insert into messaging.push_cid (send_id, cid, taken_at) values (?, ?, ?)
                on conflict (send_id) do update set cid = excluded.cid, taken_at = excluded.taken_at
                 where messaging.push_cid.taken_at <= ?""", sendId, cid, Timestamps.of(now), Timestamps.of(now.minus(FRESH)));
    }
}
