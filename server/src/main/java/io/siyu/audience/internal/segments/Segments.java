package io.siyu.audience.internal.segments;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.definitions.SegmentOrder;
import io.siyu.audience.internal.engine.DerivedSets;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Segments as operators define them: each a versioned definition in the condition language, kept current by the
 * engine from the moment it is saved, with its size now. Built-in segments (the RFM groups) cannot be changed.
 */
@Service
public class Segments {

    private final CurrentIndex current;
    private final Definitions definitions;
    private final DerivedSets derivedSets;
    private final DefinitionStore store;
    private final AuditLog audit;

    Segments(
            CurrentIndex current,
            Definitions definitions,
            DerivedSets derivedSets,
            DefinitionStore store,
            AuditLog audit) {
        this.current = current;
        this.definitions = definitions;
        this.derivedSets = derivedSets;
        this.store = store;
        this.audit = audit;
    }

    public record SegmentView(
            long id,
            String name,
            @Nullable String description,
            JsonNode definition,
            int version,
            boolean builtIn,
            long size,
            @Nullable String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    public List<SegmentView> segments() {
        return store.segments().stream().map(this::view).toList();
    }

    public SegmentView segment(long id) {
        return view(store.segment(id).orElseThrow(() -> new NotFoundException("segment", id)));
    }

    private SegmentView view(DefinitionStore.StoredSegment segment) {
        var index = current.index();
        var size = index.read(() -> {
            var members = index.segment(segment.id());
            return members == null ? 0L : (long) members.getCardinality();
        });
        return new SegmentView(
                segment.id(),
                segment.name(),
                segment.description(),
                segment.definition(),
                segment.version(),
                segment.builtIn(),
                size,
                segment.createdBy(),
                segment.createdAt(),
                segment.updatedAt());
    }

    public SegmentView create(String name, String description, JsonNode definition) {
        requireName(name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var parsed = definitions.parse(definition);
        var id = store.createSegment(name.strip(), description, definition, false, Viewer.name());
        derivedSets.segmentCreated(id, parsed.condition());
        audit.record("segment.created", "segment:" + id, Map.of("name", name));
        return segment(id);
    }

    public SegmentView update(long id, String name, String description, JsonNode definition) {
        requireName(name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var existing = store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        if (existing.builtIn()) {
            throw new ConflictException("built-in", "built-in segments cannot be changed; copy it instead");
        }
        var parsed = definitions.parse(definition);
        SegmentOrder.refuseCycles("segment:" + id, parsed, definitions.registry(), "definition.condition");
        var version = store.updateSegment(id, name.strip(), description, definition, Viewer.name());
        // a changed definition is announced: customers who now match entered, those who no longer do left
        derivedSets.definitionsChanged();
        audit.record("segment.updated", "segment:" + id, Map.of("name", name, "version", version));
        return segment(id);
    }

    public void delete(long id) {
        var existing = store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        if (existing.builtIn()) {
            throw new ConflictException("built-in", "built-in segments cannot be deleted");
        }
        var users = definitions.registry().usersOf(parsed -> parsed.segments().contains(id));
        if (!users.isEmpty()) {
            throw new ConflictException("in-use", "in use by " + String.join(", ", users));
        }
        store.deleteSegment(id);
        var index = current.index();
        index.write(() -> {
            definitions.reload();
            index.removeSegment(id);
        });
        audit.record("segment.deleted", "segment:" + id, Map.of("name", existing.name()));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "required", "is required");
        }
        InputRules.requireMaxLength("name", name, InputRules.MAX_NAME_LENGTH);
    }

    public List<DefinitionStore.Version> versions(long id) {
        store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        return store.versions(id);
    }
}
