package io.siyu.journeys.internal.runtime;

import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.PersonalData;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journeys' inbox: the events, segment entries and exits and stage changes journeys may react to, written in the
 * transaction that recorded them (so none is lost and none is seen before it is committed), then drained by the worker,
 * woken right after the commit. Only events some journey enters on, waits for or converts on are written; phone numbers
 * and e-mail addresses in their properties are masked, since the properties are kept for templates. The audience's
 * announcements are written by {@link AudienceTriggers}.
 */
@Component
class TriggerInbox {

    /** The event name under which a segment entry stands in the inbox. */
    static final String SEGMENT = "segment:";

    /** The event name under which a stage change stands in the inbox, followed by the model's name. */
    static final String STAGE = "stage:";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final LiveJourneys journeys;
    private final PersonalData personalData;
    private final JourneyWorker worker;

    TriggerInbox(
            JdbcTemplate jdbc,
            JsonMapper json,
            LiveJourneys journeys,
            PersonalData personalData,
            JourneyWorker worker) {
        this.jdbc = jdbc;
        this.json = json;
        this.journeys = journeys;
        this.personalData = personalData;
        this.worker = worker;
    }

    /** One inbox row. */
    record Row(
            long id, String kind, long customerId, String event, String messageId, Instant at, JsonNode properties) {}

    @EventListener
    void on(TouchesRecorded recorded) {
        var rows = new ArrayList<Object[]>();
        for (var recordedTouch : recorded.touches()) {
            var touch = recordedTouch.touch();
            if (touch.type() != TouchType.TRACK || touch.event() == null || !journeys.listensTo(touch.event())) {
                continue;
            }
            rows.add(new Object[] {
                recordedTouch.customerId().value(),
                touch.event(),
                touch.messageId(),
                Timestamps.of(touch.occurredAt()),
                json.writeValueAsString(personalData.mask(touch.properties().deepCopy())),
                "event"
            });
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
    }

    /** Writes rows (customer, event, message id, when, properties, kind) and wakes the worker after the commit. */
    void insert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into journeys.trigger_inbox (customer_id, event, message_id, occurred_at, properties, kind)
                values (?, ?, ?, ?, ?::jsonb, ?)""", rows);
        AfterCommit.run(worker::wake);
    }

    /**
     * Gives the survivor of a merge the absorbed profile's triggers not yet drained: they move on, convert and enter
     * the survivor, in the order they were recorded.
     */
    void move(long absorbed, long survivor) {
        jdbc.update("update journeys.trigger_inbox set customer_id = ? where customer_id = ?", survivor, absorbed);
    }

    /** Takes up to {@code limit} rows, oldest first, in the caller's transaction: a rollback puts them back. */
    List<Row> take(int limit) {
        // = any(array(..)) keeps the delete on the primary key; DELETE ... RETURNING answers rows in the order it found
        // them, and a customer's events must be handled in the order they were recorded
        return jdbc.query("""
                        delete from journeys.trigger_inbox where id = any(array(
                            select id from journeys.trigger_inbox order by id limit ? for update skip locked))
                        returning id, kind, customer_id, event, message_id, occurred_at, properties""", this::row, limit).stream()
                .sorted(java.util.Comparator.comparingLong(Row::id))
                .toList();
    }

    private Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getLong("customer_id"),
                rs.getString("event"),
                rs.getString("message_id"),
                Timestamps.read(rs, "occurred_at"),
                json.readTree(rs.getString("properties")));
    }
}
