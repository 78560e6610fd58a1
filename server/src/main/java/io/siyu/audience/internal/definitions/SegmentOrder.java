package io.siyu.audience.internal.definitions;

import io.siyu.audience.internal.condition.ConditionParser;
import io.siyu.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders rule tags and segments so that each comes after the rule tags and segments it refers to (a depth-first
 * topological sort); saving a rule tag or segment that would close a cycle is refused, see {@link #refuseCycles}.
 */
public final class SegmentOrder {

    private SegmentOrder() {}

    static List<Registry.Derived> of(Map<Long, Registry.Derived> ruleTags, Map<Long, Registry.Derived> segments) {
        var all = new LinkedHashMap<String, Registry.Derived>();
        ruleTags.forEach((id, tag) -> all.put("tag:" + id, tag));
        segments.forEach((id, segment) -> all.put("segment:" + id, segment));
        var ordered = new ArrayList<Registry.Derived>();
        var done = new HashSet<String>();
        for (var key : all.keySet()) {
            visit(key, all, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(
            String key,
            Map<String, Registry.Derived> all,
            Set<String> done,
            Set<String> path,
            List<Registry.Derived> ordered) {
        if (done.contains(key) || !all.containsKey(key) || !path.add(key)) {
            return;
        }
        var parsed = all.get(key).parsed();
        for (var tag : parsed.tags()) {
            visit("tag:" + tag, all, done, path, ordered);
        }
        for (var segment : parsed.segments()) {
            visit("segment:" + segment, all, done, path, ordered);
        }
        path.remove(key);
        done.add(key);
        ordered.add(all.get(key));
    }

    /**
     * Refuses a definition of a rule tag or segment ({@code start}: {@code "tag:7"}, {@code "segment:3"}) whose
     * references would lead back to it through other rule tags and segments, naming the chain in the problem.
     */
    public static void refuseCycles(String start, ConditionParser.Parsed parsed, Registry registry, String field) {
        var graph = new HashMap<String, Set<String>>();
        registry.ruleTags().forEach((id, tag) -> graph.put("tag:" + id, references(tag.parsed())));
        registry.segments().forEach((id, segment) -> graph.put("segment:" + id, references(segment.parsed())));
        graph.put(start, references(parsed));
        for (var reference : graph.get(start)) {
            var path = new ArrayList<String>();
            path.add(start);
            if (reaches(reference, start, graph, path, new HashSet<>())) {
                throw new InvalidInputException(
                        field,
                        "cycle",
                        "rule tags and segments would refer to themselves: "
                                + String.join(
                                        " → ",
                                        path.stream()
                                                .map(key -> name(key, registry))
                                                .toList()));
            }
        }
    }

    private static Set<String> references(ConditionParser.Parsed parsed) {
        var references = new HashSet<String>();
        parsed.tags().forEach(tag -> references.add("tag:" + tag));
        parsed.segments().forEach(segment -> references.add("segment:" + segment));
        return references;
    }

    private static String name(String key, Registry registry) {
        var id = Long.parseLong(key.substring(key.indexOf(':') + 1));
        if (key.startsWith("tag:")) {
            return "tag '" + registry.tagNames().getOrDefault(id, String.valueOf(id)) + "'";
        }
        var segment = registry.segments().get(id);
        return "segment '" + (segment == null ? String.valueOf(id) : segment.name()) + "'";
    }

    private static boolean reaches(
            String from, String target, Map<String, Set<String>> graph, List<String> path, Set<String> seen) {
        path.add(from);
        if (from.equals(target)) {
            return true;
        }
        if (seen.add(from)) {
            for (var next : graph.getOrDefault(from, Set.of())) {
                if (reaches(next, target, graph, path, seen)) {
                    return true;
                }
            }
        }
        path.removeLast();
        return false;
    }
}
