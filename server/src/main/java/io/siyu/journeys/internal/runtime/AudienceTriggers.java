package io.siyu.journeys.internal.runtime;

import io.siyu.audience.CustomerChangedStage;
import io.siyu.audience.CustomerEnteredSegment;
import io.siyu.audience.CustomerLeftSegment;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.siyu.shared.Timestamps;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audience's announcements that some journey reacts to into the {@link TriggerInbox}: a customer entered or
 * left a segment, or moved to another lifecycle stage. Each is heard in a transaction of its own, after the audience
 * announced it.
 *
 * <p>An announcement may be heard after its customer was merged into another profile: it is then dropped, since the
 * audience evaluates the survivor again and announces the survivor's own changes. The profile is held against a merge
 * while its row is written, so a merge that comes after finds the row and moves it to the survivor.
 */
@Component
class AudienceTriggers {

    private final TriggerInbox inbox;
    private final LiveJourneys journeys;
    private final Profiles profiles;
    private final JsonMapper json;

    AudienceTriggers(TriggerInbox inbox, LiveJourneys journeys, Profiles profiles, JsonMapper json) {
        this.inbox = inbox;
        this.journeys = journeys;
        this.profiles = profiles;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(CustomerEnteredSegment entered) {
        if (journeys.enteredOnSegment(entered.segmentId()).isEmpty()) {
            return;
        }
        var name = TriggerInbox.SEGMENT + entered.segmentId();
        write(entered.customerId(), name, name + ":" + entered.at().toEpochMilli(), entered.at(), "{}", "segment");
    }

    @ApplicationModuleListener
    void on(CustomerLeftSegment left) {
        var name = JourneyGraph.leftSegment(left.segmentId());
        if (journeys.exitingOn(name).isEmpty()
                && journeys.enteredOnSegmentLeft(left.segmentId()).isEmpty()) {
            return;
        }
        write(left.customerId(), name, name + ":" + left.at().toEpochMilli(), left.at(), "{}", "segment-left");
    }

    @ApplicationModuleListener
    void on(CustomerChangedStage changed) {
        if (journeys.enteredOnStage(changed.model(), changed.to()).isEmpty()) {
            return;
        }
        var facts = json.createObjectNode().put("model", changed.model()).put("to", changed.to());
        facts.put("from", changed.from());
        var name = TriggerInbox.STAGE + changed.model();
        write(
                changed.customerId(),
                name,
                name + ":" + changed.to() + ":" + changed.at().toEpochMilli(),
                changed.at(),
                json.writeValueAsString(facts),
                "stage");
    }

    private void write(
            CustomerId customer, String event, String messageId, java.time.Instant at, String properties, String kind) {
        if (!profiles.holdIfLive(customer)) {
            return;
        }
        inbox.insert(List.<Object[]>of(
                new Object[] {customer.value(), event, messageId, Timestamps.of(at), properties, kind}));
    }
}
