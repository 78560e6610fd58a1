package io.siyu.customers.internal.directory;

import io.siyu.access.Viewer;
import io.siyu.customers.ContactPoints;
import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.internal.identity.IdentityRules;
import io.siyu.customers.internal.vault.CustomersProperties;
import io.siyu.customers.internal.vault.PersonalDataVault;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading profiles for other modules: snapshots of their traits, facts and consent, the rows lists show, and finding a
 * live customer by an identifier or an id.
 */
@Component
public class ProfileQueries {

    private static final String SNAPSHOT = """
            select id, merged_into, traits, channel, first_seen_at, last_seen_at, event_count, order_count, total_spent,
                   first_order_at, last_order_at, consents, time_zone from customers.customer""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final IdentityRules rules;
    private final PersonalDataVault vault;
    private final CustomerDirectory directory;
    private final ZoneId brandZone;

    ProfileQueries(
            JdbcTemplate jdbc,
            JsonMapper json,
            IdentityRules rules,
            PersonalDataVault vault,
            CustomerDirectory directory,
            CustomersProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.vault = vault;
        this.directory = directory;
        this.brandZone = properties.timeZone();
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

    /**
     * Per customer, the newest e-mail address and phone number (opened from the vault), the newest identifier of
     * every other type, and the identifier messages about the customer are addressed by: the user id, else an
     * anonymous id, else the e-mail address, a platform id the tracking API reads from traits, or the phone number.
     */
    public List<ContactPoints> contactPoints(Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var found = new LinkedHashMap<Long, Map<String, String[]>>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select customer_id, type, lookup_key, display_value, sealed_value from customers.identity
                             where customer_id = any(?)
                             order by first_seen_at desc, type""");
                    statement.setArray(
                            1,
                            connection.createArrayOf(
                                    "bigint",
                                    ids.stream().map(CustomerId::value).toArray()));
                    return statement;
                },
                (RowCallbackHandler) rs -> {
                    var type = rs.getString("type");
                    var sealed = rs.getBytes("sealed_value");
                    var clear = sealed != null ? vault.open(type, sealed) : rs.getString("lookup_key");
                    found.computeIfAbsent(rs.getLong("customer_id"), c -> new HashMap<>())
                            .putIfAbsent(type, new String[] {clear, rs.getString("display_value")});
                });
        var points = new ArrayList<ContactPoints>();
        found.forEach((id, byType) -> {
            var email = byType.getOrDefault(IdentityRules.EMAIL, new String[2]);
            var phone = byType.getOrDefault(IdentityRules.PHONE, new String[2]);
            var platformIds = new HashMap<String, String>();
            byType.forEach((type, value) -> {
                if (!IdentityRules.PERSONAL.contains(type)
                        && !type.equals(IdentityRules.USER_ID)
                        && !type.equals(IdentityRules.ANONYMOUS_ID)) {
                    platformIds.put(type, value[0]);
                }
            });
            points.add(new ContactPoints(
                    CustomerId.of(id), email[0], email[1], phone[0], phone[1], addressedAs(byType), platformIds));
        });
        return points;
    }

    private static ContactPoints.Identifier addressedAs(Map<String, String[]> byType) {
        for (var type : List.of(IdentityRules.USER_ID, IdentityRules.ANONYMOUS_ID, IdentityRules.EMAIL)) {
            if (byType.containsKey(type)) {
                var field = switch (type) {
                    case IdentityRules.USER_ID -> "userId";
                    case IdentityRules.ANONYMOUS_ID -> "anonymousId";
                    default -> type;
                };
                return new ContactPoints.Identifier(field, byType.get(type)[0]);
            }
        }
        for (var type : IdentityRules.PLATFORM_TRAITS.values()) {
            if (byType.containsKey(type)) {
                return new ContactPoints.Identifier(type, byType.get(type)[0]);
            }
        }
        if (byType.containsKey(IdentityRules.PHONE)) {
            return new ContactPoints.Identifier(IdentityRules.PHONE, byType.get(IdentityRules.PHONE)[0]);
        }
        var any = byType.entrySet().iterator().next();
        return new ContactPoints.Identifier(any.getKey(), any.getValue()[0]);
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
                consents(rs.getString("consents")),
                zone(rs.getString("time_zone")));
    }

    /** The customer's own zone, else the brand's (also for a stored name this Java no longer knows). */
    private ZoneId zone(String stored) {
        if (stored == null) {
            return brandZone;
        }
        try {
            return ZoneId.of(stored);
        } catch (java.time.DateTimeException unknown) {
            return brandZone;
        }
    }

    /** Whether each category is granted, from the stored decisions; most profiles have none. */
    private Map<String, Boolean> consents(String stored) {
        if (stored == null || stored.equals("{}")) {
            return Map.of();
        }
        var granted = new HashMap<String, Boolean>();
        json.readTree(stored)
                .properties()
                .forEach(entry -> granted.put(
                        entry.getKey(), entry.getValue().path("granted").asBoolean()));
        return granted;
    }

    public List<CustomerSummary> summaries(List<CustomerId> ids) {
        var found = directory.summaries(ids.stream().map(CustomerId::value).toList()).stream()
                .collect(Collectors.toMap(CustomerSummary::id, s -> s));
        return ids.stream()
                .map(id -> found.get(id.value()))
                .filter(Objects::nonNull)
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

    /** The live customer a shop's user id leads to; see {@link io.siyu.customers.Profiles#ownedBy}. */
    public Optional<CustomerId> ownedBy(String userId) {
        String key;
        try {
            key = rules.parse(IdentityRules.USER_ID, userId).value();
        } catch (io.siyu.shared.InvalidInputException e) {
            return Optional.empty();
        }
        return jdbc.query("""
                        select c.id from customers.identity i
                          join customers.customer c on c.id = i.customer_id and c.merged_into is null
                         where i.type = ? and i.lookup_key = ?""", (rs, n) -> CustomerId.of(rs.getLong(1)), IdentityRules.USER_ID, key).stream()
                .findFirst();
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

    /**
     * Whether the profile exists and is not merged, read with a share lock on its row: the merge's update of
     * {@code merged_into} waits for the caller's transaction, and a merge in progress is waited for and then seen.
     */
    public boolean holdIfLive(CustomerId id) {
        return jdbc
                .query(
                        "select merged_into is null as live from customers.customer where id = ? for share",
                        (rs, n) -> rs.getBoolean("live"),
                        id.value())
                .stream()
                .findFirst()
                .orElse(false);
    }

    public long highestCustomerId() {
        var highest = jdbc.queryForObject("select max(id) from customers.customer", Long.class);
        return highest == null ? 0 : highest;
    }
}
