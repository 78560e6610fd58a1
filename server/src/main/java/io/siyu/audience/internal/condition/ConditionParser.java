package io.siyu.audience.internal.condition;

import io.siyu.access.PersonalDataRequired;
import io.siyu.audience.internal.condition.Condition.Operator;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a segment definition (the JSON of {@code docs/segments.md}, version 1) into a {@link Condition}, refusing
 * anything wrong with a violation that names the part: unknown types, fields, facts, traits, tags, segments, stages or
 * properties, wrong value types, windows longer than the index keeps, and definitions too deep or too large.
 */
public final class ConditionParser {

    public static final int VERSION = 1;
    static final int MAX_DEPTH = 12;
    static final int MAX_NODES = 200;
    static final long MAX_NUMBER = 1_000_000_000_000_000L;
    private static final BigDecimal MAX_NUMBER_VALUE = BigDecimal.valueOf(MAX_NUMBER);

    /** What the parser checks names against. */
    public interface Catalog {
        boolean knowsTrait(String name);

        TraitKinds traitKinds(String name);

        Optional<Long> tagId(String name);

        boolean isValueTag(long tagId);

        boolean segmentExists(long id);

        boolean stageExists(String model, String stage);

        boolean indexedProperty(String property);

        /** The categories of consent a condition may name: the configured ones and those customers decided on. */
        java.util.SortedSet<String> consentCategories();

        boolean measure(String property);

        int retentionDays();

        LocalDate today();

        /**
         * Whether a saved definition is being loaded rather than a new one checked. What depends on the data (traits
         * nobody holds any more, a window that has slid out of the days the index keeps, a stage or tag that has gone)
         * is refused when a definition is saved, but never breaks one that was saved: such a part matches nobody,
         * and a window covers the days the index still keeps.
         */
        default boolean stored() {
            return false;
        }

        /** Whether whoever checks a new definition may compare traits that hold phone numbers or e-mail addresses. */
        default boolean maySeePersonalData() {
            return true;
        }
    }

    /**
     * Which kinds of values a trait holds, to refuse "city at least 3", and whether any is a phone number or an e-mail
     * address.
     */
    public record TraitKinds(boolean text, boolean numbers, boolean dates, boolean personal) {}

    /** A parsed definition and the segments it refers to (for cycle checks). */
    public record Parsed(Condition condition, Set<Long> segments, Set<Long> tags) {}

    private final Catalog catalog;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<Long> segments = new HashSet<>();
    private final Set<Long> tags = new HashSet<>();
    private int nodes;

    private ConditionParser(Catalog catalog) {
        this.catalog = catalog;
    }

    public static Parsed parse(JsonNode definition, Catalog catalog) {
        var parser = new ConditionParser(catalog);
        Condition condition = null;
        if (definition == null || !definition.isObject()) {
            parser.fail("definition", "type", "must be an object with 'version' and 'condition'");
        } else {
            var version = definition.get("version");
            if (version == null
                    || !version.isIntegralNumber()
                    || !version.canConvertToInt()
                    || version.asInt() != VERSION) {
                parser.fail("definition.version", "version", "must be " + VERSION);
            }
            condition = parser.node(definition.get("condition"), "definition.condition", 1);
        }
        if (!parser.violations.isEmpty()) {
            throw new InvalidInputException(parser.violations);
        }
        return new Parsed(condition, Set.copyOf(parser.segments), Set.copyOf(parser.tags));
    }

    /**
     * The definition of a condition that stands on its own in a list (a lifecycle model's stage, a value tag's rule):
     * {@code {"version": 1, "condition": ...}}, so that it is parsed and its mistakes named like a segment's.
     */
    public static ObjectNode definitionOf(JsonNode condition) {
        var definition = JsonNodeFactory.instance.objectNode();
        definition.put("version", VERSION);
        definition.set("condition", condition);
        return definition;
    }

    private static final List<String> COMPARISON = List.of("operator", "value", "values", "from", "to", "date", "days");
    private static final List<String> THRESHOLD = List.of("operator", "value", "from", "to");

    /** The fields each type of condition (and each nested object) may have; anything else is a mistake. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("all", List.of("conditions")),
            Map.entry("any", List.of("conditions")),
            Map.entry("not", List.of("condition")),
            Map.entry("trait", concat(List.of("trait"), COMPARISON)),
            Map.entry("fact", concat(List.of("fact"), COMPARISON)),
            Map.entry("channel", List.of("values")),
            Map.entry("consent", List.of("category", "state")),
            Map.entry("event", List.of("event", "where", "window", "count", "aggregate")),
            Map.entry("purchase", List.of("product", "category", "window", "count", "spent")),
            Map.entry("tag", List.of("tag", "operator", "value", "values")),
            Map.entry("segment", List.of("segment")),
            Map.entry("lifecycle", List.of("model", "stage")),
            Map.entry("rfm", List.of("group", "recency", "frequency", "monetary")),
            Map.entry("where", List.of("property", "value")),
            Map.entry("window", List.of("lastDays", "from", "to")),
            Map.entry("threshold", THRESHOLD),
            Map.entry("aggregate", concat(List.of("function", "property"), THRESHOLD)));

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Refuses the first field of {@code node} that is not among {@code known} (besides "type"). */
    private boolean onlyKnownFields(JsonNode node, String path, List<String> known) {
        for (var field : node.propertyNames()) {
            if (!field.equals("type") && !known.contains(field)) {
                fail(path + "." + field, "unknown-field", "is not a field here; expected " + String.join(", ", known));
                return false;
            }
        }
        return true;
    }

    private boolean onlyKnownFields(JsonNode node, String path, String kind) {
        return node == null || !node.isObject() || onlyKnownFields(node, path, FIELDS.get(kind));
    }

    private Condition node(JsonNode node, String path, int depth) {
        if (node == null || !node.isObject()) {
            return fail(path, "type", "must be a condition object with a 'type'");
        }
        if (++nodes > MAX_NODES) {
            return fail(path, "max-size", "a definition may have at most " + MAX_NODES + " conditions");
        }
        if (depth > MAX_DEPTH) {
            return fail(path, "max-depth", "conditions may nest at most " + MAX_DEPTH + " levels deep");
        }
        var type = text(node, "type", path);
        if (type == null) {
            return null;
        }
        var fields = FIELDS.get(type);
        if (fields != null && !onlyKnownFields(node, path, fields)) {
            return null;
        }
        return switch (type) {
            case "all", "any" -> combination(type, node, path, depth);
            case "not" -> {
                var inner = node(node.get("condition"), path + ".condition", depth + 1);
                yield inner == null ? null : new Condition.Not(inner);
            }
            case "trait" -> trait(node, path);
            case "fact" -> fact(node, path);
            case "channel" -> channel(node, path);
            case "consent" -> consent(node, path);
            case "event" -> behaviour(node, path);
            case "purchase" -> purchase(node, path);
            case "tag" -> tag(node, path);
            case "segment" -> segment(node, path);
            case "lifecycle" -> lifecycle(node, path);
            case "rfm" -> rfm(node, path);
            default ->
                fail(
                        path + ".type",
                        "one-of",
                        "must be one of all, any, not, trait, fact, channel, consent, event, purchase, tag, segment, lifecycle, "
                                + "rfm");
        };
    }

    private Condition combination(String type, JsonNode node, String path, int depth) {
        var list = node.get("conditions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            return fail(path + ".conditions", "required", "must list at least one condition");
        }
        var parts = new ArrayList<Condition>();
        for (int i = 0; i < list.size(); i++) {
            var part = node(list.get(i), path + ".conditions[" + i + "]", depth + 1);
            if (part != null) {
                parts.add(part);
            }
        }
        return type.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
    }

    private Condition trait(JsonNode node, String path) {
        var name = text(node, "trait", path);
        var operator = operator(node, path);
        if (name == null || operator == null) {
            return null;
        }
        if (catalog.stored()) {
            return attribute(Condition.Source.TRAIT, name, operator, node, path);
        }
        if (!catalog.knowsTrait(name)) {
            return fail(path + ".trait", "unknown-trait", "no customer has a trait named '" + name + "'");
        }
        var kinds = catalog.traitKinds(name);
        var needs = needs(operator);
        if (kinds.personal() && needs != Needs.NOTHING && !catalog.maySeePersonalData()) {
            // to whoever sees these values masked, counts and members would give the hidden part away guess by guess
            throw new PersonalDataRequired(
                    path + ".trait", "comparing '" + name + "', which holds phone numbers or e-mail addresses,");
        }
        if (needs == Needs.NUMBER && !kinds.numbers()) {
            return fail(
                    path + ".operator",
                    "type",
                    "'" + name + "' holds no numbers; " + operator.name().toLowerCase(Locale.ROOT)
                            + " compares numbers");
        }
        if (needs == Needs.DATE && !kinds.dates()) {
            return fail(
                    path + ".operator",
                    "type",
                    "'" + name + "' holds no dates; " + operator.name().toLowerCase(Locale.ROOT) + " compares dates");
        }
        return attribute(Condition.Source.TRAIT, name, operator, node, path);
    }

    private Condition fact(JsonNode node, String path) {
        var name = text(node, "fact", path);
        var operator = operator(node, path);
        if (name == null || operator == null) {
            return null;
        }
        if (name.equals(AudienceIndex.CHANNEL)) {
            if (needs(operator) != Needs.TEXT && needs(operator) != Needs.NOTHING) {
                return fail(
                        path + ".operator",
                        "type",
                        "channel is text; use equals, not_equals, in, not_in, contains, starts_with, exists or not_exists");
            }
            return attribute(Condition.Source.FACT, name, operator, node, path);
        }
        var fact = AudienceIndex.Fact.of(name);
        if (fact.isEmpty()) {
            return fail(
                    path + ".fact",
                    "unknown-fact",
                    "must be one of channel, event_count, order_count, "
                            + "total_spent, average_order_value, first_seen_at, last_seen_at, first_order_at, last_order_at");
        }
        var needs = needs(operator);
        var isDay = fact.get().kind() == AudienceIndex.Fact.Kind.DAY;
        if ((isDay && needs != Needs.DATE && needs != Needs.NOTHING)
                || (!isDay
                        && needs != Needs.NUMBER
                        && needs != Needs.NOTHING
                        && operator != Operator.EQUALS
                        && operator != Operator.NOT_EQUALS)) {
            return fail(
                    path + ".operator",
                    "type",
                    name
                            + (isDay
                                    ? " is a time; use before, after, "
                                            + "on_or_between_dates, within_last_days or more_than_days_ago"
                                    : " is a number; use equals, "
                                            + "not_equals, greater_than, at_least, less_than, at_most or between"));
        }
        return attribute(Condition.Source.FACT, name, operator, node, path);
    }

    private Condition channel(JsonNode node, String path) {
        var values = strings(node, "values", path);
        return values == null
                ? null
                : new Condition.Attribute(
                        Condition.Source.FACT,
                        AudienceIndex.CHANNEL,
                        Operator.IN,
                        lower(values),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
    }

    private Condition consent(JsonNode node, String path) {
        var category = text(node, "category", path);
        var state = text(node, "state", path);
        if (category == null || state == null) {
            return null;
        }
        var states = List.of("granted", "denied", "unknown");
        if (!states.contains(state)) {
            return fail(path + ".state", "one-of", "must be one of granted, denied, unknown");
        }
        if (!catalog.stored()) {
            var known = catalog.consentCategories();
            if (!known.contains(category)) {
                return fail(
                        path + ".category",
                        "unknown-category",
                        "no customer has decided on '" + category + "' and it is not a configured category; known: "
                                + String.join(", ", known));
            }
        }
        return new Condition.Consent(category, Condition.ConsentState.valueOf(state.toUpperCase(Locale.ROOT)));
    }

    private Condition attribute(Condition.Source source, String name, Operator operator, JsonNode node, String path) {
        List<String> values = null;
        BigDecimal number = null;
        BigDecimal from = null;
        BigDecimal to = null;
        LocalDate date = null;
        LocalDate fromDate = null;
        LocalDate toDate = null;
        Integer days = null;
        switch (operator) {
            case EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH -> {
                var value = node.get("value");
                if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
                    return fail(path + ".value", "required", "must be a text, number or boolean");
                }
                // a number is compared as the index writes numbers: 30.0 and 30 are the same value
                values = List.of(
                        value.isNumber()
                                ? value.decimalValue().stripTrailingZeros().toPlainString()
                                : value.asString());
                if (value.isNumber()) {
                    number = bounded(value, path + ".value");
                }
                if (source == Condition.Source.FACT && !name.equals(AudienceIndex.CHANNEL)) {
                    if (!value.isNumber()) {
                        return fail(path + ".value", "type", "must be a number");
                    }
                }
            }
            case IN, NOT_IN -> values = strings(node, "values", path);
            case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST -> number = number(node, "value", path);
            case BETWEEN -> {
                from = number(node, "from", path);
                to = number(node, "to", path);
                if (from != null && to != null && from.compareTo(to) > 0) {
                    return fail(path + ".from", "range", "must not be greater than 'to'");
                }
            }
            case BEFORE, AFTER -> date = date(node, "date", path);
            case ON_OR_BETWEEN_DATES -> {
                fromDate = date(node, "from", path);
                toDate = date(node, "to", path);
                if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
                    return fail(path + ".from", "range", "must not be after 'to'");
                }
            }
            case WITHIN_LAST_DAYS, MORE_THAN_DAYS_AGO, ANNIVERSARY_WITHIN_NEXT_DAYS -> {
                days = operator == Operator.ANNIVERSARY_WITHIN_NEXT_DAYS
                        ? days(node, "days", path, 0, 365) // 0: today only
                        : days(node, "days", path, 36_500);
            }
            case EXISTS, NOT_EXISTS -> {}
        }
        if (source == Condition.Source.FACT && name.equals(AudienceIndex.CHANNEL) && values != null) {
            values = lower(values);
        }
        return new Condition.Attribute(source, name, operator, values, number, from, to, date, fromDate, toDate, days);
    }

    private Condition behaviour(JsonNode node, String path) {
        var event = text(node, "event", path);
        if (event == null) {
            return null;
        }
        String property = null;
        String value = null;
        var where = node.get("where");
        if (where != null && !where.isNull()) {
            if (!onlyKnownFields(where, path + ".where", "where")) {
                return null;
            }
            if (!where.isObject()) {
                return fail(path + ".where", "type", "must be {\"property\": ..., \"value\": ...}");
            }
            property = text(where, "property", path + ".where");
            var raw = where.get("value");
            if (raw == null || !(raw.isString() || raw.isNumber() || raw.isBoolean())) {
                return fail(path + ".where.value", "required", "must be a text, number or boolean");
            }
            value = raw.asString();
            if (property != null && !catalog.indexedProperty(property)) {
                return fail(
                        path + ".where.property",
                        "not-indexed",
                        "'" + property + "' is not an indexed property; "
                                + "add it to siyu.audience.indexed-properties to filter on it");
            }
        }
        var window = window(node.get("window"), path + ".window");
        var count = plainThreshold(node.get("count"), path + ".count");
        Condition.Aggregate aggregate = null;
        String measure = null;
        Condition.Threshold aggregateThreshold = null;
        var aggregateNode = node.get("aggregate");
        if (aggregateNode != null && !aggregateNode.isNull()) {
            var path2 = path + ".aggregate";
            if (!onlyKnownFields(aggregateNode, path2, "aggregate")) {
                return null;
            }
            if (property != null) {
                return fail(path2, "combination", "an aggregate cannot be combined with 'where'");
            }
            if (count != null) {
                return fail(path2, "combination", "give either 'count' or 'aggregate', not both");
            }
            var function = text(aggregateNode, "function", path2);
            measure = text(aggregateNode, "property", path2);
            if (function != null) {
                try {
                    aggregate = Condition.Aggregate.valueOf(function.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return fail(path2 + ".function", "one-of", "must be sum, min or max");
                }
            }
            if (measure != null && !catalog.measure(measure)) {
                return fail(
                        path2 + ".property",
                        "not-measured",
                        "'" + measure + "' is not a measured property; "
                                + "add it to siyu.audience.measures to aggregate it");
            }
            aggregateThreshold = threshold(aggregateNode, path2, true);
        }
        return new Condition.Behaviour(event, property, value, count, aggregate, measure, aggregateThreshold, window);
    }

    private Condition purchase(JsonNode node, String path) {
        var product = optionalText(node, "product", path);
        var category = optionalText(node, "category", path);
        if (product != null && category != null) {
            return fail(path, "combination", "give a product or a category, not both");
        }
        var window = window(node.get("window"), path + ".window");
        var count = plainThreshold(node.get("count"), path + ".count");
        var spent = plainThreshold(node.get("spent"), path + ".spent");
        return new Condition.Purchase(product, category, count, spent, window);
    }

    private Condition tag(JsonNode node, String path) {
        var name = text(node, "tag", path);
        if (name == null) {
            return null;
        }
        var id = catalog.tagId(name);
        if (id.isEmpty() && catalog.stored()) {
            id = Optional.of(-1L);
        } else if (id.isEmpty()) {
            return fail(path + ".tag", "unknown-tag", "there is no tag named '" + name + "'");
        }
        tags.add(id.get());
        if (!node.has("operator")) {
            return new Condition.Tag(id.get(), name, null, null);
        }
        var operator = operator(node, path);
        if (operator == null) {
            return null;
        }
        if (!catalog.isValueTag(id.get()) && !catalog.stored()) {
            return fail(path + ".operator", "not-a-value-tag", "'" + name + "' has no values; leave out the operator");
        }
        return switch (operator) {
            case EQUALS, CONTAINS -> {
                var value = text(node, "value", path);
                yield value == null ? null : new Condition.Tag(id.get(), name, operator, List.of(value));
            }
            case IN -> {
                var values = strings(node, "values", path);
                yield values == null ? null : new Condition.Tag(id.get(), name, operator, values);
            }
            default -> fail(path + ".operator", "one-of", "a value tag compares with equals, in or contains");
        };
    }

    private Condition segment(JsonNode node, String path) {
        var id = node.get("segment");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            return fail(path + ".segment", "required", "must be a segment id");
        }
        if (!catalog.segmentExists(id.asLong()) && !catalog.stored()) {
            return fail(path + ".segment", "unknown-segment", "there is no segment " + id.asLong());
        }
        segments.add(id.asLong());
        return new Condition.Segment(id.asLong());
    }

    private Condition lifecycle(JsonNode node, String path) {
        var model = text(node, "model", path);
        var stage = text(node, "stage", path);
        if (model == null || stage == null) {
            return null;
        }
        if (!catalog.stageExists(model, stage) && !catalog.stored()) {
            return fail(path + ".stage", "unknown-stage", "the model '" + model + "' has no stage '" + stage + "'");
        }
        return new Condition.Lifecycle(model, stage);
    }

    private Condition rfm(JsonNode node, String path) {
        if (node.has("group")) {
            var group = text(node, "group", path);
            if (group != null && !catalog.stageExists(RfmModel.MODEL, group)) {
                return fail(path + ".group", "unknown-group", "must be one of " + RfmModel.GROUPS);
            }
            return new Condition.Rfm(group, null, null, null);
        }
        var recency = scoreRange(node, "recency", path);
        var frequency = scoreRange(node, "frequency", path);
        var monetary = scoreRange(node, "monetary", path);
        if (recency == null && frequency == null && monetary == null) {
            return fail(path, "required", "give a 'group', or score ranges for recency, frequency or monetary");
        }
        return new Condition.Rfm(null, recency, frequency, monetary);
    }

    private int[] scoreRange(JsonNode node, String field, String path) {
        var range = node.get(field);
        if (range == null || range.isNull()) {
            return null;
        }
        if (!range.isArray()
                || range.size() != 2
                || !range.get(0).isIntegralNumber()
                || !range.get(1).isIntegralNumber()
                || !range.get(0).canConvertToInt()
                || !range.get(1).canConvertToInt()) {
            fail(path + "." + field, "type", "must be [lowest, highest] scores from 1 to 5");
            return null;
        }
        int low = range.get(0).asInt();
        int high = range.get(1).asInt();
        if (low < 1 || high > 5 || low > high) {
            fail(path + "." + field, "range", "must be [lowest, highest] with 1 ≤ lowest ≤ highest ≤ 5");
            return null;
        }
        return new int[] {low, high};
    }

    private Condition.Window window(JsonNode node, String path) {
        if (node == null || node.isNull() || (node.isString() && node.asString().equals("ever"))) {
            return Condition.Window.EVER;
        }
        if (!onlyKnownFields(node, path, "window")) {
            return Condition.Window.EVER;
        }
        if (!node.isObject()) {
            fail(path, "type", "must be \"ever\", {\"lastDays\": N} or {\"from\": date, \"to\": date}");
            return Condition.Window.EVER;
        }
        if (node.has("lastDays")) {
            var days = days(node, "lastDays", path, catalog.retentionDays());
            return days == null ? Condition.Window.EVER : new Condition.Window(days, null, null);
        }
        var from = date(node, "from", path);
        var to = date(node, "to", path);
        if (from == null || to == null) {
            return Condition.Window.EVER;
        }
        if (from.isAfter(to)) {
            fail(path + ".from", "range", "must not be after 'to'");
        } else if (from.isBefore(catalog.today().minusDays(catalog.retentionDays() - 1L)) && !catalog.stored()) {
            fail(
                    path + ".from",
                    "window-too-large",
                    "the index keeps the last " + catalog.retentionDays()
                            + " days of behaviour; use a later start or \"ever\"");
        }
        return new Condition.Window(null, from, to);
    }

    /** An optional count or spend: operator and value or range, nothing else. */
    private Condition.Threshold plainThreshold(JsonNode node, String path) {
        return onlyKnownFields(node, path, "threshold") ? threshold(node, path, false) : null;
    }

    private Condition.Threshold threshold(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                fail(path, "required", "needs an operator and a value");
            }
            return null;
        }
        if (!node.isObject()) {
            fail(path, "type", "must be {\"operator\": ..., \"value\": ...}");
            return null;
        }
        var operator = operator(node, path);
        if (operator == null) {
            return null;
        }
        return switch (operator) {
            case EQUALS, NOT_EQUALS, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST -> {
                var value = number(node, "value", path);
                yield value == null ? null : new Condition.Threshold(operator, value, null);
            }
            case BETWEEN -> {
                var from = number(node, "from", path);
                var to = number(node, "to", path);
                yield from == null || to == null ? null : new Condition.Threshold(operator, from, to);
            }
            default -> {
                fail(
                        path + ".operator",
                        "one-of",
                        "must be equals, not_equals, greater_than, at_least, less_than, at_most or between");
                yield null;
            }
        };
    }

    private enum Needs {
        TEXT,
        NUMBER,
        DATE,
        NOTHING
    }

    private static Needs needs(Operator operator) {
        return switch (operator) {
            case EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, STARTS_WITH -> Needs.TEXT;
            case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST, BETWEEN -> Needs.NUMBER;
            case BEFORE,
                    AFTER,
                    ON_OR_BETWEEN_DATES,
                    WITHIN_LAST_DAYS,
                    MORE_THAN_DAYS_AGO,
                    ANNIVERSARY_WITHIN_NEXT_DAYS -> Needs.DATE;
            case EXISTS, NOT_EXISTS -> Needs.NOTHING;
        };
    }

    private Operator operator(JsonNode node, String path) {
        var text = text(node, "operator", path);
        if (text == null) {
            return null;
        }
        try {
            return Operator.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(path + ".operator", "one-of", "'" + text + "' is not an operator; see docs/segments.md");
            return null;
        }
    }

    private String text(JsonNode node, String field, String path) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            fail(path + "." + field, "required", "is required");
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            fail(path + "." + field, "type", "must be a non-empty text");
            return null;
        }
        return value.asString();
    }

    private String optionalText(JsonNode node, String field, String path) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(node, field, path);
    }

    private List<String> strings(JsonNode node, String field, String path) {
        var list = node.get(field);
        if (list == null || !list.isArray() || list.isEmpty()) {
            fail(path + "." + field, "required", "must list at least one value");
            return null;
        }
        var values = new ArrayList<String>();
        for (int i = 0; i < list.size(); i++) {
            var value = list.get(i);
            if (!(value.isString() || value.isNumber() || value.isBoolean())) {
                fail(path + "." + field + "[" + i + "]", "type", "must be a text, number or boolean");
                return null;
            }
            values.add(value.asString());
        }
        return values;
    }

    private BigDecimal number(JsonNode node, String field, String path) {
        var value = node.get(field);
        if (value == null || !value.isNumber()) {
            fail(path + "." + field, value == null ? "required" : "type", "must be a number");
            return null;
        }
        return bounded(value, path + "." + field);
    }

    /**
     * A number a condition compares with, below {@value #MAX_NUMBER} in magnitude: the index keeps numbers as
     * hundredths in a long, and a threshold beyond every value it can hold (such as {@code 1e308}) is a mistake.
     */
    private BigDecimal bounded(JsonNode value, String field) {
        var number = value.decimalValue();
        if (number.abs().compareTo(MAX_NUMBER_VALUE) >= 0) {
            fail(field, "range", "must be between -" + MAX_NUMBER + " and " + MAX_NUMBER + ", exclusive");
            return null;
        }
        return number;
    }

    private LocalDate date(JsonNode node, String field, String path) {
        var value = node.get(field);
        if (value == null || !value.isString()) {
            fail(path + "." + field, value == null ? "required" : "type", "must be a date such as 2026-05-01");
            return null;
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            fail(path + "." + field, "date", "must be a date such as 2026-05-01");
            return null;
        }
    }

    private Integer days(JsonNode node, String field, String path, int max) {
        return days(node, field, path, 1, max);
    }

    private Integer days(JsonNode node, String field, String path, int min, int max) {
        var value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            fail(path + "." + field, value == null ? "required" : "type", "must be a whole number of days");
            return null;
        }
        if (!value.canConvertToInt()) {
            fail(path + "." + field, "window-too-large", "must be from " + min + " to " + max + " days");
            return null;
        }
        var days = value.asInt();
        if (days < min || days > max) {
            fail(
                    path + "." + field,
                    days > max ? "window-too-large" : "range",
                    "must be from " + min + " to " + max + " days");
            return null;
        }
        return days;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private <T> T fail(String field, String rule, String detail) {
        violations.add(new Violation(field, rule, detail));
        return null;
    }
}
