package io.siyu.journeys.internal.runtime;

import io.siyu.journeys.internal.graph.JourneyGraph.Trigger;
import io.siyu.journeys.internal.store.LiveJourneys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What rows of the trigger inbox mean for journeys: each event may move on waiting runs and convert runs, and, when
 * it is fresh, enter customers into the journeys it triggers whose filters it passes; each segment entry enters
 * customers into the journeys that segment triggers; leaving a segment ends runs it is an exit condition of and enters
 * customers into the journeys it triggers, and so does a move to another lifecycle stage. What came with the trigger
 * (the event's properties; the segment; the model and the stages from and to) becomes the run's data.
 */
@Component
class Arrivals {

    private final LiveJourneys journeys;
    private final JsonMapper json;
    private final JourneysProperties settings;
    private final Clock clock;

    Arrivals(LiveJourneys journeys, JsonMapper json, JourneysProperties settings, Clock clock) {
        this.journeys = journeys;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Events that happened and entries they make. */
    record Arrived(List<JourneyRuntime.Happened> events, List<JourneyRuntime.Entry> entries) {}

    Arrived of(List<TriggerInbox.Row> rows) {
        var events = new ArrayList<JourneyRuntime.Happened>();
        var entries = new ArrayList<JourneyRuntime.Entry>();
        var stale = clock.instant().minus(settings.triggerFreshness());
        for (var row : rows) {
            if (row.kind().equals("segment")) {
                var segment = Long.parseLong(row.event().substring(TriggerInbox.SEGMENT.length()));
                journeys.enteredOnSegment(segment)
                        .forEach(j -> entries.add(new JourneyRuntime.Entry(
                                j.id(), row.customerId(), row.messageId(), row.at(), Map.of())));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = json.treeToValue(row.properties(), Map.class);
            if (row.kind().equals("segment-left")) {
                events.add(new JourneyRuntime.Happened(
                        row.customerId(), row.event(), row.messageId(), row.at(), Map.of()));
                var segment = Long.parseLong(row.event().substring(row.event().lastIndexOf(':') + 1));
                journeys.enteredOnSegmentLeft(segment)
                        .forEach(j -> entries.add(new JourneyRuntime.Entry(
                                j.id(), row.customerId(), row.messageId(), row.at(), Map.of("segment", segment))));
                continue;
            }
            if (row.kind().equals("stage")) {
                journeys.enteredOnStage(
                                row.properties().path("model").asString(),
                                row.properties().path("to").asString())
                        .forEach(j -> entries.add(new JourneyRuntime.Entry(
                                j.id(), row.customerId(), row.messageId(), row.at(), properties)));
                continue;
            }
            events.add(
                    new JourneyRuntime.Happened(row.customerId(), row.event(), row.messageId(), row.at(), properties));
            if (row.at().isBefore(stale)) {
                continue;
            }
            for (var journey : journeys.enteredOnEvent(row.event())) {
                var trigger = (Trigger.Event) journey.graph().trigger();
                if (Triggers.matches(trigger.where(), row.properties())) {
                    entries.add(new JourneyRuntime.Entry(
                            journey.id(), row.customerId(), row.messageId(), row.at(), properties));
                }
            }
        }
        return new Arrived(events, entries);
    }
}
