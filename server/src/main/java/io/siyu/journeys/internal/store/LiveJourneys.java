package io.siyu.journeys.internal.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.siyu.journeys.internal.graph.GraphReader;
import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.journeys.internal.graph.JourneyGraph.Node;
import io.siyu.journeys.internal.graph.JourneyGraph.Trigger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The journeys the runtime works with, kept in memory: each journey's status and current version, every version's
 * graph (read once, they never change), and the names of the events any journey that is not archived enters on,
 * waits for or converts on, so that only those events are written to the trigger inbox. Refreshed after every change
 * of a journey on this node and every few seconds for changes made on others.
 */
@Component
public class LiveJourneys {

    private final JdbcTemplate jdbc;
    private final JourneyStore store;
    private final LoadingCache<String, JourneyGraph> graphs;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Set.of(), Set.of());

    LiveJourneys(JdbcTemplate jdbc, JourneyStore store) {
        this.jdbc = jdbc;
        this.store = store;
        this.graphs = Caffeine.newBuilder().maximumSize(10_000).build(this::load);
    }

    /** A journey customers can be in: its id, status, current version and that version's graph. */
    public record Live(long id, JourneyStatus status, int version, JourneyGraph graph) {}

    private record Snapshot(Map<Long, Live> journeys, Set<String> events, Set<String> waitedFor) {}

    /** Reads the journeys again; call after a change has committed. Every node also does so every few seconds. */
    @Scheduled(fixedDelayString = "PT3S", initialDelayString = "PT3S")
    public void refresh() {
        var journeys = new HashMap<Long, Live>();
        jdbc.query("select id, status, version from journeys.journey where status in ('published', 'paused')", rs -> {
            var id = rs.getLong("id");
            var version = rs.getInt("version");
            journeys.put(id, new Live(id, JourneyStatus.of(rs.getString("status")), version, graph(id, version)));
        });
        var events = new HashSet<String>();
        var waitedFor = new HashSet<String>();
        jdbc.query("""
                select v.journey_id, v.version from journeys.journey_version v
                  join journeys.journey j on j.id = v.journey_id where j.status <> 'archived'""", rs -> {
            var graph = graph(rs.getLong(1), rs.getInt(2));
            events.addAll(eventsOf(graph));
            for (var node : graph.nodes().values()) {
                if (node instanceof Node.WaitEvent wait) {
                    waitedFor.add(wait.event());
                }
                if (node instanceof Node.Action action && action.awaitResult().isPresent()) {
                    waitedFor.add(JourneyGraph.AwaitResult.WAITED);
                }
            }
        });
        snapshot = new Snapshot(Map.copyOf(journeys), Set.copyOf(events), Set.copyOf(waitedFor));
    }

    /** The actions nodes may do, by type. */
    public java.util.Map<String, io.siyu.journeys.JourneyAction> actions() {
        return store.actions();
    }

    /** The graph of a published version. */
    public JourneyGraph graph(long journeyId, int version) {
        return graphs.get(journeyId + "/" + version);
    }

    public Live live(long journeyId) {
        return snapshot.journeys().get(journeyId);
    }

    /** Published journeys that a tracked event of this name may let customers enter. */
    public List<Live> enteredOnEvent(String event) {
        return snapshot.journeys().values().stream()
                .filter(j -> j.status() == JourneyStatus.PUBLISHED)
                .filter(j -> j.graph().trigger() instanceof Trigger.Event e
                        && e.event().equals(event))
                .toList();
    }

    /** Published journeys customers enter when they enter this segment. */
    public List<Live> enteredOnSegment(long segment) {
        return snapshot.journeys().values().stream()
                .filter(j -> j.status() == JourneyStatus.PUBLISHED)
                .filter(j -> j.graph().trigger() instanceof Trigger.SegmentEntered s && s.segment() == segment)
                .toList();
    }

    /** Published journeys customers enter when they leave this segment. */
    public List<Live> enteredOnSegmentLeft(long segment) {
        return snapshot.journeys().values().stream()
                .filter(j -> j.status() == JourneyStatus.PUBLISHED)
                .filter(j -> j.graph().trigger() instanceof Trigger.SegmentLeft s && s.segment() == segment)
                .toList();
    }

    /** Published journeys customers enter when they move to the stage {@code to} of a lifecycle model. */
    public List<Live> enteredOnStage(String model, String to) {
        return snapshot.journeys().values().stream()
                .filter(j -> j.status() == JourneyStatus.PUBLISHED)
                .filter(j -> j.graph().trigger() instanceof Trigger.StageChanged s
                        && s.model().equals(model)
                        && (s.to() == null || s.to().equals(to)))
                .toList();
    }

    /** Published journeys whose trigger is of this type (a schedule, a date attribute). */
    public List<Live> triggeredBy(Class<? extends Trigger> type) {
        return snapshot.journeys().values().stream()
                .filter(j -> j.status() == JourneyStatus.PUBLISHED)
                .filter(j -> type.isInstance(j.graph().trigger()))
                .toList();
    }

    /** Journeys, published or paused, whose goal is an event of this name. */
    public List<Live> convertingOn(String event) {
        return snapshot.journeys().values().stream()
                .filter(j ->
                        j.graph().goalOf().filter(g -> g.event().equals(event)).isPresent())
                .toList();
    }

    /** Whether any journey listens for events of this name. */
    public boolean listensTo(String event) {
        return snapshot.events().contains(event);
    }

    /**
     * Journeys, published or paused, whose runs end when this happens: an event of this name, or
     * {@link JourneyGraph#leftSegment leaving a segment}.
     */
    public List<Live> exitingOn(String name) {
        return snapshot.journeys().values().stream()
                .filter(j -> j.graph().exits().contains(name))
                .toList();
    }

    /** Whether a wait node of any journey that is not archived waits for events of this name. */
    public boolean waitedFor(String event) {
        return snapshot.waitedFor().contains(event);
    }

    /** Whether customers of this journey move on now (it is published; paused ones wait). */
    public boolean moving(long journeyId) {
        var live = snapshot.journeys().get(journeyId);
        return live != null && live.status() == JourneyStatus.PUBLISHED;
    }

    private JourneyGraph load(String key) {
        var slash = key.indexOf('/');
        var version =
                store.version(Long.parseLong(key.substring(0, slash)), Integer.parseInt(key.substring(slash + 1)));
        return GraphReader.load(version.graph(), store.actions());
    }

    private static Set<String> eventsOf(JourneyGraph graph) {
        var events = new HashSet<String>();
        if (graph.trigger() instanceof Trigger.Event event) {
            events.add(event.event());
        }
        graph.goalOf().ifPresent(goal -> events.add(goal.event()));
        events.addAll(graph.exits());
        for (var node : graph.nodes().values()) {
            if (node instanceof Node.WaitEvent wait) {
                events.add(wait.event());
            }
            if (node instanceof Node.Action action && action.awaitResult().isPresent()) {
                events.addAll(JourneyGraph.AwaitResult.EVENTS);
            }
        }
        return events;
    }
}
