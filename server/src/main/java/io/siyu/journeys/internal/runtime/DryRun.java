package io.siyu.journeys.internal.runtime;

import io.siyu.audience.Audiences;
import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.Profiles;
import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.journeys.internal.graph.JourneyGraph.Node;
import io.siyu.journeys.internal.graph.JourneyGraph.Reentry;
import io.siyu.messaging.Messages;
import io.siyu.shared.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * A dry run of a graph: who would enter it now (how many, and the first of them), and for one customer the path they
 * would take and the messages they would get, rendered. It reads and writes nothing of the runtime's: no run, no node
 * count, no ledger row.
 */
@Component
public class DryRun {

    /** Customers shown as the sample of those who would enter. */
    static final int SAMPLE = 10;

    /** Events of the trigger read at most, to count the customers who did it lately. */
    static final int EVENTS_READ = 100_000;

    /** Nodes a walk passes at most: a graph that loops through a wait would go on for ever. */
    static final int MAX_NODES = 100;

    private final Audiences audiences;
    private final Profiles profiles;
    private final Messages messages;
    private final RunStore runs;
    private final CustomerFacts facts;
    private final JourneysProperties settings;
    private final Clock clock;

    DryRun(
            Audiences audiences,
            Profiles profiles,
            Messages messages,
            RunStore runs,
            CustomerFacts facts,
            JourneysProperties settings,
            Clock clock) {
        this.audiences = audiences;
        this.profiles = profiles;
        this.messages = messages;
        this.runs = runs;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Who would enter now.
     *
     * @param count how many, or null when the caller decides (an API trigger)
     * @param countAtLeast whether the count is a floor: more events happened than were read
     * @param expectedControl how many of them the control group would hold back, by its percentage
     * @param applied the rules the count and the sample honour, in words
     */
    @Schema(name = "DryRunEntry")
    public record Entry(
            String trigger,
            @Nullable Long count,
            boolean countAtLeast,
            @Nullable Long expectedControl,
            List<Entrant> sample,
            List<String> applied) {}

    /** A customer who would enter: whether the control group would hold them back, and whether re-entry keeps them out. */
    @Schema(name = "DryRunEntrant")
    public record Entrant(CustomerSummary customer, boolean control, boolean alreadyEntered) {}

    /** The path of one customer and what they would get on it. */
    @Schema(name = "DryRunWalk")
    public record Walk(long customerId, boolean control, boolean alreadyEntered, List<Passed> path, String end) {}

    /**
     * A node passed: what it does for this customer ({@code waits P3D}, {@code yes → vip}) and, for a message, the
     * message rendered for them.
     */
    @Schema(name = "DryRunStep")
    public record Passed(
            String node,
            String type,
            String detail,
            @Nullable String action,
            @Nullable JsonNode config,
            Messages.@Nullable RenderedMessage message) {}

    @Schema(name = "DryRun")
    public record Result(Entry entry, @Nullable Walk walk) {}

    /**
     * The dry run of a graph that reads; {@code journeyId}, when the graph is the draft of a saved journey, lets
     * re-entry see who entered it before and makes the random splits hash as the runtime will.
     */
    @Transactional(readOnly = true)
    public Result run(JourneyGraph graph, String trigger, @Nullable Long journeyId, @Nullable Long customerId) {
        var id = journeyId == null ? 0L : journeyId;
        return new Result(
                entry(graph, trigger, id, journeyId != null), customerId == null ? null : walk(graph, id, customerId));
    }

    private Entry entry(JourneyGraph graph, String trigger, long journeyId, boolean saved) {
        var applied = new ArrayList<String>();
        long count;
        var atLeast = false;
        List<CustomerId> sample;
        switch (graph.trigger()) {
            case JourneyGraph.Trigger.SegmentEntered entered -> {
                var members = audiences.sample(entered.segment(), SAMPLE);
                count = members.count();
                sample = members.sample();
                applied.add("members of segment " + entered.segment() + " now");
            }
            case JourneyGraph.Trigger.Event event -> {
                var since = clock.instant().minus(settings.triggerFreshness());
                var customers = new LinkedHashSet<Long>();
                var read = new int[1];
                profiles.forEachRecentEvent(event.event(), since, EVENTS_READ, recorded -> {
                    read[0]++;
                    if (Triggers.matches(event.where(), recorded.touch().properties())) {
                        customers.add(recorded.customerId().value());
                    }
                });
                atLeast = read[0] == EVENTS_READ;
                applied.add("did " + event.event() + " since " + since);
                if (!event.where().isEmpty()) {
                    applied.add("property filters");
                }
                var entering = new ArrayList<>(customers);
                if (saved && graph.reentry().mode() != Reentry.Mode.ALWAYS) {
                    var last = lastEntered(journeyId, entering);
                    entering.removeIf(customer -> !mayEnter(graph.reentry(), last.get(customer)));
                    applied.add("re-entry (" + mode(graph.reentry()) + ")");
                }
                count = entering.size();
                sample = entering.stream().limit(SAMPLE).map(CustomerId::of).toList();
            }
            default -> {
                return new Entry(trigger, null, false, null, List.of(), List.of("entry is decided by the caller"));
            }
        }
        var ids = sample.stream().map(CustomerId::value).toList();
        var last = saved ? lastEntered(journeyId, ids) : Map.<Long, Instant>of();
        var entrants = profiles.summaries(sample).stream()
                .map(customer -> new Entrant(
                        customer,
                        Interpreter.inControlGroup(graph, journeyId, customer.id()),
                        !mayEnter(graph.reentry(), last.get(customer.id()))))
                .toList();
        if (saved && graph.trigger() instanceof JourneyGraph.Trigger.SegmentEntered) {
            applied.add("re-entry (" + mode(graph.reentry()) + ") in the sample");
        }
        if (graph.controlPercent() > 0) {
            applied.add("control group (" + graph.controlPercent() + " %) in the sample");
        }
        return new Entry(
                trigger,
                count,
                atLeast,
                graph.controlPercent() > 0 ? Math.round(count * graph.controlPercent() / 100.0) : null,
                entrants,
                List.copyOf(applied));
    }

    private Walk walk(JourneyGraph graph, long journeyId, long customerId) {
        var customer = profiles.live(CustomerId.of(customerId))
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        var known = facts.of(customer.value());
        var now = clock.instant();
        var path = new ArrayList<Passed>();
        var step = Interpreter.arrive(graph, journeyId, customer.value(), graph.first(), known, now);
        String end;
        while (true) {
            describe(graph, step, customer, path);
            if (step.stop() instanceof Interpreter.Stop.Ended ended) {
                end = ended.reason();
                break;
            }
            if (path.size() >= MAX_NODES) {
                end = "too-many-steps";
                break;
            }
            var waiting = (Interpreter.Stop.Waiting) step.stop();
            step = Interpreter.resume(
                    graph, journeyId, customer.value(), waiting.node(), Interpreter.Cause.TIMER, known, now);
        }
        var last = lastEntered(journeyId, List.of(customer.value())).get(customer.value());
        return new Walk(
                customer.value(),
                Interpreter.inControlGroup(graph, journeyId, customer.value()),
                journeyId != 0 && !mayEnter(graph.reentry(), last),
                path,
                end);
    }

    /** Adds the nodes a step passed, each with what it did for the customer. */
    private void describe(JourneyGraph graph, Interpreter.Step step, CustomerId customer, List<Passed> path) {
        var passed = step.passed();
        for (int i = 0; i < passed.size(); i++) {
            var id = passed.get(i);
            var next = i + 1 < passed.size() ? passed.get(i + 1) : null;
            var to = next == null ? "end" : next;
            path.add(
                    switch (graph.node(id)) {
                        case Node.Wait wait -> new Passed(id, "wait", "waits " + wait.duration(), null, null, null);
                        case Node.WaitUntil wait ->
                            new Passed(
                                    id,
                                    "wait_until",
                                    "waits until " + wait.time() + " on the customer's clock",
                                    null,
                                    null,
                                    null);
                        case Node.WaitBestHour wait ->
                            new Passed(
                                    id,
                                    "wait_best_hour",
                                    "waits for the customer's best hour within " + wait.within(),
                                    null,
                                    null,
                                    null);
                        case Node.WaitEvent wait ->
                            new Passed(
                                    id,
                                    "wait_event",
                                    "waits for " + wait.event() + " at most " + wait.timeout()
                                            + ", goes on by the timeout",
                                    null,
                                    null,
                                    null);
                        case Node.SplitSegment split ->
                            new Passed(
                                    id,
                                    "split_segment",
                                    (next(split.yes(), next) ? "yes → " : "no → ") + to,
                                    null,
                                    null,
                                    null);
                        case Node.SplitCondition split ->
                            new Passed(
                                    id,
                                    "split_condition",
                                    (next(split.yes(), next) ? "yes → " : "no → ") + to,
                                    null,
                                    null,
                                    null);
                        case Node.SplitRandom split -> new Passed(id, "split_random", "→ " + to, null, null, null);
                        case Node.SplitExperiment split ->
                            new Passed(
                                    id, "split_experiment", "variant " + step.variant() + " → " + to, null, null, null);
                        case Node.Action action -> {
                            var message = "send_message".equals(action.action())
                                    ? messages.preview(
                                                    action.config()
                                                            .path("template")
                                                            .asString(""),
                                                    customer,
                                                    Map.of())
                                            .orElse(null)
                                    : null;
                            var what = action.awaitResult()
                                    .map(await -> action.action() + ", then waits for the WeCom outcome at most "
                                            + await.timeout() + "; if it is not sent, cancels it and sends "
                                            + await.fallbackTemplate())
                                    .orElse(action.action());
                            yield new Passed(id, "action", what, action.action(), action.config(), message);
                        }
                        case Node.Exit exit -> new Passed(id, "exit", "leaves the journey", null, null, null);
                    });
        }
    }

    /** Whether the way a split names is the node passed next (both null when the path ends there). */
    private static boolean next(@Nullable String way, @Nullable String next) {
        return java.util.Objects.equals(way, next);
    }

    private Map<Long, Instant> lastEntered(long journeyId, List<Long> customers) {
        if (journeyId == 0) {
            return Map.of();
        }
        var last = new java.util.HashMap<Long, Instant>();
        runs.lastEntered(customers.stream()
                        .map(customer -> new RunStore.Inside(journeyId, customer))
                        .toList())
                .forEach((inside, at) -> last.put(inside.customerId(), at));
        return last;
    }

    private boolean mayEnter(Reentry reentry, @Nullable Instant lastEntered) {
        return JourneyRuntime.mayEnter(reentry, clock.instant(), lastEntered);
    }

    private static String mode(Reentry reentry) {
        return reentry.mode().name().toLowerCase(java.util.Locale.ROOT);
    }
}
