package io.siyu.audience.internal;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags in categories: manual tags that people and imports assign, rule tags held by everyone matching a condition, and
 * value tags with a value per customer, assigned or computed by an ordered list of rules.
 */
@Service
class TagService {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.:/-]{1,60}");

    private final AudienceEngine engine;
    private final AudienceService audiences;
    private final Profiles profiles;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TagService(
            AudienceEngine engine,
            AudienceService audiences,
            Profiles profiles,
            AuditLog audit,
            JdbcTemplate jdbc,
            JsonMapper json,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            Clock clock) {
        this.engine = engine;
        this.audiences = audiences;
        this.profiles = profiles;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Schema(name = "TagCategory")
    record Category(long id, String name, @Nullable String description, long tags) {}

    record TagView(
            long id,
            @Nullable Long categoryId,
            String name,

            @Schema(allowableValues = {"MANUAL", "RULE", "VALUE"})
            String kind,

            @Nullable String description,
            @Nullable JsonNode rule,
            long customers,
            List<ValueCount> values,
            Instant createdAt) {}

    record ValueCount(String value, long customers) {}

    List<Category> categories() {
        return jdbc.query(
                """
                select c.id, c.name, c.description, count(t.id) as tags from audience.tag_category c
                  left join audience.tag t on t.category_id = c.id group by c.id order by c.name""",
                (rs, n) -> new Category(
                        rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("tags")));
    }

    Category createCategory(String name, String description) {
        requireName("name", name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        try {
            var id = jdbc.queryForObject(
                    "insert into audience.tag_category (name, description, created_at) values (?, ?, ?) returning id",
                    Long.class,
                    name.strip(),
                    description,
                    Timestamps.of(clock.instant()));
            audit.record("tag-category.created", "tag-category:" + id, Map.of("name", name));
            return categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a category named '" + name + "' exists");
        }
    }

    List<TagView> tags() {
        audiences.requireReady();
        return jdbc.query("select * from audience.tag order by name", (rs, n) -> view(rs));
    }

    TagView tag(long id) {
        audiences.requireReady();
        return jdbc.query("select * from audience.tag where id = ?", (rs, n) -> view(rs), id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("tag", id));
    }

    private TagView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        var id = rs.getLong("id");
        var category = rs.getLong("category_id");
        var categoryId = rs.wasNull() ? null : category;
        var rule = rs.getString("rule");
        var kind = rs.getString("kind");
        var counts = engine.index().read(() -> {
            var members = engine.index().tags.get(id);
            var values = new ArrayList<ValueCount>();
            var column = engine.index().tagValues.get(id);
            if (kind.equals("VALUE") && column != null) {
                var partition = engine.registry().valueTags().get(id);
                var names = partition != null ? partition.values() : List.<String>of();
                for (var value : names) {
                    values.add(new ValueCount(value, column.equalTo(value).getCardinality()));
                }
            }
            return Map.entry(members == null ? 0L : (long) members.getCardinality(), values);
        });
        return new TagView(
                id,
                categoryId,
                rs.getString("name"),
                kind,
                rs.getString("description"),
                rule == null ? null : json.readTree(rule),
                counts.getKey(),
                counts.getValue(),
                Timestamps.read(rs, "created_at"));
    }

    TagView create(String name, Long categoryId, String kind, String description, JsonNode rule) {
        requireName("name", name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var normalisedKind = kind(kind);
        validateRule(normalisedKind, rule);
        var now = Timestamps.of(clock.instant());
        long id;
        try {
            id = jdbc.queryForObject(
                    """
                    insert into audience.tag (category_id, name, kind, description, rule, created_at, updated_at)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?) returning id""",
                    Long.class,
                    categoryId,
                    name.strip(),
                    normalisedKind,
                    description,
                    rule == null || rule.isNull() ? null : json.writeValueAsString(rule),
                    now,
                    now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a tag named '" + name + "' exists");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new InvalidInputException("categoryId", "unknown-category", "there is no category " + categoryId);
        }
        audit.record("tag.created", "tag:" + id, Map.of("name", name, "kind", normalisedKind));
        engine.index().write(engine::reloadRegistry);
        if (rule != null && !rule.isNull()) {
            engine.refresh(null);
        }
        return tag(id);
    }

    TagView update(long id, String name, Long categoryId, String description, JsonNode rule) {
        var existing = tag(id);
        requireName("name", name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var parsed = validateRule(existing.kind(), rule);
        if (parsed != null) {
            SegmentOrder.refuseCycles("tag:" + id, parsed, engine.registry(), "rule.condition");
        }
        try {
            jdbc.update(
                    """
                    update audience.tag set name = ?, category_id = ?, description = ?, rule = ?::jsonb, updated_at = ?
                     where id = ?""",
                    name.strip(),
                    categoryId,
                    description,
                    rule == null || rule.isNull() ? null : json.writeValueAsString(rule),
                    Timestamps.of(clock.instant()),
                    id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a tag named '" + name + "' exists");
        }
        audit.record("tag.updated", "tag:" + id, Map.of("name", name));
        engine.index().write(engine::reloadRegistry);
        engine.refresh(null);
        return tag(id);
    }

    /**
     * Moves a merged customer's tags to the profile that absorbed it (in the merge's transaction); tags the survivor
     * already had keep their value, and each tag it gains is recorded in its history.
     */
    void merged(long survivor, long absorbed) {
        jdbc.update("""
                with moved as (
                    insert into audience.tag_assignment (tag_id, customer_id, value, assigned_at, assigned_by)
                    select tag_id, ?, value, assigned_at, assigned_by from audience.tag_assignment where customer_id = ?
                    on conflict (tag_id, customer_id) do nothing
                    returning tag_id, value
                )
                insert into audience.tag_history (tag_id, customer_id, change, value, at, by_whom)
                select tag_id, ?, 'ADDED', nullif(value, ''), ?, ? from moved""", survivor, absorbed, survivor, Timestamps.of(clock.instant()), "merge of customer " + absorbed);
        jdbc.update("delete from audience.tag_assignment where customer_id = ?", absorbed);
    }

    void delete(long id) {
        var existing = tag(id);
        var users = engine.registry().usersOf(parsed -> parsed.tags().contains(id));
        if (!users.isEmpty()) {
            throw new ConflictException("in-use", "in use by " + String.join(", ", users));
        }
        jdbc.update("delete from audience.tag where id = ?", id);
        engine.index().write(() -> {
            engine.index().tags.remove(id);
            engine.index().tagValues.remove(id);
            engine.reloadRegistry();
        });
        audit.record("tag.deleted", "tag:" + id, Map.of("name", existing.name()));
    }

    /** The outcome of an assignment: how many customers it touched, and which requested customers were not found. */
    record Assignment(int assigned, List<Violation> unknown) {}

    /**
     * Assigns a manual tag (with a value for a value tag) to customers given by id or identity ({@code 42},
     * {@code email:ann@example.com}), or to every customer matching a segment definition.
     */
    Assignment assign(long id, List<String> customers, JsonNode definition, String value) {
        var tag = tag(id);
        if (tag.kind().equals("RULE") || (tag.kind().equals("VALUE") && tag.rule() != null)) {
            throw new ConflictException(
                    "rule-managed", "'" + tag.name() + "' is kept by its rule and cannot be " + "assigned by hand");
        }
        if (tag.kind().equals("VALUE") && (value == null || value.isBlank())) {
            throw new InvalidInputException("value", "required", "a value tag needs the value to assign");
        }
        InputRules.requireMaxLength("value", value, InputRules.MAX_NAME_LENGTH);
        var resolved = resolve(customers, definition);
        var now = clock.instant();
        var stored = tag.kind().equals("VALUE") ? value.strip() : "";
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    """
                    insert into audience.tag_assignment (tag_id, customer_id, value, assigned_at, assigned_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (tag_id, customer_id) do update set value = excluded.value,
                           assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by""",
                    resolved.ids().stream()
                            .mapToObj(ordinal ->
                                    new Object[] {id, (long) ordinal, stored, Timestamps.of(now), Viewer.name()})
                            .toList());
            history(id, resolved.ids(), tag.kind().equals("VALUE") ? "CHANGED" : "ADDED", stored, now);
        });
        engine.index()
                .write(() ->
                        resolved.ids().forEach((int ordinal) -> engine.index().setTag(id, ordinal, stored)));
        engine.refresh(resolved.ids());
        audit.record(
                "tag.assigned", "tag:" + id, Map.of("customers", resolved.ids().getCardinality()));
        return new Assignment(resolved.ids().getCardinality(), resolved.unknown());
    }

    Assignment remove(long id, List<String> customers, JsonNode definition) {
        var tag = tag(id);
        if (tag.kind().equals("RULE") || (tag.kind().equals("VALUE") && tag.rule() != null)) {
            throw new ConflictException("rule-managed", "'" + tag.name() + "' is kept by its rule");
        }
        var resolved = resolve(customers, definition);
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "delete from audience.tag_assignment where tag_id = ? and customer_id = ?",
                    resolved.ids().stream()
                            .mapToObj(ordinal -> new Object[] {id, (long) ordinal})
                            .toList());
            history(id, resolved.ids(), "REMOVED", null, now);
        });
        engine.index()
                .write(() ->
                        resolved.ids().forEach((int ordinal) -> engine.index().removeTag(id, ordinal)));
        engine.refresh(resolved.ids());
        audit.record(
                "tag.removed", "tag:" + id, Map.of("customers", resolved.ids().getCardinality()));
        return new Assignment(resolved.ids().getCardinality(), resolved.unknown());
    }

    private record Resolved(RoaringBitmap ids, List<Violation> unknown) {}

    private Resolved resolve(List<String> customers, JsonNode definition) {
        var ids = new RoaringBitmap();
        var unknown = new ArrayList<Violation>();
        if (definition != null && !definition.isNull()) {
            var parsed = audiences.parse(definition);
            ids.or(engine.index().read(() -> engine.evaluator().evaluate(parsed.condition(), null)));
        }
        if (customers != null) {
            if (customers.size() > 100_000) {
                throw new InvalidInputException("customers", "max-items", "at most 100000 customers per request");
            }
            for (int i = 0; i < customers.size(); i++) {
                var reference = customers.get(i);
                try {
                    var found = reference == null ? java.util.Optional.<CustomerId>empty() : profiles.find(reference);
                    if (found.isPresent()) {
                        ids.add(AudienceIndex.ordinal(found.get().value()));
                    } else {
                        unknown.add(new Violation(
                                "customers[" + i + "]", "unknown-customer", "no customer '" + reference + "'"));
                    }
                } catch (InvalidInputException e) {
                    unknown.add(new Violation("customers[" + i + "]", "identity", e.getMessage()));
                }
            }
        }
        if ((customers == null || customers.isEmpty()) && (definition == null || definition.isNull())) {
            throw new InvalidInputException("customers", "required", "name customers, or give a definition");
        }
        return new Resolved(ids, unknown);
    }

    private void history(long tag, RoaringBitmap ids, String change, String value, Instant at) {
        jdbc.batchUpdate(
                """
                insert into audience.tag_history (tag_id, customer_id, change, value, at, by_whom)
                values (?, ?, ?, ?, ?, ?)""",
                ids.stream()
                        .mapToObj(ordinal ->
                                new Object[] {tag, (long) ordinal, change, value, Timestamps.of(at), Viewer.name()})
                        .toList());
    }

    /** Checks a tag's rule; answers the parsed condition of a rule tag, null for the other kinds. */
    private ConditionParser.Parsed validateRule(String kind, JsonNode rule) {
        if (rule == null || rule.isNull()) {
            if (kind.equals("RULE")) {
                throw new InvalidInputException("rule", "required", "a rule tag needs a condition");
            }
            return null;
        }
        switch (kind) {
            case "MANUAL" -> throw new InvalidInputException("rule", "not-allowed", "a manual tag has no rule");
            case "RULE" -> {
                return audiences.parse(rule);
            }
            case "VALUE" -> {
                if (!rule.isArray() || rule.isEmpty()) {
                    throw new InvalidInputException(
                            "rule", "type", "a value tag's rule is a list of {\"value\", \"condition\"}");
                }
                for (int i = 0; i < rule.size(); i++) {
                    var stage = rule.get(i);
                    if (!stage.path("value").isString()
                            || stage.path("value").asString().isBlank()) {
                        throw new InvalidInputException("rule[" + i + "].value", "required", "is required");
                    }
                    if (stage.hasNonNull("condition")) {
                        var definition = json.createObjectNode();
                        definition.put("version", ConditionParser.VERSION);
                        definition.set("condition", stage.get("condition"));
                        var prefix = "rule[" + i + "]";
                        try {
                            audiences.parse(definition);
                        } catch (InvalidInputException e) {
                            throw new InvalidInputException(e.violations().stream()
                                    .map(v -> new Violation(
                                            v.field().replaceFirst("^definition", prefix), v.rule(), v.detail()))
                                    .toList());
                        }
                    } else if (i != rule.size() - 1) {
                        throw new InvalidInputException(
                                "rule[" + i + "].condition",
                                "required",
                                "only the last value may go without a condition (it is \"everyone else\")");
                    }
                }
            }
            default -> {}
        }
        return null;
    }

    private static String kind(String kind) {
        var normalised = kind == null ? "MANUAL" : kind.strip().toUpperCase(Locale.ROOT);
        if (!List.of("MANUAL", "RULE", "VALUE").contains(normalised)) {
            throw new InvalidInputException("kind", "one-of", "must be MANUAL, RULE or VALUE");
        }
        return normalised;
    }

    private static void requireName(String field, String name) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw new InvalidInputException(field, "pattern", "1 to 60 letters, digits, spaces or . _ : / -");
        }
    }

    record CustomerTag(
            long tagId,
            String name,

            @Schema(allowableValues = {"MANUAL", "RULE", "VALUE"})
            String kind,

            @Nullable String value,
            Instant assignedAt,
            @Nullable String assignedBy) {}

    record TagChange(
            long tagId,
            String name,
            String change,
            @Nullable String value,
            Instant at,
            @Nullable String by) {}

    List<CustomerTag> tagsOf(long customerId) {
        return jdbc.query(
                """
                select a.tag_id, t.name, t.kind, a.value, a.assigned_at, a.assigned_by from audience.tag_assignment a
                  join audience.tag t on t.id = a.tag_id where a.customer_id = ? order by t.name""",
                (rs, n) -> new CustomerTag(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4).isEmpty() ? null : rs.getString(4),
                        Timestamps.read(rs, "assigned_at"),
                        rs.getString(6)),
                customerId);
    }

    List<TagChange> historyOf(long customerId) {
        return jdbc.query(
                """
                select h.tag_id, coalesce(t.name, '#' || h.tag_id), h.change, h.value, h.at, h.by_whom
                  from audience.tag_history h left join audience.tag t on t.id = h.tag_id
                 where h.customer_id = ? order by h.at desc, h.id desc limit 200""",
                (rs, n) -> new TagChange(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Timestamps.read(rs, "at"),
                        rs.getString(6)),
                customerId);
    }
}
