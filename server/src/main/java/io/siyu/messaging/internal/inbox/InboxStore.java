package io.siyu.messaging.internal.inbox;

import io.siyu.customers.CustomerId;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The inbox's messages in PostgreSQL: one row per ledger row, so a message retried or re-sent is kept once. */
@Component
public class InboxStore {

    private static final String COLUMNS = "id, customer_id, title, text_body, html, link, created_at, read_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    InboxStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Puts messages into their customers' inboxes (each {@link Outgoing#to} is a customer id; one merged into another
     * profile since its message was taken gets it in the survivor's); keeps each once.
     */
    void put(List<Outgoing> messages) {
        var now = Timestamps.of(clock.instant());
        jdbc.batchUpdate(
                """
                insert into messaging.inbox_message (send_id, customer_id, title, text_body, html, link, created_at)
                values (?, coalesce((select survivor from messaging.merged_customer where absorbed = ?), ?), ?, ?, ?, ?, ?)
                on conflict (send_id) do nothing""",
                messages.stream()
                        .map(m -> new Object[] {
                            m.sendId(),
                            Long.parseLong(m.to()),
                            Long.parseLong(m.to()),
                            m.rendered().subject(),
                            m.rendered().text(),
                            m.rendered().html(),
                            m.rendered().link(),
                            now
                        })
                        .toList());
    }

    /**
     * Moves the absorbed profile's messages into the survivor's inbox, read or not, in the merge's transaction: the
     * person's app lists them and counts the unread ones with the survivor's own. (A message on its way to the
     * absorbed profile while they merged lands with the survivor, see {@link #put}.)
     */
    public void move(CustomerId absorbed, CustomerId survivor) {
        jdbc.update(
                "update messaging.inbox_message set customer_id = ? where customer_id = ?",
                survivor.value(),
                absorbed.value());
    }

    /** A page of a customer's inbox, newest first, before the message {@code before} (all when null). */
    public List<InboxMessage> page(CustomerId customer, @Nullable Long before, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from messaging.inbox_message where customer_id = ? and id < ?"
                        + " order by id desc limit ?",
                InboxStore::message,
                customer.value(),
                before == null ? Long.MAX_VALUE : before,
                limit);
    }

    /** How many of a customer's messages are unread. */
    public int unread(CustomerId customer) {
        var count = jdbc.queryForObject(
                "select count(*) from messaging.inbox_message where customer_id = ? and read_at is null",
                Integer.class,
                customer.value());
        return count == null ? 0 : count;
    }

    /** Messages that came for any of the customers after the message {@code after}, oldest first. */
    List<Arrival> since(Collection<Long> customers, long after, int limit) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("select " + COLUMNS
                            + " from messaging.inbox_message where customer_id = any(?) and id > ?"
                            + " order by id limit ?");
                    statement.setArray(1, connection.createArrayOf("bigint", customers.toArray()));
                    statement.setLong(2, after);
                    statement.setInt(3, limit);
                    return statement;
                },
                (rs, row) -> new Arrival(rs.getLong("customer_id"), message(rs, row)));
    }

    /** A message that came for a customer. */
    record Arrival(long customerId, InboxMessage message) {}

    /** The newest message id of all inboxes (0 when empty): where a stream that asks for nothing older starts. */
    long newestId() {
        var newest = jdbc.queryForObject("select coalesce(max(id), 0) from messaging.inbox_message", Long.class);
        return newest == null ? 0 : newest;
    }

    /** A message marked read, and whether this call marked it (so its open is recorded once). */
    public record Read(InboxMessage message, long sendId, boolean first) {}

    /** Marks one of the customer's messages read; empty when the customer has no such message. */
    public Optional<Read> markRead(CustomerId customer, long id) {
        var now = Timestamps.of(clock.instant());
        var marked = jdbc.query(
                "update messaging.inbox_message set read_at = ? where id = ? and customer_id = ? and read_at is null"
                        + " returning send_id, " + COLUMNS,
                (rs, row) -> new Read(message(rs, row), rs.getLong("send_id"), true),
                now,
                id,
                customer.value());
        if (!marked.isEmpty()) {
            return Optional.of(marked.getFirst());
        }
        return jdbc
                .query(
                        "select send_id, " + COLUMNS + " from messaging.inbox_message where id = ? and customer_id = ?",
                        (rs, row) -> new Read(message(rs, row), rs.getLong("send_id"), false),
                        id,
                        customer.value())
                .stream()
                .findFirst();
    }

    /** Marks every unread message of the customer read; answers the ledger rows of those it marked. */
    public List<Long> markAllRead(CustomerId customer) {
        var sendIds = new ArrayList<Long>();
        jdbc.query(
                "update messaging.inbox_message set read_at = ? where customer_id = ? and read_at is null"
                        + " returning send_id",
                rs -> {
                    sendIds.add(rs.getLong(1));
                },
                Timestamps.of(clock.instant()),
                customer.value());
        return sendIds;
    }

    private static InboxMessage message(ResultSet rs, int row) throws SQLException {
        return new InboxMessage(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("text_body"),
                rs.getString("html"),
                rs.getString("link"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "read_at"));
    }
}
