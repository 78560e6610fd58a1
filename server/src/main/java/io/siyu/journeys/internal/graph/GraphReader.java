package io.siyu.journeys.internal.graph;

import io.siyu.journeys.JourneyAction;
import io.siyu.journeys.internal.graph.JourneyGraph.Branch;
import io.siyu.journeys.internal.graph.JourneyGraph.Goal;
import io.siyu.journeys.internal.graph.JourneyGraph.Node;
import io.siyu.journeys.internal.graph.JourneyGraph.PropertyFilter;
import io.siyu.journeys.internal.graph.JourneyGraph.Reentry;
import io.siyu.journeys.internal.graph.JourneyGraph.Trigger;
import io.siyu.journeys.internal.graph.JourneyGraph.Variant;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a journey's graph from JSON and checks it whole: every rule it breaks is reported with the path of the field
 * ({@code nodes[2].next}), so the canvas can point at the node. A graph that reads is one the runtime can run: its
 * references lead to nodes, every node can be reached, durations are positive, percentages add up to 100, actions
 * exist and like their settings, conditions read in the audience's condition language, a stage trigger names a
 * lifecycle model and stage that exist, there is at most one experiment split, and no loop runs without a wait.
 */
public final class GraphReader {

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    static final int MAX_NODES = 200;
    static final Pattern TRAIT = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final Duration LONGEST_WAIT = Duration.ofDays(400);
    static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    static final Map<String, DayOfWeek> DAYS = days();
    static final Set<String> OPERATORS = Set.of("equals", "not_equals", "at_least", "at_most");

    /**
     * What a graph's names are checked against: the actions there are, the audience's condition language (the rules
     * a condition breaks, fields named from the condition) and its lifecycle models (a model's stages, none when it
     * does not exist), the segments there are, and the clock a one-off broadcast must lie ahead of.
     */
    public record Terms(
            Map<String, JourneyAction> actions,
            Function<JsonNode, List<Violation>> conditions,
            Function<String, List<String>> stages,
            LongPredicate segments,
            Clock clock) {}

    private final Terms terms;
    private final Map<String, JourneyAction> actions;
    private final boolean checkNames;
    private final List<Violation> violations = new ArrayList<>();

    private GraphReader(Terms terms, boolean checkNames) {
        this.terms = terms;
        this.actions = terms.actions();
        this.checkNames = checkNames;
    }

    /** The graph, or an {@link InvalidInputException} listing every broken rule under {@code prefix}. */
    public static JourneyGraph read(JsonNode json, Terms terms, String prefix) {
        var reader = new GraphReader(terms, true);
        var graph = reader.graph(json);
        if (!reader.violations.isEmpty()) {
            throw new InvalidInputException(
                    reader.violations.stream().map(v -> v.at(prefix)).toList());
        }
        return graph;
    }

    /**
     * A published version's graph, for running it: read as it was checked when published, without asking the actions,
     * conditions and lifecycle models again (a template it sends may have been archived since, a tag a condition names
     * deleted; the action then says so when it runs, and the condition matches nobody in that part).
     */
    public static JourneyGraph load(JsonNode json, Map<String, JourneyAction> actions) {
        var reader = new GraphReader(
                new Terms(actions, condition -> List.of(), model -> List.of(), segment -> true, Clock.systemUTC()),
                false);
        var graph = reader.graph(json);
        if (!reader.violations.isEmpty()) {
            throw new IllegalStateException("a published journey graph does not read: " + reader.violations);
        }
        return graph;
    }

    /** The rules a graph breaks, empty when it reads. */
    public static List<Violation> check(JsonNode json, Terms terms) {
        var reader = new GraphReader(terms, true);
        reader.graph(json);
        return List.copyOf(reader.violations);
    }

    private JourneyGraph graph(JsonNode json) {
        if (json == null || !json.isObject()) {
            violations.add(new Violation("", "type", "must be an object"));
            return null;
        }
        var trigger = trigger(json.path("trigger"));
        var reentry = reentry(json.path("reentry"));
        var cap = optionalInt(json, "capPerDay", 1, 10_000_000);
        var start = instant(json, "start");
        var end = instant(json, "end");
        if (start != null && end != null && !end.isAfter(start)) {
            violations.add(new Violation("end", "after-start", "must be after start"));
        }
        var control = optionalInt(json, "controlPercent", 0, 50);
        var goal = goal(json.path("goal"));
        var exits = exits(json.path("exits"));
        var nodes = nodes(json.path("nodes"));
        var first = text(json, "first", true);
        if (first != null && !nodes.containsKey(first)) {
            violations.add(new Violation("first", "exists", "names no node"));
        }
        if (violations.isEmpty()) {
            shape(first, nodes);
        }
        return violations.isEmpty()
                ? new JourneyGraph(
                        trigger, reentry, cap, start, end, control == null ? 0 : control, goal, exits, first, nodes)
                : null;
    }

    private Trigger trigger(JsonNode json) {
        if (!json.isObject()) {
            violations.add(new Violation("trigger", "required", "must be an object with a type"));
            return null;
        }
        var type = json.path("type").asString("");
        return switch (type) {
            case "event" -> {
                var event = eventName(json, "trigger.event");
                var where = new ArrayList<PropertyFilter>();
                var filters = json.path("where");
                if (!filters.isMissingNode() && !filters.isNull() && !filters.isArray()) {
                    violations.add(new Violation("trigger.where", "type", "must be a list"));
                }
                for (int i = 0; filters.isArray() && i < filters.size(); i++) {
                    var filter = filters.get(i);
                    var field = "trigger.where[" + i + "]";
                    var property = filter.path("property").asString("");
                    var operator = filter.path("operator").asString("");
                    if (property.isBlank() || property.length() > 100) {
                        violations.add(new Violation(field + ".property", "required", "must name a property"));
                    }
                    if (!OPERATORS.contains(operator)) {
                        violations.add(new Violation(field + ".operator", "one-of", "must be one of " + OPERATORS));
                    }
                    var value = filter.path("value");
                    if (!value.isValueNode() || value.isNull()) {
                        violations.add(new Violation(field + ".value", "type", "must be a text, number or boolean"));
                    } else if (operator.startsWith("at_") && !value.isNumber()) {
                        violations.add(new Violation(field + ".value", "type", "must be a number"));
                    }
                    where.add(new PropertyFilter(property, operator, value));
                }
                yield new Trigger.Event(event, where);
            }
            case "segment_entered" -> {
                var segment = segment(json.path("segment"), "trigger.segment");
                yield segment == null ? null : new Trigger.SegmentEntered(segment);
            }
            case "segment_left" -> {
                var segment = segment(json.path("segment"), "trigger.segment");
                yield segment == null ? null : new Trigger.SegmentLeft(segment);
            }
            case "stage_changed" -> stageChanged(json);
            case "api" -> new Trigger.Api();
            case "schedule" -> schedule(json);
            case "date" -> dateAttribute(json);
            default -> {
                violations.add(new Violation(
                        "trigger.type",
                        "one-of",
                        "must be one of [event, segment_entered, segment_left, stage_changed, api, schedule, date]"));
                yield null;
            }
        };
    }

    /**
     * A broadcast to a segment: {@code {"segment": 12, "at": "2026-12-24T10:00:00+08:00"}} once, or
     * {@code {"segment": 12, "cron": "0 0 10 * * MON", "zone": "Asia/Shanghai"}} again and again ({@code zone}
     * optional, the brand's by default). A one-off time must lie ahead when the draft is saved or published.
     */
    private @Nullable Trigger schedule(JsonNode json) {
        var segment = segment(json.path("segment"), "trigger.segment");
        if (segment != null && checkNames && !terms.segments().test(segment)) {
            violations.add(new Violation("trigger.segment", "exists", "there is no segment " + segment));
        }
        var atNode = json.path("at");
        var cronNode = json.path("cron");
        var hasAt = !atNode.isMissingNode() && !atNode.isNull();
        var hasCron = !cronNode.isMissingNode() && !cronNode.isNull();
        if (hasAt == hasCron) {
            violations.add(new Violation(
                    "trigger.at", "one-of", "give either a time (at) for one broadcast or a cron expression (cron)"));
            return null;
        }
        Instant at = null;
        String cron = null;
        if (hasAt) {
            try {
                at = OffsetDateTime.parse(atNode.asString("")).toInstant();
            } catch (DateTimeException e) {
                violations.add(new Violation(
                        "trigger.at",
                        "instant",
                        "must be an ISO-8601 time with its offset, such as 2026-12-24T10:00:00+08:00"));
                return null;
            }
            if (checkNames && !at.isAfter(terms.clock().instant())) {
                violations.add(new Violation("trigger.at", "future", "must lie ahead; " + at + " has passed"));
            }
        } else {
            cron = cronNode.asString("");
            var problem = Broadcasts.cronProblem(cron);
            if (problem.isPresent()) {
                violations.add(new Violation(
                        "trigger.cron",
                        "cron",
                        "must be a cron expression of six fields, seconds first, such as 0 0 10 * * MON: "
                                + problem.get()));
                return null;
            }
        }
        ZoneId zone = null;
        var zoneNode = json.path("zone");
        if (!zoneNode.isMissingNode() && !zoneNode.isNull()) {
            try {
                zone = ZoneId.of(zoneNode.asString(""));
            } catch (DateTimeException e) {
                violations.add(new Violation("trigger.zone", "time-zone", "must be a time zone such as Asia/Shanghai"));
            }
        }
        return segment == null ? null : new Trigger.Schedule(segment, at, cron, zone);
    }

    /**
     * A date of the customer's: {@code {"attribute": "birthday", "offsetDays": -3, "at": "09:00"}}; the attribute is
     * {@code last_order} or a trait holding a date ({@code birthday}, {@code member_since}).
     */
    private @Nullable Trigger dateAttribute(JsonNode json) {
        var attribute = json.path("attribute").asString("");
        if (!TRAIT.matcher(attribute).matches()) {
            violations.add(new Violation(
                    "trigger.attribute",
                    "required",
                    "must name last_order or a trait holding a date (letters, digits, _ and -, up to 100)"));
        }
        var offset = json.path("offsetDays");
        var days = 0;
        if (!offset.isMissingNode() && !offset.isNull()) {
            if (!offset.isIntegralNumber() || !offset.canConvertToInt() || Math.abs(offset.asInt()) > 366) {
                violations.add(new Violation("trigger.offsetDays", "range", "must be a whole number from -366 to 366"));
            } else {
                days = offset.asInt();
            }
        }
        if (DateTrigger.LAST_ORDER.equals(attribute) && days < 0) {
            violations.add(new Violation(
                    "trigger.offsetDays", "range", "must not be negative after the last order: it cannot be foreseen"));
        }
        LocalTime at = LocalTime.of(9, 0);
        var atNode = json.path("at");
        if (!atNode.isMissingNode() && !atNode.isNull()) {
            try {
                at = DateTrigger.timeOfDay(atNode.asString(""));
            } catch (DateTimeException e) {
                violations.add(new Violation("trigger.at", "time", "must be a time of day such as 09:00"));
                return null;
            }
        }
        return new Trigger.DateAttribute(attribute, days, at);
    }

    /** A segment's id, or null (and a violation) when the value is none. */
    private @Nullable Long segment(JsonNode segment, String field) {
        if (!segment.canConvertToLong() || segment.asLong() < 1) {
            violations.add(new Violation(field, "type", "must be a segment's id"));
            return null;
        }
        return segment.asLong();
    }

    /** A move to another stage of a lifecycle model: {@code {"model": "value", "to": "dormant"}}, {@code to} optional. */
    private @Nullable Trigger stageChanged(JsonNode json) {
        var model = json.path("model").asString("");
        var to = json.path("to");
        if (model.isBlank()) {
            violations.add(new Violation("trigger.model", "required", "must name a lifecycle model"));
            return null;
        }
        if (!to.isMissingNode()
                && !to.isNull()
                && (!to.isString() || to.asString().isBlank())) {
            violations.add(new Violation("trigger.to", "type", "must name a stage of the model, or be left out"));
            return null;
        }
        var stage = to.isString() ? to.asString() : null;
        if (checkNames) {
            var stages = terms.stages().apply(model);
            if (stages.isEmpty()) {
                violations.add(new Violation("trigger.model", "exists", "there is no lifecycle model '" + model + "'"));
            } else if (stage != null && !stages.contains(stage)) {
                violations.add(new Violation(
                        "trigger.to", "exists", "the model '" + model + "' has no stage '" + stage + "': " + stages));
            }
        }
        return new Trigger.StageChanged(model, stage);
    }

    private Reentry reentry(JsonNode json) {
        if (json.isMissingNode() || json.isNull()) {
            return new Reentry(Reentry.Mode.ONCE, 0);
        }
        var mode = json.path("mode").asString("");
        return switch (mode) {
            case "once" -> new Reentry(Reentry.Mode.ONCE, 0);
            case "always" -> new Reentry(Reentry.Mode.ALWAYS, 0);
            case "once_per_days" -> {
                var days = json.path("days");
                if (!days.canConvertToInt() || days.asInt() < 1 || days.asInt() > 3650) {
                    violations.add(new Violation("reentry.days", "range", "must be a whole number from 1 to 3650"));
                    yield null;
                }
                yield new Reentry(Reentry.Mode.ONCE_PER_DAYS, days.asInt());
            }
            default -> {
                violations.add(new Violation("reentry.mode", "one-of", "must be one of [once, once_per_days, always]"));
                yield null;
            }
        };
    }

    private @Nullable Goal goal(JsonNode json) {
        if (json.isMissingNode() || json.isNull()) {
            return null;
        }
        var event = eventName(json, "goal.event");
        var days = json.path("withinDays");
        if (!days.canConvertToInt() || days.asInt() < 1 || days.asInt() > 365) {
            violations.add(new Violation("goal.withinDays", "range", "must be a whole number from 1 to 365"));
            return null;
        }
        return new Goal(event, Duration.ofDays(days.asInt()));
    }

    /** Exit conditions: an event ({@code {"type":"event","event":"Unsubscribed"}}) or leaving a segment. */
    private List<String> exits(JsonNode json) {
        var exits = new ArrayList<String>();
        if (json.isMissingNode() || json.isNull()) {
            return exits;
        }
        if (!json.isArray() || json.size() > 10) {
            violations.add(new Violation("exits", "type", "must be a list of at most 10 exit conditions"));
            return exits;
        }
        for (int i = 0; i < json.size(); i++) {
            var exit = json.get(i);
            var field = "exits[" + i + "]";
            switch (exit.path("type").asString("")) {
                case "event" -> exits.add(eventName(exit, field + ".event"));
                case "left_segment" -> {
                    var segment = exit.path("segment");
                    if (!segment.canConvertToLong() || segment.asLong() < 1) {
                        violations.add(new Violation(field + ".segment", "type", "must be a segment's id"));
                    } else {
                        exits.add(JourneyGraph.leftSegment(segment.asLong()));
                    }
                }
                default ->
                    violations.add(new Violation(field + ".type", "one-of", "must be one of [event, left_segment]"));
            }
        }
        return exits;
    }

    private Map<String, Node> nodes(JsonNode json) {
        var nodes = new LinkedHashMap<String, Node>();
        if (!json.isArray() || json.isEmpty()) {
            violations.add(new Violation("nodes", "required", "must be a list of at least one node"));
            return nodes;
        }
        if (json.size() > MAX_NODES) {
            violations.add(new Violation("nodes", "max-size", "must have at most " + MAX_NODES + " nodes"));
            return nodes;
        }
        for (int i = 0; i < json.size(); i++) {
            var field = "nodes[" + i + "]";
            var node = node(json.get(i), field);
            if (node == null) {
                continue;
            }
            if (nodes.putIfAbsent(node.id(), node) != null) {
                violations.add(new Violation(field + ".id", "unique", "another node has the id '" + node.id() + "'"));
            }
        }
        var index = 0;
        var experiment = false;
        for (var node : json) {
            if (experiment && node.path("type").asString("").equals("split_experiment")) {
                violations.add(new Violation(
                        "nodes[" + index + "].type", "one-experiment", "a journey has at most one experiment split"));
            }
            experiment |= node.path("type").asString("").equals("split_experiment");
            references(nodes, node, "nodes[" + index++ + "]");
        }
        return nodes;
    }

    private @Nullable Node node(JsonNode json, String field) {
        if (!json.isObject()) {
            violations.add(new Violation(field, "type", "must be an object"));
            return null;
        }
        var id = json.path("id").asString("");
        if (!ID.matcher(id).matches()) {
            violations.add(new Violation(
                    field + ".id", "pattern", "must be 1 to 40 letters, digits, '-' or '_', starting with a letter"));
            return null;
        }
        var type = json.path("type").asString("");
        return switch (type) {
            case "wait" ->
                new Node.Wait(id, duration(json, field + ".duration", "duration"), next(json, field, "next"));
            case "wait_until" ->
                new Node.WaitUntil(
                        id, timeOfDay(json, field + ".time"), days(json, field + ".days"), next(json, field, "next"));
            case "wait_best_hour" ->
                new Node.WaitBestHour(id, window(json, field + ".within"), next(json, field, "next"));
            case "wait_event" ->
                new Node.WaitEvent(
                        id,
                        eventName(json, field + ".event"),
                        duration(json, field + ".timeout", "timeout"),
                        next(json, field, "onEvent"),
                        next(json, field, "onTimeout"));
            case "split_segment" -> {
                var segment = json.path("segment");
                if (!segment.canConvertToLong() || segment.asLong() < 1) {
                    violations.add(new Violation(field + ".segment", "type", "must be a segment's id"));
                }
                yield new Node.SplitSegment(id, segment.asLong(), next(json, field, "yes"), next(json, field, "no"));
            }
            case "split_condition" -> {
                var condition = json.path("condition");
                if (!condition.isObject()) {
                    violations.add(new Violation(
                            field + ".condition", "required", "must be a condition of the condition language"));
                } else if (checkNames) {
                    terms.conditions().apply(condition).forEach(v -> violations.add(v.at(field + ".condition")));
                }
                yield new Node.SplitCondition(id, condition, next(json, field, "yes"), next(json, field, "no"));
            }
            case "split_random" -> new Node.SplitRandom(id, branches(json.path("branches"), field + ".branches"));
            case "split_experiment" ->
                new Node.SplitExperiment(id, variants(json.path("variants"), field + ".variants"));
            case "action" -> {
                var action = json.path("action").asString("");
                var config = json.path("config");
                if (!actions.containsKey(action)) {
                    violations.add(new Violation(
                            field + ".action",
                            "one-of",
                            "must be one of "
                                    + actions.keySet().stream().sorted().toList()));
                } else if (!config.isObject()) {
                    violations.add(new Violation(field + ".config", "type", "must be an object"));
                } else if (checkNames) {
                    actions.get(action).check(config).forEach(v -> violations.add(v.at(field + ".config")));
                }
                yield new Node.Action(id, action, config, next(json, field, "next"));
            }
            case "exit" -> new Node.Exit(id);
            default -> {
                violations.add(new Violation(
                        field + ".type",
                        "one-of",
                        "must be one of [wait, wait_until, wait_best_hour, wait_event, split_segment, split_condition, split_random,"
                                + " split_experiment, action, exit]"));
                yield null;
            }
        };
    }

    private List<Branch> branches(JsonNode json, String field) {
        var branches = new ArrayList<Branch>();
        if (!json.isArray() || json.size() < 2 || json.size() > 10) {
            violations.add(new Violation(field, "size", "must list 2 to 10 branches"));
            return branches;
        }
        var total = 0;
        for (int i = 0; i < json.size(); i++) {
            var percent = json.get(i).path("percent");
            if (!percent.canConvertToInt() || percent.asInt() < 1 || percent.asInt() > 99) {
                violations.add(new Violation(field + "[" + i + "].percent", "range", "must be from 1 to 99"));
                continue;
            }
            total += percent.asInt();
            branches.add(new Branch(percent.asInt(), next(json.get(i), field + "[" + i + "]", "next")));
        }
        if (branches.size() == json.size() && total != 100) {
            violations.add(new Violation(field, "sum", "the percentages must add up to 100, not " + total));
        }
        return branches;
    }

    private List<Variant> variants(JsonNode json, String field) {
        var variants = new ArrayList<Variant>();
        if (!json.isArray() || json.size() < 2 || json.size() > 10) {
            violations.add(new Violation(field, "size", "must list 2 to 10 variants"));
            return variants;
        }
        var names = new HashSet<String>();
        var total = 0;
        for (int i = 0; i < json.size(); i++) {
            var variant = json.get(i);
            var name = variant.path("name").asString("");
            if (!ID.matcher(name).matches()) {
                violations.add(new Violation(
                        field + "[" + i + "].name",
                        "pattern",
                        "must be 1 to 40 letters, digits, '-' or '_', starting with a letter"));
            } else if (!names.add(name)) {
                violations.add(
                        new Violation(field + "[" + i + "].name", "unique", "another variant is named '" + name + "'"));
            }
            var percent = variant.path("percent");
            if (!percent.canConvertToInt() || percent.asInt() < 1 || percent.asInt() > 99) {
                violations.add(new Violation(field + "[" + i + "].percent", "range", "must be from 1 to 99"));
                continue;
            }
            total += percent.asInt();
            variants.add(new Variant(name, percent.asInt(), next(variant, field + "[" + i + "]", "next")));
        }
        if (variants.size() == json.size() && total != 100) {
            violations.add(new Violation(field, "sum", "the percentages must add up to 100, not " + total));
        }
        return variants;
    }

    private void references(Map<String, Node> nodes, JsonNode json, String field) {
        for (var name : List.of("next", "onEvent", "onTimeout", "yes", "no")) {
            var target = json.path(name);
            if (target.isString() && !nodes.containsKey(target.asString())) {
                violations.add(new Violation(field + "." + name, "exists", "names no node"));
            }
        }
        for (var list : List.of("branches", "variants")) {
            var ways = json.path(list);
            for (int i = 0; ways.isArray() && i < ways.size(); i++) {
                var target = ways.get(i).path("next");
                if (target.isString() && !nodes.containsKey(target.asString())) {
                    violations.add(new Violation(field + "." + list + "[" + i + "].next", "exists", "names no node"));
                }
            }
        }
    }

    /** Every node reachable from the first; no loop of nodes that never wait. */
    private void shape(String first, Map<String, Node> nodes) {
        var reached = new HashSet<String>();
        var pending = new ArrayList<>(List.of(first));
        while (!pending.isEmpty()) {
            var id = pending.removeLast();
            if (reached.add(id)) {
                pending.addAll(Graphs.successors(nodes.get(id)));
            }
        }
        var index = 0;
        for (var id : nodes.keySet()) {
            if (!reached.contains(id)) {
                violations.add(
                        new Violation("nodes[" + index + "]", "reachable", "no path leads to node '" + id + "'"));
            }
            index++;
        }
        Graphs.loopWithoutWait(nodes)
                .ifPresent(loop -> violations.add(new Violation(
                        "nodes", "no-instant-loop", "the nodes " + loop + " form a loop without a wait")));
    }

    private @Nullable String next(JsonNode json, String field, String name) {
        var next = json.path(name);
        if (next.isString()) {
            return next.asString();
        }
        if (!next.isMissingNode() && !next.isNull()) {
            violations.add(new Violation(field + "." + name, "type", "must be a node's id, or null to end there"));
        }
        return null;
    }

    private String eventName(JsonNode json, String field) {
        var name = json.path(field.substring(field.lastIndexOf('.') + 1)).asString("");
        if (name.isBlank() || name.length() > 200) {
            violations.add(new Violation(field, "required", "must name an event (1 to 200 characters)"));
        }
        return name;
    }

    private Duration duration(JsonNode json, String field, String name) {
        var text = json.path(name).asString("");
        try {
            var duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST_WAIT) > 0) {
                violations.add(new Violation(field, "range", "must be longer than 0 and at most 400 days"));
            }
            return duration;
        } catch (DateTimeException e) {
            violations.add(new Violation(field, "duration", "must be an ISO-8601 duration such as PT1H or P2D"));
            return Duration.ZERO;
        }
    }

    /** A time of day, {@code "09:30"}: hours 00 to 23, minutes 00 to 59. */
    private LocalTime timeOfDay(JsonNode json, String field) {
        var text = json.path("time").asString("");
        if (TIME.matcher(text).matches()) {
            return LocalTime.parse(text);
        }
        violations.add(new Violation(field, "time", "must be a time of day from 00:00 to 23:59, such as 09:30"));
        return LocalTime.MIDNIGHT;
    }

    /** Days of the week, {@code ["MON", "FRI"]}, or none (any day) when left out. */
    private Set<DayOfWeek> days(JsonNode json, String field) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        var list = json.path("days");
        if (list.isMissingNode() || list.isNull()) {
            return days;
        }
        if (!list.isArray() || list.isEmpty()) {
            violations.add(
                    new Violation(field, "type", "must be a list of days such as [\"MON\", \"FRI\"], or be left out"));
            return days;
        }
        for (int i = 0; i < list.size(); i++) {
            var day = DAYS.get(list.get(i).asString(""));
            if (day == null) {
                violations.add(new Violation(field + "[" + i + "]", "one-of", "must be one of " + DAYS.keySet()));
            } else if (!days.add(day)) {
                violations.add(new Violation(field + "[" + i + "]", "unique", "names a day twice"));
            }
        }
        return days;
    }

    /** The window a best-hour wait looks in: from an hour to 7 days. */
    private Duration window(JsonNode json, String field) {
        var text = json.path("within").asString("");
        try {
            var within = Duration.parse(text);
            if (within.compareTo(Duration.ofHours(1)) < 0 || within.compareTo(Duration.ofDays(7)) > 0) {
                violations.add(new Violation(field, "range", "must be from PT1H to P7D"));
            }
            return within;
        } catch (DateTimeException e) {
            violations.add(new Violation(field, "duration", "must be an ISO-8601 duration such as PT12H or P1D"));
            return Duration.ZERO;
        }
    }

    private @Nullable String text(JsonNode json, String name, boolean required) {
        var value = json.path(name);
        if (value.isString() && !value.asString().isBlank()) {
            return value.asString();
        }
        if (required) {
            violations.add(new Violation(name, "required", "must not be blank"));
        }
        return null;
    }

    private @Nullable Integer optionalInt(JsonNode json, String name, int min, int max) {
        var value = json.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            violations.add(new Violation(name, "range", "must be a whole number from " + min + " to " + max));
            return null;
        }
        return value.asInt();
    }

    private @Nullable Instant instant(JsonNode json, String name) {
        var value = json.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asString(""));
        } catch (DateTimeException e) {
            violations.add(new Violation(name, "instant", "must be an ISO-8601 instant such as 2026-12-24T00:00:00Z"));
            return null;
        }
    }

    private static Map<String, DayOfWeek> days() {
        var days = new LinkedHashMap<String, DayOfWeek>();
        for (var day : DayOfWeek.values()) {
            days.put(day.name().substring(0, 3), day);
        }
        return java.util.Collections.unmodifiableMap(days);
    }

    /** Reads an action registry into a map by type. */
    public static Map<String, JourneyAction> byType(List<JourneyAction> actions) {
        var map = new HashMap<String, JourneyAction>();
        actions.forEach(a -> map.put(a.type(), a));
        return map;
    }
}
