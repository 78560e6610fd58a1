package io.siyu.audience.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders segments so that every segment comes after the segments it refers to (a depth-first topological sort). */
final class SegmentOrder {

    private SegmentOrder() {}

    static List<AudienceEngine.Derived> of(Map<Long, AudienceEngine.Derived> segments) {
        var ordered = new ArrayList<AudienceEngine.Derived>();
        var done = new HashSet<Long>();
        for (var id : segments.keySet()) {
            visit(id, segments, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(
            long id,
            Map<Long, AudienceEngine.Derived> segments,
            Set<Long> done,
            Set<Long> path,
            List<AudienceEngine.Derived> ordered) {
        if (done.contains(id) || !segments.containsKey(id) || !path.add(id)) {
            return;
        }
        for (var reference : segments.get(id).parsed().segments()) {
            visit(reference, segments, done, path, ordered);
        }
        path.remove(id);
        done.add(id);
        ordered.add(segments.get(id));
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
