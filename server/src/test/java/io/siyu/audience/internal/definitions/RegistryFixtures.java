package io.siyu.audience.internal.definitions;

import io.siyu.audience.internal.condition.Condition;
import io.siyu.audience.internal.condition.ConditionParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds registries of rule tags and segments that refer to one another, without PostgreSQL: each definition is
 * the condition "in all of these segments and holding all of these tags".
 */
final class RegistryFixtures {

    private RegistryFixtures() {}

    static Registry.Derived segment(long id, String name, Set<Long> segments, Set<Long> tags) {
        return new Registry.Derived("segment", id, name, parsed(segments, tags));
    }

    static Registry.Derived segment(long id, String name, long... segments) {
        return segment(id, name, ids(segments), Set.of());
    }

    static Registry.Derived ruleTag(long id, String name, Set<Long> segments, Set<Long> tags) {
        return new Registry.Derived("tag", id, name, parsed(segments, tags));
    }

    /** What a definition referring to these segments and tags parses into. */
    static ConditionParser.Parsed parsed(Set<Long> segments, Set<Long> tags) {
        var parts = new ArrayList<Condition>();
        segments.forEach(id -> parts.add(new Condition.Segment(id)));
        tags.forEach(id -> parts.add(new Condition.Tag(id, "tag " + id, null, null)));
        return new ConditionParser.Parsed(new Condition.All(parts), Set.copyOf(segments), Set.copyOf(tags));
    }

    /** A registry of these rule tags and segments, in the order the engine would evaluate them. */
    static Registry registry(List<Registry.Derived> ruleTags, List<Registry.Derived> segments) {
        var tags = byId(ruleTags);
        var segmentsById = byId(segments);
        var tagNames = new LinkedHashMap<Long, String>();
        var tagKinds = new LinkedHashMap<Long, String>();
        ruleTags.forEach(tag -> {
            tagNames.put(tag.id(), tag.name());
            tagKinds.put(tag.id(), "RULE");
        });
        return new Registry(
                segmentsById, tags, Map.of(), Map.of(), tagNames, tagKinds, SegmentOrder.of(tags, segmentsById));
    }

    static Registry segments(Registry.Derived... segments) {
        return registry(List.of(), List.of(segments));
    }

    /** The names of definitions in order, as {@code segment:3} and {@code tag:7}. */
    static List<String> keys(List<Registry.Derived> order) {
        return order.stream().map(d -> d.kind() + ":" + d.id()).toList();
    }

    private static Map<Long, Registry.Derived> byId(List<Registry.Derived> derived) {
        var byId = new LinkedHashMap<Long, Registry.Derived>();
        derived.forEach(d -> byId.put(d.id(), d));
        return byId;
    }

    private static Set<Long> ids(long... ids) {
        var set = new java.util.LinkedHashSet<Long>();
        for (var id : ids) {
            set.add(id);
        }
        return set;
    }
}
