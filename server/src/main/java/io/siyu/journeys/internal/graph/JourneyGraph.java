package io.siyu.journeys.internal.graph;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A journey's graph as the runtime reads it.
 *
 * @param first the node a customer starts at
 * @param controlPercent the share of entering customers held back as the control group (0 to 50)
 * @param capPerDay the most customers who may enter per day in the brand's time zone, or null for no cap
 * @param exits what ends a customer's run early, as the names the runtime hears them by: an event's name, or
 *     {@link #leftSegment} of a segment
 */
public record JourneyGraph(
        Trigger trigger,
        Reentry reentry,
        @Nullable Integer capPerDay,
        @Nullable Instant start,
        @Nullable Instant end,
        int controlPercent,
        @Nullable Goal goal,
        List<String> exits,
        String first,
        Map<String, Node> nodes) {

    /** The name under which leaving a segment ends runs. */
    public static String leftSegment(long segment) {
        return "segment-left:" + segment;
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    public Optional<Goal> goalOf() {
        return Optional.ofNullable(goal);
    }

    /** What makes a customer enter. */
    public sealed interface Trigger {
        /** A tracked event of this name whose properties pass every filter. */
        record Event(String event, List<PropertyFilter> where) implements Trigger {}

        /** Entering a segment. */
        record SegmentEntered(long segment) implements Trigger {}

        /** Leaving a segment. */
        record SegmentLeft(long segment) implements Trigger {}

        /** Moving to another stage of a lifecycle model: to the stage {@code to}, or to any when it is null. */
        record StageChanged(String model, @Nullable String to) implements Trigger {}

        /** A call of the journey's entry endpoint by the shop's backend. */
        record Api() implements Trigger {}

        /**
         * A broadcast to a segment's members: once at {@code at}, or at every time a cron expression names (six
         * fields, seconds first, as in {@code 0 0 10 * * MON}) read in {@code zone}, the brand's when it is null.
         */
        record Schedule(
                long segment,
                @Nullable Instant at,
                @Nullable String cron,
                @Nullable ZoneId zone) implements Trigger {}

        /**
         * A day of the customer's own: {@code offsetDays} after the anniversary of a date trait (their birthday, a
         * membership's start), or after their last order ({@link DateTrigger#LAST_ORDER}), at {@code at} in their
         * time zone.
         */
        record DateAttribute(String attribute, int offsetDays, LocalTime at) implements Trigger {}
    }

    /** A filter on an event property: {@code equals}, {@code not_equals}, {@code at_least}, {@code at_most}. */
    public record PropertyFilter(String property, String operator, JsonNode value) {}

    /** How often one customer may enter. */
    public record Reentry(Mode mode, int days) {
        public enum Mode {
            /** Once ever. */
            ONCE,
            /** Again once {@code days} days passed since the last entry. */
            ONCE_PER_DAYS,
            /** Every time, but never while still inside. */
            ALWAYS
        }
    }

    /** The goal: an event within a window after entry converts the customer; its value is the revenue. */
    public record Goal(String event, Duration within) {}

    /** A step of the graph. */
    public sealed interface Node {
        String id();

        /** Waits a fixed time. */
        record Wait(String id, Duration duration, @Nullable String next) implements Node {}

        /**
         * Waits until the next {@code time} of day in the customer's time zone, on one of {@code days} (any day when it
         * is empty).
         */
        record WaitUntil(
                String id,
                LocalTime time,
                Set<DayOfWeek> days,
                @Nullable String next) implements Node {}

        /** Waits until the customer's most responsive hour of the week within {@code within}. */
        record WaitBestHour(
                String id, Duration within, @Nullable String next) implements Node {}

        /** Waits for an event, at most {@code timeout}. */
        record WaitEvent(
                String id,
                String event,
                Duration timeout,
                @Nullable String onEvent,
                @Nullable String onTimeout) implements Node {}

        /** Goes one way for members of a segment at that moment, the other way for the rest. */
        record SplitSegment(
                String id,
                long segment,
                @Nullable String yes,
                @Nullable String no) implements Node {}

        /** Goes one way for customers who meet a condition of the audience's condition language at that moment. */
        record SplitCondition(
                String id,
                JsonNode condition,
                @Nullable String yes,
                @Nullable String no) implements Node {}

        /** Goes one of several ways, at random by the given percentages, the same way every time for a customer. */
        record SplitRandom(String id, List<Branch> branches) implements Node {}

        /**
         * Sends customers down named variants by the given percentages, the same variant every time for a customer of
         * the journey; the variant is recorded on the run, and the report compares the variants on the goal.
         */
        record SplitExperiment(String id, List<Variant> variants) implements Node {}

        /**
         * Does an action ({@link io.siyu.journeys.JourneyAction}) and goes on; a WeCom message's node that declares
         * {@code awaitResult} first waits for its outcome ({@link #awaitResult}).
         */
        record Action(
                String id,
                String action,
                JsonNode config,
                @Nullable String next) implements Node {

            /** The node's wait for its WeCom message's outcome, if its settings declare one. */
            public Optional<AwaitResult> awaitResult() {
                return AwaitResult.of(action, config);
            }
        }

        /** Leaves the journey. */
        record Exit(String id) implements Node {}
    }

    /**
     * A {@code send_message} node's wait for its WeCom message's outcome ({@code "awaitResult": {"timeout": "PT24H",
     * "fallbackTemplate": "key"}}): the customer waits at the node until {@code WeCom Message Sent} (and goes on), or
     * {@code WeCom Message Not Sent} or the timeout (then the task is cancelled if still open, the fallback template
     * is sent, and the customer goes on).
     */
    public record AwaitResult(Duration timeout, String fallbackTemplate) {

        /** What a customer waiting for a WeCom message's outcome waits for, as runs record it. */
        public static final String WAITED = "wecom-result";

        /** The events that end such a wait: the WeCom outcomes. */
        public static final Set<String> EVENTS =
                Set.of(io.siyu.messaging.Messages.WECOM_SENT, io.siyu.messaging.Messages.WECOM_NOT_SENT);

        /** The wait a node's settings declare, if they declare a readable one. */
        public static Optional<AwaitResult> of(String action, JsonNode config) {
            var await = config.path("awaitResult");
            if (!"send_message".equals(action) || !await.isObject()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new AwaitResult(
                        Duration.parse(await.path("timeout").asString("")),
                        await.path("fallbackTemplate").asString("")));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** One way out of a random split. */
    public record Branch(int percent, @Nullable String next) {}

    /** One variant of an experiment: its name, the share of customers it gets, and where they go. */
    public record Variant(
            String name, int percent, @Nullable String next) {}

    /** The graph's experiment split, if it has one (a graph has at most one). */
    public Optional<Node.SplitExperiment> experiment() {
        return nodes.values().stream()
                .filter(Node.SplitExperiment.class::isInstance)
                .map(Node.SplitExperiment.class::cast)
                .findFirst();
    }
}
