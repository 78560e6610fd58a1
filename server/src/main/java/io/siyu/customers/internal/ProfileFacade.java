package io.siyu.customers.internal;

import io.siyu.access.Viewer;
import io.siyu.customers.CustomerId;
import io.siyu.customers.OrderFacts;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The work behind {@link io.siyu.customers.Profiles}, kept out of the module's API package. */
@Component
public class ProfileFacade {

    private final TouchRecorder recorder;
    private final IdentityRules rules;
    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final CustomerDirectory directory;
    private final PersonalDataVault vault;

    ProfileFacade(
            TouchRecorder recorder,
            IdentityRules rules,
            JdbcTemplate jdbc,
            JsonMapper json,
            CustomerDirectory directory,
            PersonalDataVault vault) {
        this.recorder = recorder;
        this.rules = rules;
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.vault = vault;
    }

    public List<CustomerId> record(List<Touch> touches) {
        return recorder.record(touches);
    }

    public List<Violation> check(Touch touch) {
        var violations = new java.util.ArrayList<>(rules.extract(touch).violations());
        violations.addAll(ConsentRules.check(touch));
        return violations;
    }

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

    public List<ProfileSnapshot> snapshots(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(SNAPSHOT + " where id = any(?)");
                    statement.setArray(
                            1,
                            connection.createArrayOf(
                                    "bigint",
                                    ids.stream().map(CustomerId::value).toArray()));
                    return statement;
                },
                this::snapshot);
    }

    public void forEachLive(Consumer<ProfileSnapshot> consumer) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            SNAPSHOT + " where merged_into is null",
                            java.sql.ResultSet.TYPE_FORWARD_ONLY,
                            java.sql.ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(10_000);
                    return statement;
                },
                (RowCallbackHandler) rs -> consumer.accept(snapshot(rs, 0)));
    }

    private static final String SNAPSHOT = """
            select id, merged_into, traits, channel, first_seen_at, last_seen_at, event_count, order_count, total_spent,
                   first_order_at, last_order_at, consents from customers.customer""";

    private ProfileSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        var merged = rs.getLong("merged_into");
        var mergedInto = rs.wasNull() ? null : CustomerId.of(merged);
        @SuppressWarnings("unchecked")
        Map<String, Object> traits = json.readValue(rs.getString("traits"), Map.class);
        return new ProfileSnapshot(
                CustomerId.of(rs.getLong("id")),
                mergedInto,
                traits,
                rs.getString("channel"),
                Timestamps.read(rs, "first_seen_at"),
                Timestamps.read(rs, "last_seen_at"),
                rs.getLong("event_count"),
                rs.getInt("order_count"),
                rs.getBigDecimal("total_spent"),
                Timestamps.read(rs, "first_order_at"),
                Timestamps.read(rs, "last_order_at"),
                consents(rs.getString("consents")));
    }

    /** Whether each category is granted, from the stored decisions; most profiles have none. */
    private Map<String, Boolean> consents(String stored) {
        if (stored == null || stored.equals("{}")) {
            return Map.of();
        }
        var granted = new java.util.HashMap<String, Boolean>();
        json.readTree(stored)
                .properties()
                .forEach(entry -> granted.put(
                        entry.getKey(), entry.getValue().path("granted").asBoolean()));
        return granted;
    }

    public List<io.siyu.customers.CustomerSummary> summaries(List<CustomerId> ids) {
        var found = directory.summaries(ids.stream().map(CustomerId::value).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(io.siyu.customers.CustomerSummary::id, s -> s));
        return ids.stream()
                .map(id -> found.get(id.value()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public Optional<CustomerId> find(String identity) {
        var text = identity.strip();
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() < 19) {
            return live(CustomerId.of(Long.parseLong(text)));
        }
        var colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        var key = rules.parse(text.substring(0, colon), text.substring(colon + 1));
        if (key.personal() || rules.personalData().contains(key.value())) {
            Viewer.requirePersonalData("identity", "naming customers by phone number or e-mail address");
        }
        var lookup = key.personal() ? vault.lookupKey(key) : key.value();
        return jdbc
                .query(
                        "select customer_id from customers.identity where type = ? and lookup_key = ?",
                        (rs, n) -> CustomerId.of(rs.getLong(1)),
                        key.type(),
                        lookup)
                .stream()
                .findFirst();
    }

    public long highestCustomerId() {
        var highest = jdbc.queryForObject("select max(id) from customers.customer", Long.class);
        return highest == null ? 0 : highest;
    }

    public void forEachStoredTouch(long from, long to, Consumer<TouchesRecorded.RecordedTouch> consumer) {
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

    /** An event of the timeline as the touch it was recorded from; identify's traits are kept as its properties. */
    private TouchesRecorded.RecordedTouch storedTouch(ResultSet rs) throws SQLException {
        var type = TouchType.fromWire(rs.getString("type")).orElseThrow();
        var stored = rs.getString("properties");
        var properties = stored == null
                ? json.createObjectNode()
                : (tools.jackson.databind.node.ObjectNode) json.readTree(stored);
        var storedContext = rs.getString("context");
        var context = storedContext == null
                ? json.createObjectNode()
                : (tools.jackson.databind.node.ObjectNode) json.readTree(storedContext);
        var sealed = rs.getBytes("sealed_values");
        if (sealed != null) {
            vault.openPersonalValues(
                    Map.of(TouchRecorder.PROPERTIES, properties, TouchRecorder.CONTEXT, context), sealed);
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

    public Optional<CustomerId> live(CustomerId id) {
        return jdbc
                .query(
                        "select id, merged_into from customers.customer where id = ?",
                        (rs, n) -> {
                            var merged = rs.getLong("merged_into");
                            return rs.wasNull() ? rs.getLong("id") : merged;
                        },
                        id.value())
                .stream()
                .findFirst()
                .map(CustomerId::of);
    }
}
