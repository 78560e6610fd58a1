package io.siyu.journeys.internal.runtime;

import io.siyu.customers.CustomerId;
import io.siyu.journeys.JourneyAction;
import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.journeys.internal.graph.JourneyGraph.Reentry;
import io.siyu.journeys.internal.runtime.RunStore.NodeKey;
import io.siyu.journeys.internal.store.LiveJourneys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves customers through journeys: enters them (re-entry rules, dates, the daily cap, the control group), fires the
 * timers of those who wait, moves on those whose awaited event came, and converts those who reached the goal. Each
 * call is one transaction: the runs' new positions, the node counts and every action (a queued message, a trait)
 * commit together or not at all, so a retry after a crash finds the runs where they were and calls the actions with
 * the same idempotency keys.
 */
@Component
public class JourneyRuntime {

    private final RunStore runs;
    private final LiveJourneys journeys;
    private final CustomerFacts facts;
    private final Map<String, JourneyAction> actions;
    private final Clock clock;
    private final ZoneId zone;

    JourneyRuntime(
            RunStore runs,
            LiveJourneys journeys,
            CustomerFacts facts,
            Clock clock,
            @Value("${siyu.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.runs = runs;
        this.journeys = journeys;
        this.facts = facts;
        this.actions = journeys.actions();
        this.clock = clock;
        this.zone = zone;
    }

    /** A customer to enter into a journey: why (the occurrence), when, and the values that came with it. */
    public record Entry(long journeyId, long customerId, String occurrence, Instant at, Map<String, Object> data) {}

    /** What entering did. */
    public enum Entered {
        ENTERED,
        CONTROL,
        NOT_LIVE,
        OUTSIDE_DATES,
        ALREADY,
        CAPPED
    }

    /** Enters customers; answers for each what happened. */
    @Transactional
    public List<Entered> enter(List<Entry> entries) {
        var work = new Work();
        var answers = enter(entries, work);
        work.finish();
        return answers;
    }

    /**
     * Enters a batch with a few statements instead of a few per customer. A customer's second entry into the same
     * journey in one batch waits for the next round, after the first one's step is saved: a run that ended in its first
     * step no longer holds the customer "inside", as it would not have had the entries come one by one.
     */
    private List<Entered> enter(List<Entry> entries, Work work) {
        var answers = new Entered[entries.size()];
        var pending = new ArrayList<Integer>();
        for (int i = 0; i < entries.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            var round = new ArrayList<Integer>();
            var later = new ArrayList<Integer>();
            var seen = new HashSet<RunStore.Inside>();
            for (var i : pending) {
                (seen.add(inside(entries.get(i))) ? round : later).add(i);
            }
            work.flush();
            enterRound(entries, round, answers, work);
            pending = later;
        }
        return List.of(answers);
    }

    private void enterRound(List<Entry> entries, List<Integer> round, Entered[] answers, Work work) {
        var open = new ArrayList<Integer>();
        for (var i : round) {
            var entry = entries.get(i);
            var live = journeys.live(entry.journeyId());
            if (live == null || !journeys.moving(entry.journeyId())) {
                answers[i] = Entered.NOT_LIVE;
            } else if ((live.graph().start() != null
                            && entry.at().isBefore(live.graph().start()))
                    || (live.graph().end() != null
                            && !entry.at().isBefore(live.graph().end()))) {
                answers[i] = Entered.OUTSIDE_DATES;
            } else {
                open.add(i);
            }
        }
        var last = runs.lastEntered(open.stream()
                .map(entries::get)
                .filter(entry -> graph(entry).reentry().mode() != Reentry.Mode.ALWAYS)
                .map(JourneyRuntime::inside)
                .toList());
        var entering = new ArrayList<Integer>();
        var newRuns = new ArrayList<RunStore.NewRun>();
        for (var i : open) {
            var entry = entries.get(i);
            if (!mayEnter(graph(entry).reentry(), entry.at(), last.get(inside(entry)))) {
                answers[i] = Entered.ALREADY;
                continue;
            }
            var control = Interpreter.inControlGroup(graph(entry), entry.journeyId(), entry.customerId());
            entering.add(i);
            newRuns.add(new RunStore.NewRun(
                    entry.journeyId(),
                    journeys.live(entry.journeyId()).version(),
                    entry.customerId(),
                    entry.occurrence(),
                    control ? Run.CONTROL : Run.TREATED,
                    entry.at(),
                    entry.data()));
        }
        var inserted = runs.insert(newRuns);
        var admitted = new ArrayList<Integer>();
        var wantsCap = new java.util.LinkedHashMap<List<Object>, List<Integer>>();
        for (var i : entering) {
            var entry = entries.get(i);
            if (!inserted.containsKey(occurrenceOf(entry))) {
                answers[i] = Entered.ALREADY;
            } else if (graph(entry).capPerDay() != null) {
                wantsCap.computeIfAbsent(
                                List.of(
                                        entry.journeyId(),
                                        entry.at().atZone(zone).toLocalDate()),
                                day -> new ArrayList<>())
                        .add(i);
            } else {
                admitted.add(i);
            }
        }
        var capped = new ArrayList<Long>();
        wantsCap.forEach((day, waiting) -> {
            var first = entries.get(waiting.getFirst());
            var granted = runs.takeCap(
                    first.journeyId(),
                    first.at().atZone(zone).toLocalDate(),
                    graph(first).capPerDay(),
                    waiting.size());
            admitted.addAll(waiting.subList(0, granted));
            for (var i : waiting.subList(granted, waiting.size())) {
                answers[i] = Entered.CAPPED;
                capped.add(inserted.get(occurrenceOf(entries.get(i))).id());
            }
        });
        runs.delete(capped);
        for (var i : admitted) {
            var entry = entries.get(i);
            var run = inserted.get(occurrenceOf(entry));
            var graph = graph(entry);
            if (run.control()) {
                runs.hold(
                        run.id(),
                        graph.goalOf().map(g -> entry.at().plus(g.within())).orElse(null),
                        now());
                answers[i] = Entered.CONTROL;
            } else {
                work.step(
                        run,
                        graph,
                        Interpreter.arrive(
                                graph,
                                entry.journeyId(),
                                entry.customerId(),
                                graph.first(),
                                facts(entry.customerId()),
                                now()));
                answers[i] = Entered.ENTERED;
            }
        }
    }

    private JourneyGraph graph(Entry entry) {
        return journeys.live(entry.journeyId()).graph();
    }

    private static RunStore.Inside inside(Entry entry) {
        return new RunStore.Inside(entry.journeyId(), entry.customerId());
    }

    private static List<Object> occurrenceOf(Entry entry) {
        return RunStore.occurrenceOf(entry.journeyId(), entry.customerId(), entry.occurrence());
    }

    /** Whether re-entry rules let a customer who last entered at {@code lastEntered} (null: never) enter {@code at}. */
    static boolean mayEnter(Reentry reentry, Instant at, @Nullable Instant lastEntered) {
        return switch (reentry.mode()) {
            case ONCE -> lastEntered == null;
            case ONCE_PER_DAYS ->
                lastEntered == null || lastEntered.isBefore(at.minus(java.time.Duration.ofDays(reentry.days())));
            case ALWAYS -> true;
        };
    }

    /** Moves on up to {@code limit} runs whose timer is due; answers how many. */
    @Transactional
    public int fireDue(int limit) {
        var now = now();
        var due = runs.claimDue(now, limit);
        var work = new Work();
        for (var run : due) {
            if (run.control()) {
                runs.end(run.id(), "completed", "control", run.steps(), now);
                continue;
            }
            work.resume(run, Interpreter.Cause.TIMER, now);
        }
        work.finish();
        return due.size();
    }

    /** When the next timer of a published journey falls due after {@code after}, if any is set. */
    public Optional<Instant> nextDue(Instant after) {
        return runs.nextDue(after);
    }

    /** An event of a customer: it moves on runs waiting for it, converts runs it is the goal of, enters triggered ones. */
    public record Happened(
            long customerId, String event, String messageId, Instant at, Map<String, Object> properties) {}

    @Transactional
    public void happened(List<Happened> events, List<Entry> entries) {
        var work = new Work();
        for (var event : events) {
            // an earlier event of the batch may have moved this customer's runs: their positions first
            work.flush();
            exit(event);
            convert(event);
            if (journeys.waitedFor(event.event())) {
                for (var run : runs.claimWaitingFor(event.customerId(), event.event())) {
                    work.resume(run, Interpreter.Cause.EVENT, now());
                }
            }
            if (JourneyGraph.AwaitResult.EVENTS.contains(event.event())
                    && journeys.waitedFor(JourneyGraph.AwaitResult.WAITED)) {
                var cause = event.event().equals(io.siyu.messaging.Messages.WECOM_NOT_SENT)
                        ? Interpreter.Cause.FAILED
                        : Interpreter.Cause.EVENT;
                for (var run : runs.claimWaitingFor(event.customerId(), JourneyGraph.AwaitResult.WAITED)) {
                    // only the outcome of the message this run sent moves it on, not one of another journey's
                    if (awaitsOutcomeOf(run, event.properties().get("send_reason"))) {
                        work.resume(run, cause, now());
                    }
                }
            }
        }
        enter(entries, work);
        work.finish();
    }

    /** Ends the customer's runs in the journeys this event (or leaving a segment) is an exit condition of. */
    private void exit(Happened event) {
        var exiting = journeys.exitingOn(event.event());
        if (!exiting.isEmpty()) {
            runs.exitLive(
                    event.customerId(),
                    exiting.stream().map(LiveJourneys.Live::id).toList(),
                    "exit:" + event.event(),
                    now());
        }
    }

    private void convert(Happened event) {
        var goals = new HashMap<Long, JourneyGraph.Goal>();
        for (var journey : journeys.convertingOn(event.event())) {
            journey.graph().goalOf().ifPresent(goal -> goals.put(journey.id(), goal));
        }
        for (var run : runs.convertible(event.customerId(), goals.keySet())) {
            var goal = goals.get(run.journeyId());
            if (!event.at().isBefore(run.enteredAt())
                    && event.at().isBefore(run.enteredAt().plus(goal.within()))) {
                runs.convert(run.id(), event.at(), revenue(event.properties()), now());
            }
        }
    }

    /**
     * The idempotency key of the actions a run takes at a node in its {@code steps}-th step; a message it sends is
     * queued under this key as its business reason.
     */
    static String actionKey(Run run, String node, int steps) {
        return "journey:" + run.journeyId() + ":v" + run.version() + ":" + node + ":" + run.actionKey() + ":" + steps;
    }

    /**
     * Whether a run waiting at a WeCom step awaits the message queued for {@code sendReason}: the one its last step
     * sent from that node (named as the run's actions are, also after a merge moved the run).
     */
    static boolean awaitsOutcomeOf(Run run, @Nullable Object sendReason) {
        return run.node() != null && actionKey(run, run.node(), run.steps()).equals(sendReason);
    }

    /** The money a goal event brought: its {@code revenue}, else {@code total}, else {@code value}, else none. */
    static BigDecimal revenue(Map<String, Object> properties) {
        for (var name : List.of("revenue", "total", "value")) {
            if (properties.get(name) instanceof Number number) {
                try {
                    return new BigDecimal(number.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
                } catch (NumberFormatException e) {
                    return BigDecimal.ZERO;
                }
            }
        }
        return BigDecimal.ZERO;
    }

    private Interpreter.Facts facts(long customer) {
        return facts.of(customer);
    }

    private Instant now() {
        return clock.instant();
    }

    /** A transaction's steps: positions saved at once, actions and node counts applied at the end. */
    private final class Work {
        private final Map<String, List<JourneyAction.Call>> calls = new HashMap<>();
        private final Map<NodeKey, Long> passed = new HashMap<>();
        private final List<RunStore.Saved> saved = new ArrayList<>();

        void step(Run run, JourneyGraph graph, Interpreter.Step step) {
            var steps = run.steps() + 1;
            for (var action : step.actions()) {
                calls.computeIfAbsent(action.action(), a -> new ArrayList<>())
                        .add(new JourneyAction.Call(
                                actionKey(run, action.node(), steps),
                                CustomerId.of(run.customerId()),
                                run.journeyId(),
                                run.version(),
                                action.node(),
                                action.config(),
                                run.data()));
            }
            for (var node : step.passed()) {
                passed.merge(new NodeKey(run.journeyId(), run.version(), node), 1L, Long::sum);
            }
            saved.add(new RunStore.Saved(
                    run.id(),
                    step.stop(),
                    steps,
                    step.variant(),
                    step.passed().isEmpty() ? run.node() : step.passed().getLast()));
        }

        void resume(Run run, Interpreter.Cause cause, Instant now) {
            var graph = journeys.graph(run.journeyId(), run.version());
            step(
                    run,
                    graph,
                    Interpreter.resume(
                            graph, run.journeyId(), run.customerId(), run.node(), cause, facts(run.customerId()), now));
        }

        void flush() {
            runs.save(saved, now());
            saved.clear();
        }

        void finish() {
            flush();
            calls.forEach((type, list) -> Optional.ofNullable(actions.get(type))
                    .orElseThrow(() -> new IllegalStateException("no journey action " + type))
                    .apply(list));
            runs.countPassed(passed);
        }
    }
}
