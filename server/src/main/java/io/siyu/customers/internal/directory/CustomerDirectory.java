package io.siyu.customers.internal.directory;

import io.siyu.access.Viewer;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.internal.identity.IdentityKey;
import io.siyu.customers.internal.identity.IdentityRules;
import io.siyu.customers.internal.recording.TimelineRows;
import io.siyu.customers.internal.vault.CustomersProperties;
import io.siyu.customers.internal.vault.PersonalDataVault;
import io.siyu.shared.Cursor;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.PersonalData;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Finding customers and reading their profiles and timelines, for the operator API. */
@Component
public class CustomerDirectory {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    /** Whole numbers of more digits than this are no phone number (E.164 allows 15). */
    private static final int MOST_DIGITS_OF_A_NUMBER = 18;

    private static final String LOOKUP = "looking customers up by phone number or e-mail address";

    private final NamedParameterJdbcTemplate jdbc;
    private final IdentityRules rules;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final ZoneId brandZone;

    CustomerDirectory(
            NamedParameterJdbcTemplate jdbc,
            IdentityRules rules,
            PersonalDataVault vault,
            JsonMapper json,
            CustomersProperties properties) {
        this.brandZone = properties.timeZone();
        this.jdbc = jdbc;
        this.rules = rules;
        this.vault = vault;
        this.json = json;
    }

    public record Search(
            String q,
            String identity,
            String trait,
            String channel,
            Integer minOrders,
            BigDecimal minSpent,
            Integer seenWithinDays,
            String cursor,
            int limit) {}

    public Slice<CustomerSummary> search(Search search, Instant now) {
        var where = new ArrayList<String>();
        where.add("c.merged_into is null");
        var params = new MapSqlParameterSource();
        var personal = rules.personalData();
        if (search.identity() != null) {
            var colon = search.identity().indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("identity", "format", "must be type:value, e.g. email:ann@example.com");
            }
            var key = rules.parse(
                    search.identity().substring(0, colon), search.identity().substring(colon + 1));
            if (key.personal() || personal.contains(key.value())) {
                Viewer.requirePersonalData("identity", LOOKUP);
            }
            identityFilter(where, params, key);
        }
        if (search.q() != null) {
            query(search.q().strip(), where, params);
        }
        if (search.trait() != null) {
            var colon = search.trait().indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("trait", "format", "must be name:value, e.g. city:Shanghai");
            }
            var name = search.trait().substring(0, colon);
            var value = search.trait().substring(colon + 1);
            var asJson = parseScalar(value);
            if (personal.contains(name)
                    || personal.contains(value)
                    || (asJson != null && personal.contains(wholeNumber(value)))) {
                Viewer.requirePersonalData("trait", "comparing traits with a phone number or an e-mail address");
            }
            var asText = json.createObjectNode().put(name, value);
            params.addValue("traitText", json.writeValueAsString(asText));
            var clause = new StringBuilder("(c.traits @> cast(:traitText as jsonb)");
            if (asJson != null) {
                var typed = json.createObjectNode();
                typed.set(name, asJson);
                params.addValue("traitTyped", json.writeValueAsString(typed));
                clause.append(" or c.traits @> cast(:traitTyped as jsonb)");
            }
            where.add(clause.append(')').toString());
        }
        if (search.channel() != null) {
            if (personal.contains(search.channel())) {
                Viewer.requirePersonalData("channel", "comparing channels with a phone number or an e-mail address");
            }
            params.addValue("channel", search.channel().strip().toLowerCase());
            where.add("c.channel = :channel");
        }
        if (search.minOrders() != null) {
            params.addValue("minOrders", search.minOrders());
            where.add("c.order_count >= :minOrders");
        }
        if (search.minSpent() != null) {
            params.addValue("minSpent", search.minSpent());
            where.add("c.total_spent >= :minSpent");
        }
        if (search.seenWithinDays() != null) {
            params.addValue("seenSince", Timestamps.of(now.minusSeconds(86_400L * search.seenWithinDays())));
            where.add("c.last_seen_at >= :seenSince");
        }
        if (search.cursor() != null) {
            params.addValue(
                    "before", Cursor.decode("cursor", search.cursor(), 1).number(0));
            where.add("c.id < :before");
        }
        params.addValue("limit", Slice.rowsToFetch(search.limit()));
        var rows = jdbc.query(
                "select c.* from customers.customer c where " + String.join(" and ", where)
                        + " order by c.id desc limit :limit",
                params,
                (rs, n) -> rs.getLong("id"));
        return Slice.cut(rows, search.limit(), id -> Cursor.encode(id)).mapItems(this::summaries);
    }

    /**
     * The filter of {@code q}: an e-mail address, a phone number, a customer id, or a fragment of a name.
     *
     * <p>A caller who may not see personal data may not look customers up by phone number or e-mail address, whole or
     * in part: they see them masked, and each answer would confirm or refute a guess at the hidden digits. Digits that
     * are not a phone number are a customer id only, and names that hold anything shaped like a phone number or an
     * e-mail address (a 7-character run of digits and separators, an {@code @}) are left out of their name searches.
     */
    private void query(String q, List<String> where, MapSqlParameterSource params) {
        var clear = Viewer.maySeePersonalData();
        if (q.contains("@")) {
            Viewer.requirePersonalData("q", LOOKUP);
            identityFilter(where, params, rules.parse(IdentityRules.EMAIL, q));
        } else if (!clear
                && DIGITS.matcher(q).matches()
                && !rules.personalData().contains(q)) {
            params.addValue("qid", Long.parseLong(q));
            where.add("c.id = :qid");
        } else if (q.startsWith("+") || (q.length() >= 7 && q.chars().allMatch(Character::isDigit))) {
            Viewer.requirePersonalData("q", LOOKUP);
            var phone = rules.personalData().normalisePhone(q);
            var byPhone = phone == null ? null : new IdentityKey(IdentityRules.PHONE, phone);
            if (byPhone != null && DIGITS.matcher(q).matches()) {
                params.addValue("qid", Long.parseLong(q));
                params.addValue("qphone", vault.lookupKey(byPhone));
                where.add("""
                        (c.id = :qid or c.id in (select customer_id from customers.identity
                                                   where type = 'phone' and lookup_key = :qphone))""");
            } else if (byPhone != null) {
                identityFilter(where, params, byPhone);
            } else {
                where.add("false");
            }
        } else if (DIGITS.matcher(q).matches()) {
            params.addValue("qid", Long.parseLong(q));
            where.add("c.id = :qid");
        } else if (!q.isEmpty()) {
            if (PersonalData.isPhoneShaped(q) || rules.personalData().contains(q)) {
                Viewer.requirePersonalData("q", LOOKUP);
            }
            params.addValue(
                    "name", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.add("c.display_name ilike :name");
            if (!clear) {
                params.addValue("personalName", PersonalData.SHAPED_LIKE_PHONE_OR_EMAIL);
                where.add("c.display_name !~ :personalName");
            }
        }
    }

    private void identityFilter(List<String> where, MapSqlParameterSource params, IdentityKey key) {
        params.addValue("idType", key.type());
        params.addValue("idKey", key.personal() ? vault.lookupKey(key) : key.value());
        where.add("c.id in (select customer_id from customers.identity where type = :idType and lookup_key = :idKey)");
    }

    /**
     * A JSON number in the digits it compares equal to ({@code 1.3812345678e10} and {@code 13812345678.0} are
     * {@code 13812345678}), so that a number is recognised as a phone however it is written; null for a number that is
     * not whole or has more digits than any phone.
     */
    private static String wholeNumber(String number) {
        try {
            var decimal = new BigDecimal(number.strip()).stripTrailingZeros();
            if (decimal.scale() > 0 || decimal.precision() - decimal.scale() > MOST_DIGITS_OF_A_NUMBER) {
                return null;
            }
            return decimal.toBigIntegerExact().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private JsonNode parseScalar(String value) {
        try {
            var node = json.readTree(value);
            return node.isNumber() || node.isBoolean() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<CustomerSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var contact = contactDetails(ids);
        return jdbc.query(
                "select * from customers.customer where id in (:ids) order by id desc",
                new MapSqlParameterSource("ids", ids),
                (rs, n) -> {
                    var id = rs.getLong("id");
                    var details = contact.getOrDefault(id, Map.of());
                    return new CustomerSummary(
                            id,
                            rs.getString("display_name"),
                            details.get(IdentityRules.EMAIL),
                            details.get(IdentityRules.PHONE),
                            rs.getString("channel"),
                            Timestamps.read(rs, "first_seen_at"),
                            Timestamps.read(rs, "last_seen_at"),
                            rs.getLong("event_count"),
                            rs.getInt("order_count"),
                            rs.getBigDecimal("total_spent"));
                });
    }

    /** The first e-mail and phone of each customer, in clear or masked as the viewer may see them. */
    private Map<Long, Map<String, String>> contactDetails(List<Long> ids) {
        var clear = Viewer.maySeePersonalData();
        var result = new HashMap<Long, Map<String, String>>();
        jdbc.query("""
                select customer_id, type, display_value, sealed_value from customers.identity
                 where customer_id in (:ids) and type in ('email', 'phone') order by first_seen_at""", new MapSqlParameterSource("ids", ids), rs -> {
            var values = result.computeIfAbsent(rs.getLong("customer_id"), c -> new HashMap<>());
            var type = rs.getString("type");
            if (!values.containsKey(type)) {
                values.put(type, shown(type, rs, clear));
            }
        });
        return result;
    }

    private String shown(String type, ResultSet rs, boolean clear) throws SQLException {
        var sealed = rs.getBytes("sealed_value");
        return clear && sealed != null ? vault.open(type, sealed) : rs.getString("display_value");
    }

    public record Trait(
            String name, JsonNode value, @Nullable Instant updatedAt) {}

    public record Identity(
            String type,
            String value,
            boolean personal,
            @Nullable Instant firstSeenAt) {}

    public record EventCount(
            String name,
            long count,
            @Nullable Instant firstAt,
            @Nullable Instant lastAt) {}

    public record MergeRecord(
            long survivorId,
            long absorbedId,
            Instant mergedAt,
            @Nullable String linkedByType,
            long eventsMoved) {}

    public record ConflictRecord(
            Instant at,
            @Nullable Long otherCustomerId,
            @Nullable String identityType,
            String reason) {}

    /**
     * Where a customer stands on one category of consent: granted or not, since when, the message that decided it, and
     * the latest message that said so again.
     */
    public record Consent(
            String category,
            boolean granted,
            Instant since,
            @Nullable String messageId,
            Instant confirmedAt) {}

    /** One change of consent: from a message, or adopted from a profile merged into this one. */
    public record ConsentChange(
            String category,
            boolean granted,
            Instant decidedAt,
            Instant recordedAt,
            @Nullable String messageId,
            @Nullable Long mergedFrom) {}

    public record Facts(
            @Nullable Instant firstSeenAt,
            @Nullable Instant lastSeenAt,
            long eventCount,
            int orderCount,
            BigDecimal totalSpent,
            @Nullable BigDecimal averageOrderValue,
            @Nullable Instant firstOrderAt,
            @Nullable Instant lastOrderAt,
            List<EventCount> eventCounts) {}

    public record Profile(
            long id,
            long requestedId,
            @Nullable String displayName,
            Instant createdAt,
            @Nullable String channel,
            CustomerTimeZone timeZone,
            List<Identity> identities,
            List<Trait> traits,
            List<Consent> consents,
            Facts facts,
            List<MergeRecord> merges,
            List<ConflictRecord> identityConflicts) {}

    /**
     * The zone times of day meant for the customer are read in: {@code customer} when one of their messages named it
     * ({@code context.timezone}, the latest such message at {@code seenAt}), {@code brand} when none did.
     */
    public record CustomerTimeZone(
            String zone, String source, @Nullable Instant seenAt) {}

    public Profile profile(long requestedId) {
        var liveId = liveId(requestedId);
        var params = new MapSqlParameterSource("id", liveId);
        var clear = Viewer.maySeePersonalData();
        var identities = jdbc.query("""
                select type, display_value, sealed_value, first_seen_at from customers.identity
                 where customer_id = :id order by first_seen_at, type""", params, (rs, n) -> {
            var type = rs.getString("type");
            return new Identity(
                    type,
                    shown(type, rs, clear),
                    IdentityRules.PERSONAL.contains(type),
                    Timestamps.read(rs, "first_seen_at"));
        });
        var eventCounts = jdbc.query(
                "select * from customers.event_count where customer_id = :id order by count desc, name",
                params,
                (rs, n) -> new EventCount(
                        rs.getString("name"),
                        rs.getLong("count"),
                        Timestamps.read(rs, "first_at"),
                        Timestamps.read(rs, "last_at")));
        var merges = jdbc.query(
                """
                select * from customers.merge where survivor_id = :id or absorbed_id = :id
                 or survivor_id in (select id from customers.customer where merged_into = :id)
                 order by merged_at desc, id desc limit 200""",
                params,
                (rs, n) -> new MergeRecord(
                        rs.getLong("survivor_id"),
                        rs.getLong("absorbed_id"),
                        Timestamps.read(rs, "merged_at"),
                        rs.getString("linked_by_type"),
                        rs.getLong("events_moved")));
        var conflicts = jdbc.query("""
                select * from customers.identity_conflict where customer_id = :id
                 order by at desc, id desc limit 50""", params, (rs, n) -> {
            var other = rs.getLong("other_customer_id");
            var otherKnown = !rs.wasNull();
            return new ConflictRecord(
                    Timestamps.read(rs, "at"),
                    otherKnown ? other : null,
                    rs.getString("identity_type"),
                    rs.getString("reason"));
        });
        return jdbc.queryForObject("select * from customers.customer where id = :id", params, (rs, n) -> {
            var traits = new ArrayList<Trait>();
            var values = json.readTree(rs.getString("traits"));
            var times = json.readTree(rs.getString("trait_times"));
            for (var entry : values.properties()) {
                var time = times.path(entry.getKey()).asString(null);
                traits.add(new Trait(entry.getKey(), entry.getValue(), time == null ? null : Instant.parse(time)));
            }
            traits.sort(java.util.Comparator.comparing(Trait::name));
            var consents = consents(rs.getString("consents"));
            var orderCount = rs.getInt("order_count");
            var spent = rs.getBigDecimal("total_spent");
            var average = orderCount == 0
                    ? null
                    : spent.divide(BigDecimal.valueOf(orderCount), 2, java.math.RoundingMode.HALF_EVEN);
            var facts = new Facts(
                    Timestamps.read(rs, "first_seen_at"),
                    Timestamps.read(rs, "last_seen_at"),
                    rs.getLong("event_count"),
                    orderCount,
                    spent,
                    average,
                    Timestamps.read(rs, "first_order_at"),
                    Timestamps.read(rs, "last_order_at"),
                    eventCounts);
            return new Profile(
                    liveId,
                    requestedId,
                    rs.getString("display_name"),
                    Timestamps.read(rs, "created_at"),
                    rs.getString("channel"),
                    timeZone(rs.getString("time_zone"), Timestamps.read(rs, "time_zone_at")),
                    identities,
                    traits,
                    consents,
                    facts,
                    merges,
                    conflicts);
        });
    }

    private CustomerTimeZone timeZone(@Nullable String own, @Nullable Instant seenAt) {
        return own == null
                ? new CustomerTimeZone(brandZone.getId(), "brand", null)
                : new CustomerTimeZone(own, "customer", seenAt);
    }

    /** A profile's stored consent decisions, by category. */
    private List<Consent> consents(String stored) {
        var consents = new ArrayList<Consent>();
        for (var entry : json.readTree(stored).properties()) {
            var decision = entry.getValue();
            consents.add(new Consent(
                    entry.getKey(),
                    decision.path("granted").asBoolean(),
                    Instant.parse(decision.path("since").asString()),
                    decision.path("messageId").asString(null),
                    Instant.parse(decision.path("at").asString())));
        }
        consents.sort(java.util.Comparator.comparing(Consent::category));
        return consents;
    }

    /**
     * The live customer the shop's user id leads to, for requests of that customer (the consumer API), with where they
     * stand on each category of consent; empty while Siyu has not met this user. Unlike a search, this names no one
     * by a phone number or an e-mail address to an operator: the caller proved, with the shop's signature, to be the
     * user, so a user id shaped like a phone number needs no permission here.
     */
    public Optional<Own> own(String userId) {
        IdentityKey key;
        try {
            key = rules.parse(IdentityRules.USER_ID, userId);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                        select c.id, c.consents from customers.identity i
                          join customers.customer c on c.id = i.customer_id and c.merged_into is null
                         where i.type = :type and i.lookup_key = :key""",
                        new MapSqlParameterSource("type", key.type()).addValue("key", key.value()),
                        (rs, n) -> new Own(rs.getLong("id"), consents(rs.getString("consents"))))
                .stream()
                .findFirst();
    }

    /** A customer as the consumer API shows them to themselves. */
    public record Own(long customerId, List<Consent> consents) {}

    /** The live profile an id leads to (its survivor, if it was merged); 404 if it never existed. */
    private long liveId(long requestedId) {
        return jdbc
                .query(
                        "select coalesce(merged_into, id) as live from customers.customer where id = :id",
                        new MapSqlParameterSource("id", requestedId),
                        (rs, n) -> rs.getLong("live"))
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("customer", requestedId));
    }

    /** The latest changes of a customer's consent, newest first (those of profiles merged into it included). */
    public List<ConsentChange> consentChanges(long requestedId, int limit) {
        var liveId = liveId(requestedId);
        return jdbc.query("""
                select * from customers.consent_change where customer_id = :id
                 order by decided_at desc, id desc limit :limit""", new MapSqlParameterSource("id", liveId).addValue("limit", limit), (rs, n) -> {
            var mergedFrom = rs.getLong("merged_from");
            var fromMerge = !rs.wasNull();
            return new ConsentChange(
                    rs.getString("category"),
                    rs.getBoolean("granted"),
                    Timestamps.read(rs, "decided_at"),
                    Timestamps.read(rs, "recorded_at"),
                    rs.getString("message_id"),
                    fromMerge ? mergedFrom : null);
        });
    }

    public record TimelineEvent(
            long id,

            @Schema(allowableValues = {"identify", "track", "page", "screen", "group", "alias"})
            String type,

            @Nullable String name,
            Instant occurredAt,
            @Nullable Instant receivedAt,
            @Nullable String messageId,
            @Nullable JsonNode properties,
            @Nullable JsonNode context) {}

    /**
     * Masks entirely the phone numbers and e-mail addresses given as {@code context.externalIds} of an event that has
     * none sealed: one recorded before events were sealed, when masking went by property name and left these in clear.
     * (An event recorded since holds them masked, and sealed.)
     */
    private void maskExternalIdentities(JsonNode context) {
        if (context != null && context.get("externalIds") instanceof ArrayNode externalIds) {
            for (var entry : externalIds) {
                if (entry instanceof ObjectNode externalId
                        && externalId.path("id").isString()
                        && IdentityRules.isPersonalExternalType(
                                externalId.path("type").asString(""))) {
                    externalId.put(
                            "id",
                            rules.personalData()
                                    .maskEntirely(externalId.get("id").asString()));
                }
            }
        }
    }

    /** One page of a customer's timeline, newest first; the total is the profile's event count fact. */
    public Slice<TimelineEvent> timeline(long requestedId, String cursor, int limit, String name) {
        var profile = liveId(requestedId);
        var params = new MapSqlParameterSource("id", profile).addValue("limit", Slice.rowsToFetch(limit));
        var where = new StringBuilder("customer_id = :id");
        if (cursor != null) {
            var keys = Cursor.decode("cursor", cursor, 2);
            params.addValue("beforeAt", Timestamps.of(keys.instant(0)));
            params.addValue("beforeId", keys.number(1));
            where.append(" and (occurred_at, id) < (:beforeAt, :beforeId)");
        }
        if (name != null && !name.isBlank()) {
            // counted names of non-track messages are "$page", "$identify"...; tracks count by event name
            if (name.startsWith("$")) {
                params.addValue("type", name.substring(1));
                where.append(" and type = :type");
            } else {
                params.addValue("name", name);
                where.append(" and type = 'track' and name = :name");
            }
        }
        var clear = Viewer.maySeePersonalData();
        var rows = jdbc.query(
                "select * from customers.event where " + where + " order by occurred_at desc, id desc limit :limit",
                params,
                (rs, n) -> {
                    var properties =
                            rs.getString("properties") == null ? null : json.readTree(rs.getString("properties"));
                    var context = rs.getString("context") == null ? null : json.readTree(rs.getString("context"));
                    var sealed = rs.getBytes("sealed_values");
                    if (clear && sealed != null) {
                        var parts = new HashMap<String, JsonNode>();
                        parts.put(TimelineRows.PROPERTIES, properties);
                        parts.put(TimelineRows.CONTEXT, context);
                        vault.openPersonalValues(parts, sealed);
                    } else if (!clear && sealed == null) {
                        maskExternalIdentities(context);
                    }
                    return new TimelineEvent(
                            rs.getLong("id"),
                            rs.getString("type"),
                            rs.getString("name"),
                            Timestamps.read(rs, "occurred_at"),
                            Timestamps.read(rs, "received_at"),
                            rs.getString("message_id"),
                            properties,
                            context);
                });
        var total = name == null || name.isBlank()
                ? jdbc.queryForObject(
                        "select event_count from customers.customer where id = :id",
                        new MapSqlParameterSource("id", profile),
                        Long.class)
                : jdbc.queryForObject("""
                        select coalesce(sum(count), 0) from customers.event_count
                         where customer_id = :id and name = :name""", new MapSqlParameterSource("id", profile).addValue("name", name), Long.class);
        return Slice.cut(rows, limit, event -> Cursor.encode(event.occurredAt(), event.id()))
                .withTotal(total);
    }
}
