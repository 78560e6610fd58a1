package io.siyu.customers.internal.profiles;

import static java.util.stream.Collectors.joining;

import io.siyu.customers.OrderFacts;
import io.siyu.customers.internal.identity.IdentityGraph;
import io.siyu.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes profiles, identities, merges and events in bulk, one statement per kind of row per batch. */
@Repository
public class ProfileStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ProfileStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Long> allocateCustomerIds(int count) {
        return allocate("customers.customer_id_seq", count);
    }

    public List<Long> allocateEventIds(int count) {
        return allocate("customers.event_id_seq", count);
    }

    private List<Long> allocate(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count);
    }

    public Map<IdentityGraph.StoredKey, Long> owners(Collection<IdentityGraph.StoredKey> keys) {
        var owners = new HashMap<IdentityGraph.StoredKey, Long>();
        if (keys.isEmpty()) {
            return owners;
        }
        var types = keys.stream().map(IdentityGraph.StoredKey::type).toArray(String[]::new);
        var lookups = keys.stream().map(IdentityGraph.StoredKey::lookupKey).toArray(String[]::new);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select i.type, i.lookup_key, i.customer_id
                              from unnest(?::text[], ?::text[]) as k(type, lookup_key)
                              join customers.identity i on i.type = k.type and i.lookup_key = k.lookup_key""");
                    statement.setArray(1, connection.createArrayOf("text", types));
                    statement.setArray(2, connection.createArrayOf("text", lookups));
                    return statement;
                },
                rs -> {
                    owners.put(new IdentityGraph.StoredKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
                });
        return owners;
    }

    public Map<Long, Map<String, String>> limitedIdentities(Collection<Long> customers) {
        var result = new HashMap<Long, Map<String, String>>();
        if (customers.isEmpty()) {
            return result;
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select customer_id, type, lookup_key from customers.identity
                             where customer_id = any(?) and type in ('user_id', 'wechat_unionid')""");
                    statement.setArray(1, longs(connection, customers));
                    return statement;
                },
                rs -> {
                    result.computeIfAbsent(rs.getLong(1), c -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return result;
    }

    public Map<Long, ProfileState> load(Collection<Long> customers) {
        var states = new HashMap<Long, ProfileState>();
        if (customers.isEmpty()) {
            return states;
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select * from customers.customer where id = any(?) for update");
                    statement.setArray(1, longs(connection, customers));
                    return statement;
                },
                rs -> {
                    var state = map(rs);
                    states.put(state.id, state);
                });
        return states;
    }

    private ProfileState map(ResultSet rs) throws SQLException {
        var state = new ProfileState(rs.getLong("id"), false, Timestamps.read(rs, "created_at"));
        state.traits = (ObjectNode) json.readTree(rs.getString("traits"));
        state.traitTimes = (ObjectNode) json.readTree(rs.getString("trait_times"));
        state.consents = (ObjectNode) json.readTree(rs.getString("consents"));
        state.consentWithdrawnAt = Timestamps.read(rs, "consent_withdrawn_at");
        state.displayName = rs.getString("display_name");
        state.channel = rs.getString("channel");
        state.channelRank = rs.getInt("channel_rank");
        state.channelAt = Timestamps.read(rs, "channel_at");
        state.firstSeenAt = Timestamps.read(rs, "first_seen_at");
        state.lastSeenAt = Timestamps.read(rs, "last_seen_at");
        state.eventCount = rs.getLong("event_count");
        state.orderCount = rs.getInt("order_count");
        state.totalSpent = rs.getBigDecimal("total_spent");
        state.firstOrderAt = Timestamps.read(rs, "first_order_at");
        state.lastOrderAt = Timestamps.read(rs, "last_order_at");
        state.timeZone = rs.getString("time_zone");
        state.timeZoneAt = Timestamps.read(rs, "time_zone_at");
        var mergedInto = rs.getLong("merged_into");
        state.mergedInto = rs.wasNull() ? null : mergedInto;
        state.mergedAt = Timestamps.read(rs, "merged_at");
        return state;
    }

    public void insert(Collection<ProfileState> states, Instant now) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                INSERT,
                states.stream()
                        .map(s -> Stream.concat(Stream.of(s.id, Timestamps.of(s.createdAt)), written(s, now))
                                .toArray())
                        .toList());
    }

    public void update(Collection<ProfileState> states, Instant now) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                UPDATE,
                states.stream()
                        .map(s ->
                                Stream.concat(written(s, now), Stream.of(s.id)).toArray())
                        .toList());
    }

    /** A column of the profile row that every insert and update writes, and what it holds for a profile. */
    private record Column(String name, boolean json, BiFunction<ProfileState, Instant, Object> value) {

        static Column of(String name, BiFunction<ProfileState, Instant, Object> value) {
            return new Column(name, false, value);
        }

        static Column json(String name, Function<ProfileState, ObjectNode> value) {
            return new Column(name, true, (state, now) -> value.apply(state));
        }

        String placeholder() {
            return json ? "?::jsonb" : "?";
        }
    }

    /** The profile row's columns in one place, so that insert and update cannot write them differently. */
    private static final List<Column> WRITTEN = List.of(
            Column.of("updated_at", (s, now) -> Timestamps.of(now)),
            Column.of("merged_into", (s, now) -> s.mergedInto),
            Column.of("merged_at", (s, now) -> Timestamps.of(s.mergedAt)),
            Column.of("display_name", (s, now) -> s.displayName),
            Column.json("traits", s -> s.traits),
            Column.json("trait_times", s -> s.traitTimes),
            Column.of("channel", (s, now) -> s.channel),
            Column.of("channel_rank", (s, now) -> s.channelRank),
            Column.of("channel_at", (s, now) -> Timestamps.of(s.channelAt)),
            Column.of("first_seen_at", (s, now) -> Timestamps.of(s.firstSeenAt)),
            Column.of("last_seen_at", (s, now) -> Timestamps.of(s.lastSeenAt)),
            Column.of("event_count", (s, now) -> s.eventCount),
            Column.of("order_count", (s, now) -> s.orderCount),
            Column.of("total_spent", (s, now) -> s.totalSpent),
            Column.of("first_order_at", (s, now) -> Timestamps.of(s.firstOrderAt)),
            Column.of("last_order_at", (s, now) -> Timestamps.of(s.lastOrderAt)),
            Column.json("consents", s -> s.consents),
            Column.of("consent_withdrawn_at", (s, now) -> Timestamps.of(s.consentWithdrawnAt)),
            Column.of("time_zone", (s, now) -> s.timeZone),
            Column.of("time_zone_at", (s, now) -> Timestamps.of(s.timeZoneAt)));

    private static final String INSERT = "insert into customers.customer (id, created_at, "
            + WRITTEN.stream().map(Column::name).collect(joining(", "))
            + ") values (?, ?, "
            + WRITTEN.stream().map(Column::placeholder).collect(joining(", "))
            + ")";

    private static final String UPDATE = "update customers.customer set "
            + WRITTEN.stream()
                    .map(column -> column.name() + " = " + column.placeholder())
                    .collect(joining(", "))
            + " where id = ?";

    private Stream<Object> written(ProfileState state, Instant now) {
        return WRITTEN.stream().map(column -> {
            var value = column.value().apply(state, now);
            return column.json() ? json.writeValueAsString(value) : value;
        });
    }

    /** Replaces the order facts of profiles with commerce's current figures, in id order (the order writers lock in). */
    public void updateOrderFacts(Collection<OrderFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        var sorted = facts.stream()
                .sorted(Comparator.comparingLong(f -> f.customerId().value()))
                .toList();
        jdbc.batchUpdate(
                """
                update customers.customer set order_count = ?, total_spent = ?, first_order_at = ?, last_order_at = ?
                 where id = ?""",
                sorted.stream()
                        .map(f -> new Object[] {
                            f.orderCount(),
                            f.totalSpent(),
                            Timestamps.of(f.firstOrderAt()),
                            Timestamps.of(f.lastOrderAt()),
                            f.customerId().value()
                        })
                        .toList());
    }

    public record IdentityRow(
            String type,
            String lookupKey,
            long customerId,
            String displayValue,
            byte[] sealedValue,
            Instant firstSeenAt) {}

    public void insertIdentities(List<IdentityRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into customers.identity (type, lookup_key, customer_id, display_value, sealed_value, first_seen_at)
                values (?, ?, ?, ?, ?, ?)""",
                rows.stream()
                        .map(r -> new Object[] {
                            r.type(),
                            r.lookupKey(),
                            r.customerId(),
                            r.displayValue(),
                            r.sealedValue(),
                            Timestamps.of(r.firstSeenAt())
                        })
                        .toList());
    }

    /**
     * Moves everything of an absorbed profile to its survivor and records the merge with the number of events moved,
     * counting the {@code movedInBatch} events of the current batch that go to the survivor directly.
     */
    public void merge(IdentityGraph.Merge merge, long movedInBatch) {
        jdbc.update(
                "update customers.identity set customer_id = ? where customer_id = ?",
                merge.survivor(),
                merge.absorbed());
        var moved = movedInBatch
                + jdbc.update(
                        "update customers.event set customer_id = ? where customer_id = ?",
                        merge.survivor(),
                        merge.absorbed());
        jdbc.update("""
                insert into customers.event_count (customer_id, name, count, first_at, last_at)
                select ?, name, count, first_at, last_at from customers.event_count where customer_id = ?
                on conflict (customer_id, name) do update
                   set count = customers.event_count.count + excluded.count,
                       first_at = least(customers.event_count.first_at, excluded.first_at),
                       last_at = greatest(customers.event_count.last_at, excluded.last_at)""", merge.survivor(), merge.absorbed());
        jdbc.update("delete from customers.event_count where customer_id = ?", merge.absorbed());
        jdbc.update(
                "update customers.consent_change set customer_id = ? where customer_id = ?",
                merge.survivor(),
                merge.absorbed());
        jdbc.update(
                "update customers.customer set merged_into = ? where merged_into = ?",
                merge.survivor(),
                merge.absorbed());
        jdbc.update(
                """
                insert into customers.merge (survivor_id, absorbed_id, merged_at, linked_by_type, message_id, events_moved)
                values (?, ?, ?, ?, ?, ?)""",
                merge.survivor(),
                merge.absorbed(),
                Timestamps.of(merge.at()),
                merge.linkedByType(),
                merge.messageId(),
                moved);
    }

    /** Gives the identifiers a device's new user took over to their profile (see {@link IdentityGraph.Handover}). */
    public void handOver(List<IdentityGraph.Handover> handovers, java.util.function.LongUnaryOperator survivorOf) {
        if (handovers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "update customers.identity set customer_id = ? where type = ? and lookup_key = ?",
                handovers.stream()
                        .map(h -> new Object[] {
                            survivorOf.applyAsLong(h.to()),
                            h.key().type(),
                            h.key().lookupKey()
                        })
                        .toList());
    }

    public void recordConflicts(List<IdentityGraph.Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into customers.identity_conflict (at, customer_id, other_customer_id, identity_type, message_id, reason)
                values (?, ?, ?, ?, ?, ?)""",
                conflicts.stream()
                        .map(c -> new Object[] {
                            Timestamps.of(c.at()),
                            c.customerId(),
                            c.otherCustomerId(),
                            c.identityType(),
                            c.messageId(),
                            c.reason()
                        })
                        .toList());
    }

    public record ConsentRow(long customerId, ProfileState.ConsentChange change) {}

    public void insertConsentChanges(List<ConsentRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into customers.consent_change (customer_id, category, granted, decided_at, recorded_at, message_id,
                       merged_from)
                values (?, ?, ?, ?, ?, ?, ?)""",
                rows.stream()
                        .map(r -> new Object[] {
                            r.customerId(),
                            r.change().category(),
                            r.change().granted(),
                            Timestamps.of(r.change().decidedAt()),
                            Timestamps.of(now),
                            r.change().messageId(),
                            r.change().mergedFrom()
                        })
                        .toList());
    }

    public record EventRow(
            long id,
            long customerId,
            Instant occurredAt,
            Instant receivedAt,
            String type,
            String name,
            String messageId,
            String properties,
            String context,
            byte[] sealedValues) {}

    public void insertEvents(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into customers.event (id, customer_id, occurred_at, received_at, type, name, message_id, properties,
                       context, sealed_values)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                rows.stream()
                        .map(r -> new Object[] {
                            r.id(),
                            r.customerId(),
                            Timestamps.of(r.occurredAt()),
                            Timestamps.of(r.receivedAt()),
                            r.type(),
                            r.name(),
                            r.messageId(),
                            r.properties(),
                            r.context(),
                            r.sealedValues()
                        })
                        .toList());
    }

    public record EventCount(long customerId, String name, long count, Instant firstAt, Instant lastAt) {}

    public void addEventCounts(Collection<EventCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        // Sorted so that two writers touching the same rows always lock them in the same order.
        var sorted = new ArrayList<>(counts);
        sorted.sort((a, b) -> a.customerId() != b.customerId()
                ? Long.compare(a.customerId(), b.customerId())
                : a.name().compareTo(b.name()));
        jdbc.batchUpdate(
                """
                insert into customers.event_count (customer_id, name, count, first_at, last_at) values (?, ?, ?, ?, ?)
                on conflict (customer_id, name) do update
                   set count = customers.event_count.count + excluded.count,
                       first_at = least(customers.event_count.first_at, excluded.first_at),
                       last_at = greatest(customers.event_count.last_at, excluded.last_at)""",
                sorted.stream()
                        .map(c -> new Object[] {
                            c.customerId(), c.name(), c.count(), Timestamps.of(c.firstAt()), Timestamps.of(c.lastAt())
                        })
                        .toList());
    }

    public void addDailyActivity(Map<LocalDate, Long> eventsPerDay) {
        if (eventsPerDay.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into customers.daily_activity (day, events) values (?, ?)
                on conflict (day) do update set events = customers.daily_activity.events + excluded.events""",
                eventsPerDay.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new Object[] {e.getKey(), e.getValue()})
                        .toList());
    }

    private static Array longs(java.sql.Connection connection, Collection<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray(Long[]::new));
    }
}
