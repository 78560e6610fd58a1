package io.siyu.journeys.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.journeys.internal.library.JourneyLibrary;
import io.siyu.journeys.internal.library.Scene;
import io.siyu.journeys.internal.store.Journey;
import io.siyu.messaging.Messages;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lifecycle scenes, and drafts made from them. */
@RestController
class LibraryController {

    private final JourneyLibrary library;
    private final AuditLog audit;

    LibraryController(JourneyLibrary library, AuditLog audit) {
        this.library = library;
        this.audit = audit;
    }

    /** A scene as the library lists it: the templates it sends (by key), the segment it needs, if any. */
    record SceneSummary(
            String key,
            String name,
            String description,
            List<String> templates,
            @Nullable String segment,
            @Nullable Long journeyId) {}

    @GetMapping("/api/v1/journey-library")
    @PreAuthorize("hasAuthority('journeys:read')")
    List<SceneSummary> scenes() {
        return library.scenes().stream().map(this::summary).toList();
    }

    @PostMapping("/api/v1/journey-library/{key}/journeys")
    @PreAuthorize("hasAuthority('journeys:write')")
    ResponseEntity<Journey> draft(@PathVariable String key) {
        var journey = library.draft(key, Viewer.name());
        audit.record("journey.created", "journey:" + journey.id(), Map.of("scene", key));
        return ResponseEntity.status(HttpStatus.CREATED).body(journey);
    }

    private SceneSummary summary(Scene scene) {
        return new SceneSummary(
                scene.key(),
                scene.name(),
                scene.description(),
                scene.templates().stream().map(Messages.TemplateSpec::key).toList(),
                scene.segment(),
                library.madeFrom(scene.key()).map(Journey::id).orElse(null));
    }
}
