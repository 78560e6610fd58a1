package io.siyu.audience.internal.tags;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.engine.DerivedSets;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.segments.Members;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Violation;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Manual tags given and taken by hand: to customers named by id or identity, or to every customer matching a
 * definition, each change recorded in the customers' tag history and followed at once by what depends on the tag.
 * Tags kept by a rule cannot be assigned.
 */
@Service
public class TagAssignments {

    private final TagStore store;
    private final Members members;
    private final CurrentIndex current;
    private final DerivedSets derivedSets;
    private final AuditLog audit;

    TagAssignments(TagStore store, Members members, CurrentIndex current, DerivedSets derivedSets, AuditLog audit) {
        this.store = store;
        this.members = members;
        this.current = current;
        this.derivedSets = derivedSets;
        this.audit = audit;
    }

    /** The outcome of an assignment: how many customers it touched, and which requested customers were not found. */
    public record Assignment(int assigned, List<Violation> unknown) {}

    /**
     * Assigns a manual tag (with a value for a value tag) to customers given by id or identity ({@code 42},
     * {@code email:ann@example.com}), or to every customer matching a segment definition.
     */
    public Assignment assign(long id, List<String> customers, JsonNode definition, String value) {
        var tag = tag(id);
        if (tag.kind().equals("RULE") || (tag.kind().equals("VALUE") && tag.rule() != null)) {
            throw new ConflictException(
                    "rule-managed", "'" + tag.name() + "' is kept by its rule and cannot be " + "assigned by hand");
        }
        if (tag.kind().equals("VALUE") && (value == null || value.isBlank())) {
            throw new InvalidInputException("value", "required", "a value tag needs the value to assign");
        }
        InputRules.requireMaxLength("value", value, InputRules.MAX_NAME_LENGTH);
        var named = members.named(customers, definition);
        var stored = tag.kind().equals("VALUE") ? value.strip() : "";
        store.assign(id, named.ids(), stored, tag.kind().equals("VALUE") ? "CHANGED" : "ADDED", Viewer.name());
        var index = current.index();
        index.write(() -> named.ids().forEach((int ordinal) -> index.setTag(id, ordinal, stored)));
        derivedSets.refresh(named.ids());
        audit.record(
                "tag.assigned", "tag:" + id, Map.of("customers", named.ids().getCardinality()));
        return new Assignment(named.ids().getCardinality(), named.unknown());
    }

    public Assignment remove(long id, List<String> customers, JsonNode definition) {
        var tag = tag(id);
        if (tag.kind().equals("RULE") || (tag.kind().equals("VALUE") && tag.rule() != null)) {
            throw new ConflictException("rule-managed", "'" + tag.name() + "' is kept by its rule");
        }
        var named = members.named(customers, definition);
        store.remove(id, named.ids(), Viewer.name());
        var index = current.index();
        index.write(() -> named.ids().forEach((int ordinal) -> index.removeTag(id, ordinal)));
        derivedSets.refresh(named.ids());
        audit.record("tag.removed", "tag:" + id, Map.of("customers", named.ids().getCardinality()));
        return new Assignment(named.ids().getCardinality(), named.unknown());
    }

    private TagStore.StoredTag tag(long id) {
        current.requireReady();
        return store.tag(id).orElseThrow(() -> new NotFoundException("tag", id));
    }
}
