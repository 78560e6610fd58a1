package io.siyu.journeys.internal.runtime;

import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.journeys.internal.graph.JourneyGraph.Node;
import io.siyu.shared.Sha256;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where a customer goes in a journey's graph, and what happens on the way, without touching anything: given the node
 * they arrive at (or the wait they leave, and why), the nodes they pass, the actions to do, and where they stop (a
 * wait, with its timer and the event it listens for, or the end). Random splits use a hash of the journey, the node
 * and the customer, so a customer always takes the same branch, and a dry run takes the one the real run would; an
 * experiment split hashes the journey and the customer, so a customer who enters again gets the same variant.
 */
public final class Interpreter {

    /** Nodes one step may pass; a graph without loops that do not wait never comes near it. */
    static final int MAX_PASSED = 256;

    private Interpreter() {}

    /** What the interpreter asks about the customer while passing splits. */
    public interface Facts {
        boolean inSegment(long segment);

        /** Whether the customer meets a condition of the audience's condition language now. */
        boolean meets(JsonNode condition);

        /** The time zone the customer lives in, for waits until a time of day. */
        ZoneId timeZone();

        /** The customer's responsiveness per hour of the week in their zone ({@link BestHour#estimate}). */
        double[] responsiveness();
    }

    /** An action node passed: its node, action and settings. */
    public record ActionStep(String node, String action, JsonNode config) {}

    /** Where a step ends. */
    public sealed interface Stop {
        /** At a wait node, until {@code dueAt} or the event. */
        record Waiting(String node, Instant dueAt, @Nullable String event) implements Stop {}

        /** Out of the journey: at an exit node, or where a path ends. */
        record Ended(String reason) implements Stop {}
    }

    /**
     * One step: the nodes passed (in order), the actions to do, where it stops, and the variant of the experiment split
     * it passed, if it passed one.
     */
    public record Step(
            List<String> passed,
            List<ActionStep> actions,
            Stop stop,
            @Nullable String variant) {}

    /** Why a waiting customer moves on. */
    public enum Cause {
        TIMER,
        EVENT,
        /** The awaited outcome came and it is a failure: a WeCom message that was not sent. */
        FAILED
    }

    /** A customer arriving at a node (the first, on entry). */
    public static Step arrive(
            JourneyGraph graph, long journeyId, long customer, @Nullable String node, Facts facts, Instant now) {
        var passed = new ArrayList<String>();
        var actions = new ArrayList<ActionStep>();
        String variant = null;
        var current = node;
        while (current != null && passed.size() < MAX_PASSED) {
            var at = graph.node(current);
            passed.add(current);
            switch (at) {
                case Node.Wait wait -> {
                    return new Step(
                            passed, actions, new Stop.Waiting(current, now.plus(wait.duration()), null), variant);
                }
                case Node.WaitUntil wait -> {
                    var due = TimeOfDay.next(now, facts.timeZone(), wait.time(), wait.days());
                    return new Step(passed, actions, new Stop.Waiting(current, due, null), variant);
                }
                case Node.WaitBestHour wait -> {
                    var due = BestHour.pick(now, wait.within(), facts.timeZone(), facts.responsiveness());
                    return new Step(passed, actions, new Stop.Waiting(current, due, null), variant);
                }
                case Node.WaitEvent wait -> {
                    return new Step(
                            passed,
                            actions,
                            new Stop.Waiting(current, now.plus(wait.timeout()), wait.event()),
                            variant);
                }
                case Node.SplitSegment split -> current = facts.inSegment(split.segment()) ? split.yes() : split.no();
                case Node.SplitCondition split -> current = facts.meets(split.condition()) ? split.yes() : split.no();
                case Node.SplitRandom split -> current = branch(split, journeyId, customer);
                case Node.SplitExperiment split -> {
                    var chosen = variant(split, journeyId, customer);
                    variant = chosen.name();
                    current = chosen.next();
                }
                case Node.Action action -> {
                    actions.add(new ActionStep(current, action.action(), action.config()));
                    var await = action.awaitResult();
                    if (await.isPresent()) {
                        return new Step(
                                passed,
                                actions,
                                new Stop.Waiting(
                                        current, now.plus(await.get().timeout()), JourneyGraph.AwaitResult.WAITED),
                                variant);
                    }
                    current = action.next();
                }
                case Node.Exit exit -> {
                    return new Step(passed, actions, new Stop.Ended("exit"), variant);
                }
            }
        }
        return new Step(passed, actions, new Stop.Ended(current == null ? "completed" : "too-many-steps"), variant);
    }

    /**
     * A waiting customer moving on from their wait node: its time is up, or the event came. A customer waiting for a
     * WeCom message's outcome whose message was not sent, or not in time, gets the fallback message as they leave: a
     * {@code send_message} step of the fallback template that also cancels the WeCom task ({@code replacing}).
     */
    public static Step resume(
            JourneyGraph graph, long journeyId, long customer, String waitNode, Cause cause, Facts facts, Instant now) {
        if (graph.node(waitNode) instanceof Node.Action action) {
            var step = arrive(graph, journeyId, customer, action.next(), facts, now);
            if (cause == Cause.EVENT) {
                return step;
            }
            var fallback = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            fallback.put(
                    "template",
                    action.awaitResult()
                            .map(JourneyGraph.AwaitResult::fallbackTemplate)
                            .orElse(""));
            fallback.put("replacing", true);
            var actions = new ArrayList<ActionStep>();
            actions.add(new ActionStep(waitNode, action.action(), fallback));
            actions.addAll(step.actions());
            return new Step(step.passed(), actions, step.stop(), step.variant());
        }
        var next = switch (graph.node(waitNode)) {
            case Node.Wait wait -> wait.next();
            case Node.WaitUntil wait -> wait.next();
            case Node.WaitBestHour wait -> wait.next();
            case Node.WaitEvent wait -> cause == Cause.EVENT ? wait.onEvent() : wait.onTimeout();
            case null -> null;
            default -> throw new IllegalStateException("node " + waitNode + " does not wait");
        };
        return arrive(graph, journeyId, customer, next, facts, now);
    }

    /** The branch a customer takes at a random split: the same every time. */
    static @Nullable String branch(Node.SplitRandom split, long journeyId, long customer) {
        return pick(
                        split.branches(),
                        JourneyGraph.Branch::percent,
                        bucket(journeyId + ":" + split.id() + ":" + customer, 100))
                .next();
    }

    /** The variant a customer gets at a journey's experiment split: the same every time they pass it. */
    static JourneyGraph.Variant variant(Node.SplitExperiment split, long journeyId, long customer) {
        return pick(
                split.variants(), JourneyGraph.Variant::percent, bucket(journeyId + ":experiment:" + customer, 100));
    }

    /** The way whose share of the hundred covers {@code point}, from 0 to 99. */
    private static <T> T pick(List<T> ways, ToIntFunction<T> percent, int point) {
        var cumulative = 0;
        for (var way : ways) {
            cumulative += percent.applyAsInt(way);
            if (point < cumulative) {
                return way;
            }
        }
        return ways.getLast();
    }

    /** Whether a customer entering a journey belongs to its control group: the same answer every time. */
    public static boolean inControlGroup(JourneyGraph graph, long journeyId, long customer) {
        return graph.controlPercent() > 0 && bucket(journeyId + ":control:" + customer, 100) < graph.controlPercent();
    }

    /** A number from 0 to {@code buckets - 1}, uniform over keys: from the first 8 bytes of SHA-256. */
    static int bucket(String key, int buckets) {
        var hash = Sha256.hex(key).substring(0, 15);
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(hash, 16), buckets);
    }
}
