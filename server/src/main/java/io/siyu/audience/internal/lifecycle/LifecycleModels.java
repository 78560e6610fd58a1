package io.siyu.audience.internal.lifecycle;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.engine.DerivedSets;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Lifecycle models (value layers, journey stages): each an ordered list of stages, every customer in the first whose
 * condition they meet, the last stage holding everyone else.
 */
@Service
public class LifecycleModels {

    private final CurrentIndex current;
    private final Definitions definitions;
    private final DerivedSets derivedSets;
    private final DefinitionStore store;
    private final AuditLog audit;

    LifecycleModels(
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

    public record StageView(
            String value, String label, @Nullable JsonNode condition, long customers) {}

    public record ModelView(String name, String label, boolean builtIn, List<StageView> stages) {}

    public List<ModelView> models() {
        current.requireReady();
        return store.models().stream().map(this::view).toList();
    }

    public ModelView model(String name) {
        current.requireReady();
        return store.model(name).map(this::view).orElseThrow(() -> new NotFoundException("lifecycle model", name));
    }

    private ModelView view(DefinitionStore.StoredModel model) {
        var stages = new ArrayList<StageView>();
        var index = current.index();
        var counts = index.read(() -> {
            var sizes = new LinkedHashMap<String, Long>();
            index.stages(model.name()).forEach((stage, members) -> sizes.put(stage, (long) members.getCardinality()));
            return sizes;
        });
        for (var stage : model.stages()) {
            var value = stage.path("value").asString();
            stages.add(new StageView(
                    value,
                    stage.path("label").asString(value),
                    stage.hasNonNull("condition") ? stage.get("condition") : null,
                    counts.getOrDefault(value, 0L)));
        }
        return new ModelView(model.name(), model.label(), model.builtIn(), stages);
    }

    public ModelView save(String name, String label, JsonNode stages) {
        current.requireReady();
        if (name == null || !name.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new InvalidInputException("name", "pattern", "2 to 40 lower-case letters, digits or _");
        }
        if (name.equals(RfmModel.MODEL)) {
            throw new InvalidInputException("name", "reserved", "'rfm' is the RFM model's name");
        }
        InputRules.requireMaxLength("label", label, InputRules.MAX_NAME_LENGTH);
        validate(stages);
        // a built-in model stays built in when an operator edits it
        var existing = store.model(name);
        var builtIn = existing.map(DefinitionStore.StoredModel::builtIn).orElse(false);
        store.saveModel(name, label == null || label.isBlank() ? name : label.strip(), stages, builtIn, Viewer.name());
        if (existing.isPresent()) {
            derivedSets.definitionsChanged();
        } else {
            derivedSets.modelCreated(name);
        }
        audit.record("lifecycle-model.saved", "lifecycle-model:" + name, Map.of("stages", stages.size()));
        return model(name);
    }

    private void validate(JsonNode stages) {
        if (stages == null || !stages.isArray() || stages.size() < 2 || stages.size() > 12) {
            throw new InvalidInputException("stages", "size", "a model has 2 to 12 stages");
        }
        var values = new HashSet<String>();
        for (int i = 0; i < stages.size(); i++) {
            var stage = stages.get(i);
            var field = "stages[" + i + "]";
            var value = stage.path("value");
            if (!value.isString() || !value.asString().matches("[a-z][a-z0-9_]{0,39}")) {
                throw new InvalidInputException(field + ".value", "pattern", "lower-case letters, digits or _");
            }
            if (!values.add(value.asString())) {
                throw new InvalidInputException(field + ".value", "unique", "stage values must differ");
            }
            var label = stage.get("label");
            if (label != null && !label.isNull()) {
                if (!label.isString()) {
                    throw new InvalidInputException(field + ".label", "type", "must be a text");
                }
                InputRules.requireMaxLength(field + ".label", label.asString(), InputRules.MAX_NAME_LENGTH);
            }
            var last = i == stages.size() - 1;
            if (last && stage.hasNonNull("condition")) {
                throw new InvalidInputException(
                        field + ".condition",
                        "not-allowed",
                        "the last stage has no condition: it holds everyone the stages before it do not");
            }
            if (!last) {
                if (!stage.hasNonNull("condition")) {
                    throw new InvalidInputException(field + ".condition", "required", "is required");
                }
                var parsed = definitions.parseEntry(stage.get("condition"), field);
                if (!parsed.segments().isEmpty()) {
                    throw new InvalidInputException(
                            field + ".condition",
                            "not-allowed",
                            "stage conditions cannot refer to segments (segments may refer to stages)");
                }
            }
        }
    }
}
