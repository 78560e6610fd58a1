package io.siyu.audience.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders rule tags and segments so that each comes after the rule tags and segments it refers to (a depth-first
 * topological sort); saving a segment that would close a cycle is refused, see {@link #cycle}.
 */
final class SegmentOrder {

    private SegmentOrder() {}

    static List<AudienceEngine.Derived> of(
            Map<Long, AudienceEngine.Derived> ruleTags, Map<Long, AudienceEngine.Derived> segments) {
        var all = new LinkedHashMap<String, AudienceEngine.Derived>();
        ruleTags.forEach((id, tag) -> all.put("tag:" + id, tag));
        segments.forEach((id, segment) -> all.put("segment:" + id, segment));
        var ordered = new ArrayList<AudienceEngine.Derived>();
        var done = new HashSet<String>();
        for (var key : all.keySet()) {
            visit(key, all, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(
            String key,
            Map<String, AudienceEngine.Derived> all,
            Set<String> done,
            Set<String> path,
            List<AudienceEngine.Derived> ordered) {
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

    /** The chain of references from {@code start} back to itself, if saving it would close a cycle. */
    static List<Long> cycle(long start, Set<Long> references, Map<Long, Set<Long>> graph) {
        for (var reference : references) {
            var path = new ArrayList<Long>();
            path.add(start);
            if (reaches(reference, start, graph, path, new HashSet<>())) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean reaches(
            long from, long target, Map<Long, Set<Long>> graph, List<Long> path, Set<Long> seen) {
        path.add(from);
        if (from == target) {
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
