package io.siyu.journeys.internal.web;

import io.siyu.journeys.internal.graph.GraphReader;
import io.siyu.journeys.internal.runtime.DryRun;
import io.siyu.journeys.internal.store.JourneyStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The dry run of a journey's draft: who would enter now, and what one customer would pass and receive. */
@RestController
class DryRunController {

    private final JourneyStore store;
    private final DryRun dryRuns;

    DryRunController(JourneyStore store, DryRun dryRuns) {
        this.store = store;
        this.dryRuns = dryRuns;
    }

    record DryRunRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = JourneyController.GRAPH)
            JsonNode draft,

            @Schema(
                    description =
                            "the journey the draft belongs to, if saved: re-entry sees who entered it, and random splits"
                                    + " and the control group hash as they will once it is published")
            @Nullable
            Long journeyId,

            @Schema(description = "the customer whose path and messages to show") @Nullable
            Long customerId) {}

    /**
     * A dry run of a graph being drawn: who would enter now (how many, and the first ten), and for one customer the
     * nodes they would pass and the messages they would get, rendered; nothing is saved or sent. A graph that could not
     * run gets the 400 problem {@code check} answers.
     */
    @PostMapping("/api/v1/journeys/dry-run")
    @PreAuthorize("hasAuthority('journeys:read')")
    DryRun.Result dryRun(@RequestBody DryRunRequest body) {
        var graph = GraphReader.read(body.draft(), store.terms(), "draft");
        return dryRuns.run(
                graph, body.draft().path("trigger").path("type").asString(""), body.journeyId(), body.customerId());
    }
}
