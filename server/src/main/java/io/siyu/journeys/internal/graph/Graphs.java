package io.siyu.journeys.internal.graph;

import io.siyu.journeys.internal.graph.JourneyGraph.Branch;
import io.siyu.journeys.internal.graph.JourneyGraph.Node;
import io.siyu.journeys.internal.graph.JourneyGraph.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Walks of a graph's nodes. */
public final class Graphs {

    private Graphs() {}

    /** Where a node may lead. */
    public static List<String> successors(Node node) {
        var next = switch (node) {
            case Node.Wait wait -> Stream.of(wait.next());
            case Node.WaitUntil wait -> Stream.of(wait.next());
            case Node.WaitBestHour wait -> Stream.of(wait.next());
            case Node.WaitEvent wait -> Stream.of(wait.onEvent(), wait.onTimeout());
            case Node.SplitSegment split -> Stream.of(split.yes(), split.no());
            case Node.SplitCondition split -> Stream.of(split.yes(), split.no());
            case Node.SplitRandom split -> split.branches().stream().map(Branch::next);
            case Node.SplitExperiment split -> split.variants().stream().map(Variant::next);
            case Node.Action action -> Stream.of(action.next());
            case Node.Exit exit -> Stream.<String>empty();
        };
        return next.filter(Objects::nonNull).toList();
    }

    /** Whether a customer stops at this node to wait. */
    public static boolean waits(Node node) {
        return node instanceof Node.Wait
                || node instanceof Node.WaitUntil
                || node instanceof Node.WaitBestHour
                || node instanceof Node.WaitEvent;
    }

    /** A loop of nodes none of which waits, if there is one (a customer would go round it forever at once). */
    static Optional<List<String>> loopWithoutWait(Map<String, Node> nodes) {
        var state = new HashMap<String, Integer>();
        for (var id : nodes.keySet()) {
            var loop = visit(id, nodes, state, new ArrayList<>());
            if (loop.isPresent()) {
                return loop;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(
            String id, Map<String, Node> nodes, Map<String, Integer> state, List<String> path) {
        var node = nodes.get(id);
        if (node == null || waits(node) || state.getOrDefault(id, 0) == 2) {
            return Optional.empty();
        }
        if (state.getOrDefault(id, 0) == 1) {
            return Optional.of(List.copyOf(path.subList(path.indexOf(id), path.size())));
        }
        state.put(id, 1);
        path.add(id);
        for (var next : successors(node)) {
            var loop = visit(next, nodes, state, path);
            if (loop.isPresent()) {
                return loop;
            }
        }
        path.removeLast();
        state.put(id, 2);
        return Optional.empty();
    }
}
