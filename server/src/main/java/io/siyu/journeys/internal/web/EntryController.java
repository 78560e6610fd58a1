package io.siyu.journeys.internal.web;

import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.journeys.internal.graph.JourneyGraph;
import io.siyu.journeys.internal.runtime.JourneyRuntime;
import io.siyu.journeys.internal.store.JourneyStore;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Entering customers into a journey whose trigger is the API: the shop's backend decides when. */
@RestController
class EntryController {

    private final JourneyStore store;
    private final LiveJourneys live;
    private final JourneyRuntime runtime;
    private final Profiles profiles;
    private final Clock clock;

    EntryController(JourneyStore store, LiveJourneys live, JourneyRuntime runtime, Profiles profiles, Clock clock) {
        this.store = store;
        this.live = live;
        this.runtime = runtime;
        this.profiles = profiles;
        this.clock = clock;
    }

    record EntryRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long customerId,

            @Schema(
                    description = "what this entry is for, unique per entry meant (e.g. an order id); the same"
                            + " occurrence again enters nobody; none makes every request a new entry")
            @Nullable
            String occurrence,

            @Schema(description = "values the journey's templates see as {{data.*}}") @Nullable
            Map<String, Object> data) {}

    record EntryAnswer(String outcome) {}

    @PostMapping("/api/v1/journeys/{id}/entries")
    @PreAuthorize("hasAuthority('journeys:enter')")
    ResponseEntity<EntryAnswer> enter(@PathVariable long id, @RequestBody EntryRequest body) {
        store.get(id);
        var journey = live.live(id);
        if (journey == null || !(journey.graph().trigger() instanceof JourneyGraph.Trigger.Api)) {
            throw new ConflictException("trigger", "only a published journey whose trigger is the API takes entries");
        }
        if (body.customerId() == null) {
            throw new InvalidInputException("customerId", "required", "must not be null");
        }
        if (body.occurrence() != null) {
            InputRules.requireMaxLength("occurrence", body.occurrence(), 200);
        }
        var customer = profiles.live(CustomerId.of(body.customerId()))
                .orElseThrow(() -> new InvalidInputException("customerId", "exists", "no such customer"));
        var occurrence = "api:" + (body.occurrence() == null ? UUID.randomUUID() : body.occurrence());
        var outcome = runtime.enter(List.of(new JourneyRuntime.Entry(
                        id,
                        customer.value(),
                        occurrence,
                        clock.instant(),
                        body.data() == null ? Map.of() : body.data())))
                .getFirst();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new EntryAnswer(outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
