package io.siyu.audience.internal.web;

import io.siyu.access.Viewer;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.engine.ActivityRebuild;
import io.siyu.audience.internal.engine.EngineStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audience index in the operator API: how it stands, the names conditions can use, rebuilding behaviour. */
@RestController
class AudienceController {

    private final EngineStatus status;
    private final Definitions definitions;
    private final ActivityRebuild rebuild;

    AudienceController(EngineStatus status, Definitions definitions, ActivityRebuild rebuild) {
        this.status = status;
        this.definitions = definitions;
        this.rebuild = rebuild;
    }

    @GetMapping("/api/v1/audience/status")
    @PreAuthorize("hasAuthority('audience:read')")
    EngineStatus.Status status() {
        return status.status();
    }

    /**
     * Rebuilds the per-day behaviour from every stored event, then the index: after the indexed properties or measures
     * changed, or for events stored before behaviour was kept. Runs in the background; the answer is its status.
     */
    @PostMapping("/api/v1/audience/activity/rebuild")
    @PreAuthorize("hasAuthority('audience:rebuild')")
    ResponseEntity<ActivityRebuild.Status> rebuildActivity() {
        return ResponseEntity.accepted().body(rebuild.start(Viewer.name()));
    }

    @GetMapping("/api/v1/audience/activity/rebuild")
    @PreAuthorize("hasAuthority('audience:read')")
    ActivityRebuild.Status activityRebuild() {
        return rebuild.status();
    }

    /**
     * The traits customers hold (with the kinds of values each holds), the events seen, the indexed and measured
     * properties and the categories of consent: the names conditions can use now.
     */
    @GetMapping("/api/v1/audience/vocabulary")
    @PreAuthorize("hasAuthority('audience:read')")
    Definitions.Vocabulary vocabulary() {
        return definitions.vocabulary();
    }
}
