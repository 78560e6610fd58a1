package io.siyu.customers.internal.directory;

import io.siyu.customers.CustomerId;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import io.siyu.customers.internal.recording.TimelineRows;
import io.siyu.customers.internal.vault.PersonalDataVault;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored timeline read back as the touches it was recorded from, personal values unsealed, for modules that derive
 * figures from the whole history again.
 */
@Component
public class StoredTouches {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PersonalDataVault vault;

    StoredTouches(JdbcTemplate jdbc, JsonMapper json, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
    }

    public void forEach(long from, long to, Consumer<TouchesRecorded.RecordedTouch> consumer) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            """
                            select customer_id, occurred_at, received_at, type, name, message_id, properties, context,
                                   sealed_values
                              from customers.event where customer_id >= ? and customer_id < ?
                             order by customer_id""", java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(10_000);
                    statement.setLong(1, from);
                    statement.setLong(2, to);
                    return statement;
                },
                (RowCallbackHandler) rs -> consumer.accept(storedTouch(rs)));
    }

    /** The events of a name since a time, newest first, at most {@code limit}. */
    public void forEachRecent(
            String name, java.time.Instant since, int limit, Consumer<TouchesRecorded.RecordedTouch> consumer) {
        jdbc.query(
                """
                select customer_id, occurred_at, received_at, type, name, message_id, properties, context,
                       sealed_values
                  from customers.event where name = ? and occurred_at >= ?
                 order by occurred_at desc, id desc limit ?""",
                (RowCallbackHandler) rs -> consumer.accept(storedTouch(rs)),
                name,
                io.siyu.shared.Timestamps.of(since),
                limit);
    }

    /** An event of the timeline as the touch it was recorded from; identify's traits are kept as its properties. */
    private TouchesRecorded.RecordedTouch storedTouch(ResultSet rs) throws SQLException {
        var type = TouchType.fromWire(rs.getString("type")).orElseThrow();
        var stored = rs.getString("properties");
        var properties = stored == null ? json.createObjectNode() : (ObjectNode) json.readTree(stored);
        var storedContext = rs.getString("context");
        var context = storedContext == null ? json.createObjectNode() : (ObjectNode) json.readTree(storedContext);
        var sealed = rs.getBytes("sealed_values");
        if (sealed != null) {
            vault.openPersonalValues(
                    Map.of(TimelineRows.PROPERTIES, properties, TimelineRows.CONTEXT, context), sealed);
        }
        var touch = new Touch(
                rs.getString("message_id"),
                type,
                rs.getString("name"),
                null,
                null,
                null,
                null,
                type == TouchType.IDENTIFY ? properties : json.createObjectNode(),
                type == TouchType.IDENTIFY ? json.createObjectNode() : properties,
                context,
                Timestamps.read(rs, "occurred_at"),
                Timestamps.read(rs, "received_at"));
        return new TouchesRecorded.RecordedTouch(CustomerId.of(rs.getLong("customer_id")), touch);
    }
}
