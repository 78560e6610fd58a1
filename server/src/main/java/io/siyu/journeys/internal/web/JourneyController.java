package io.siyu.journeys.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.journeys.internal.graph.GraphReader;
import io.siyu.journeys.internal.measurement.JourneyReport;
import io.siyu.journeys.internal.runtime.BroadcastPlan;
import io.siyu.journeys.internal.store.Journey;
import io.siyu.journeys.internal.store.JourneyStore;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Journeys: drafts, publishing, pausing, archiving, versions, and their report. */
@RestController
class JourneyController {

    static final String GRAPH = """
            {"trigger":{"type":"event","event":"Signed Up","where":[]},"reentry":{"mode":"once"},"controlPercent":10,
             "goal":{"event":"Order Completed","withinDays":7},"first":"welcome",
             "nodes":[{"id":"welcome","type":"action","action":"set_trait","config":{"trait":"welcomed","value":"yes"},
                       "next":"wait"},
                      {"id":"wait","type":"wait","duration":"P1D","next":"done"},{"id":"done","type":"exit"}]}""";

    private final JourneyStore store;
    private final LiveJourneys live;
    private final JourneyReport reports;
    private final AuditLog audit;
    private final BroadcastPlan broadcasts;

    JourneyController(
            JourneyStore store, LiveJourneys live, JourneyReport reports, AuditLog audit, BroadcastPlan broadcasts) {
        this.store = store;
        this.live = live;
        this.reports = reports;
        this.audit = audit;
        this.broadcasts = broadcasts;
    }

    record JourneyRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Welcome series")
            String name,

            @Schema(description = "at most 2,000 characters") @Nullable
            String description,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "the journey's graph (docs/journeys.md); may be incomplete until published",
                    example = GRAPH)
            JsonNode draft) {}

    /** A graph that could be saved and published. */
    @Schema(name = "JourneyCheck")
    record Check(boolean valid) {}

    /** An action journeys can do, for the canvas. */
    record ActionType(String type, String description) {}

    @GetMapping("/api/v1/journeys")
    @PreAuthorize("hasAuthority('journeys:read')")
    List<Journey> list() {
        return store.list();
    }

    @PostMapping("/api/v1/journeys")
    @PreAuthorize("hasAuthority('journeys:write')")
    ResponseEntity<Journey> create(@RequestBody JourneyRequest body) {
        var journey = store.create(body.name(), body.description(), body.draft(), Viewer.name());
        audit.record("journey.created", "journey:" + journey.id(), Map.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(journey);
    }

    @GetMapping("/api/v1/journeys/{id}")
    @PreAuthorize("hasAuthority('journeys:read')")
    Journey get(@PathVariable long id) {
        return store.get(id);
    }

    @PutMapping("/api/v1/journeys/{id}")
    @PreAuthorize("hasAuthority('journeys:write')")
    Journey save(@PathVariable long id, @RequestBody JourneyRequest body) {
        var journey = store.saveDraft(id, body.name(), body.description(), body.draft());
        audit.record("journey.saved", "journey:" + id, Map.of());
        return journey;
    }

    record CheckRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = GRAPH)
            JsonNode draft) {}

    /**
     * Checks a graph being drawn without saving it: 200 when it could be saved and published, else the 400 problem a
     * save would get, each rule with the path of its field, so the canvas shows them on their nodes.
     */
    @PostMapping("/api/v1/journeys/check")
    @PreAuthorize("hasAuthority('journeys:read')")
    Check check(@RequestBody CheckRequest body) {
        GraphReader.read(body.draft(), store.terms(), "draft");
        return new Check(true);
    }

    @PostMapping("/api/v1/journeys/{id}/publish")
    @PreAuthorize("hasAuthority('journeys:write')")
    Journey publish(@PathVariable long id) {
        var journey = store.publish(id, Viewer.name());
        live.refresh();
        broadcasts.plan(id);
        audit.record("journey.published", "journey:" + id, Map.of("version", journey.version()));
        return journey;
    }

    @PostMapping("/api/v1/journeys/{id}/pause")
    @PreAuthorize("hasAuthority('journeys:write')")
    Journey pause(@PathVariable long id) {
        return changed(store.pause(id, true), "journey.paused");
    }

    @PostMapping("/api/v1/journeys/{id}/resume")
    @PreAuthorize("hasAuthority('journeys:write')")
    Journey resume(@PathVariable long id) {
        return changed(store.pause(id, false), "journey.resumed");
    }

    @PostMapping("/api/v1/journeys/{id}/archive")
    @PreAuthorize("hasAuthority('journeys:write')")
    Journey archive(@PathVariable long id) {
        return changed(store.archive(id), "journey.archived");
    }

    @GetMapping("/api/v1/journeys/{id}/versions")
    @PreAuthorize("hasAuthority('journeys:read')")
    List<JourneyStore.Version> versions(@PathVariable long id) {
        return store.versions(id);
    }

    @GetMapping("/api/v1/journeys/{id}/report")
    @PreAuthorize("hasAuthority('journeys:read')")
    JourneyReport.Report report(@PathVariable long id) {
        var journey = store.get(id);
        return reports.of(id, journey.version() == null ? null : live.graph(id, journey.version()));
    }

    @GetMapping("/api/v1/journey-actions")
    @PreAuthorize("hasAuthority('journeys:read')")
    List<ActionType> actions() {
        return store.actions().values().stream()
                .map(a -> new ActionType(a.type(), a.describe()))
                .sorted(java.util.Comparator.comparing(ActionType::type))
                .toList();
    }

    private Journey changed(Journey journey, String action) {
        live.refresh();
        broadcasts.plan(journey.id());
        audit.record(action, "journey:" + journey.id(), Map.of());
        return journey;
    }
}
