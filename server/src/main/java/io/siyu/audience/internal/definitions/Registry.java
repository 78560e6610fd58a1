package io.siyu.audience.internal.definitions;

import io.siyu.audience.internal.condition.ConditionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The definitions the engine keeps current, parsed: segments and rule tags (in {@code order}, each after whatever it
 * refers to, see {@link SegmentOrder}), value tags' rules and lifecycle models, and every tag's name and kind.
 */
public record Registry(
        Map<Long, Registry.Derived> segments,
        Map<Long, Registry.Derived> ruleTags,
        Map<Long, Registry.Partition> valueTags,
        Map<String, Registry.Partition> models,
        Map<Long, String> tagNames,
        Map<Long, String> tagKinds,
        List<Registry.Derived> order) {

    static final Registry EMPTY = new Registry(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    /** A set kept current from a condition: a segment or a rule tag. */
    public record Derived(String kind, long id, String name, ConditionParser.Parsed parsed) {}

    /** An ordered list of (value, condition) with a last value for everyone else: lifecycle models, value-tag rules. */
    public record Partition(String name, List<String> values, List<ConditionParser.Parsed> conditions) {}

    /** What refers to something: rule tags, segments, value-tag rules and lifecycle models, by name. */
    public List<String> usersOf(Predicate<ConditionParser.Parsed> refers) {
        var users = new ArrayList<String>();
        for (var derived : order) {
            if (refers.test(derived.parsed())) {
                users.add(derived.kind() + " '" + derived.name() + "' (" + derived.id() + ")");
            }
        }
        valueTags.forEach((id, partition) -> {
            if (partition.conditions().stream().anyMatch(refers)) {
                users.add("value tag '" + partition.name() + "' (" + id + ")");
            }
        });
        models.forEach((name, partition) -> {
            if (partition.conditions().stream().anyMatch(refers)) {
                users.add("lifecycle model '" + name + "'");
            }
        });
        return users;
    }
}
