package io.siyu.messaging.internal.respect;

import io.siyu.customers.CustomerId;
import io.siyu.messaging.Channel;
import io.siyu.shared.Cursor;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The suppression list: customers a channel must not reach, with the reason and who put them there. */
@Component
public class Suppressions {

    /** Why a customer is suppressed. */
    public static final String HARD_BOUNCE = "hard-bounce";

    public static final String COMPLAINT = "complaint";
    public static final String MANUAL = "manual";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Suppressions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Suppression(
            long customerId,
            Channel channel,
            String reason,
            @Nullable String note,
            Instant createdAt,
            String createdBy) {}

    /** Suppresses a customer on a channel; an existing entry keeps its first reason. Answers whether it was new. */
    public boolean add(CustomerId customer, Channel channel, String reason, @Nullable String note, String by) {
        return jdbc.update("""
                        insert into messaging.suppression (customer_id, channel, reason, note, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""", customer.value(), channel.category(), reason, note, Timestamps.of(clock.instant()), by)
                > 0;
    }

    /**
     * Moves the absorbed profile's suppressions to the survivor, in the merge's transaction: a channel that must not
     * reach one of them must not reach the person. Where the survivor is suppressed on the channel already, their entry
     * keeps its reason.
     */
    public void move(CustomerId absorbed, CustomerId survivor) {
        jdbc.update("""
                with gone as (
                    delete from messaging.suppression where customer_id = ?
                    returning channel, reason, note, created_at, created_by)
                insert into messaging.suppression (customer_id, channel, reason, note, created_at, created_by)
                select ?, channel, reason, note, created_at, created_by from gone
                on conflict (customer_id, channel) do nothing""", absorbed.value(), survivor.value());
    }

    public boolean remove(CustomerId customer, Channel channel) {
        return jdbc.update(
                        "delete from messaging.suppression where customer_id = ? and channel = ?",
                        customer.value(),
                        channel.category())
                > 0;
    }

    /** Which of the given customers are suppressed on a channel. */
    public Set<Long> suppressed(Channel channel, Collection<CustomerId> customers) {
        var found = new HashSet<Long>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select customer_id from messaging.suppression where channel = ? and customer_id = any(?)");
                    statement.setString(1, channel.category());
                    statement.setArray(
                            2,
                            connection.createArrayOf(
                                    "bigint",
                                    customers.stream().map(CustomerId::value).toArray()));
                    return statement;
                },
                rs -> {
                    found.add(rs.getLong(1));
                });
        return found;
    }

    /** The list, newest first. */
    public Slice<Suppression> page(@Nullable String cursor, int limit) {
        var rows = cursor == null
                ? jdbc.query("""
                        select * from messaging.suppression order by created_at desc, customer_id desc, channel desc limit ?""", Suppressions::suppression, Slice.rowsToFetch(limit))
                : after(Cursor.decode("cursor", cursor, 3), limit);
        return Slice.cut(
                rows,
                limit,
                s -> Cursor.encode(s.createdAt(), s.customerId(), s.channel().category()));
    }

    private java.util.List<Suppression> after(Cursor.Keys keys, int limit) {
        return jdbc.query(
                """
                select * from messaging.suppression
                 where (created_at, customer_id, channel) < (?, ?, ?)
                 order by created_at desc, customer_id desc, channel desc limit ?""",
                Suppressions::suppression,
                Timestamps.of(keys.instant(0)),
                keys.number(1),
                keys.text(2),
                Slice.rowsToFetch(limit));
    }

    private static Suppression suppression(ResultSet rs, int row) throws SQLException {
        return new Suppression(
                rs.getLong("customer_id"),
                Channel.parse("channel", rs.getString("channel")),
                rs.getString("reason"),
                rs.getString("note"),
                Timestamps.read(rs, "created_at"),
                rs.getString("created_by"));
    }
}
