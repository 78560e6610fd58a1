package io.siyu.audience.internal.definitions;

import io.siyu.access.Viewer;
import io.siyu.audience.internal.activity.ActivityKey;
import io.siyu.audience.internal.activity.ActivityStore;
import io.siyu.audience.internal.activity.AudienceProperties;
import io.siyu.audience.internal.condition.ConditionParser;
import io.siyu.audience.internal.condition.SegmentEvaluator;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The registry of definitions the engine keeps current (segments, rule and value tags, lifecycle models), parsed from
 * what is stored and put in evaluation order; what a new definition is checked against (the traits, events, tags,
 * segments and stages that exist now); and an evaluator over the current index.
 */
@Component
public class Definitions {

    private static final Logger log = LoggerFactory.getLogger(Definitions.class);

    private final CurrentIndex current;
    private final DefinitionStore store;
    private final TagStore tags;
    private final ActivityStore activity;
    private final AudienceProperties properties;

    private volatile Registry registry = Registry.EMPTY;

    Definitions(
            CurrentIndex current,
            DefinitionStore store,
            TagStore tags,
            ActivityStore activity,
            AudienceProperties properties) {
        this.current = current;
        this.store = store;
        this.tags = tags;
        this.activity = activity;
        this.properties = properties;
    }

    public Registry registry() {
        return registry;
    }

    /** Reads every definition again and orders them, under the index's write lock. */
    public void reload() {
        var index = current.index();
        index.write(() -> {
            var catalog = catalog(true);
            var tagNames = new HashMap<Long, String>();
            var tagKinds = new HashMap<Long, String>();
            var storedTags = tags.tags();
            storedTags.forEach(tag -> {
                tagNames.put(tag.id(), tag.name());
                tagKinds.put(tag.id(), tag.kind());
            });
            registry = new Registry(Map.of(), Map.of(), Map.of(), Map.of(), tagNames, tagKinds, List.of());
            var models = models(catalog);
            var valueTags = new LinkedHashMap<Long, Registry.Partition>();
            var ruleTags = new LinkedHashMap<Long, Registry.Derived>();
            for (var tag : storedTags) {
                try {
                    if (tag.kind().equals("RULE") && tag.rule() != null) {
                        ruleTags.put(
                                tag.id(),
                                new Registry.Derived(
                                        "tag", tag.id(), tag.name(), ConditionParser.parse(tag.rule(), catalog)));
                    } else if (tag.kind().equals("VALUE") && tag.rule() != null) {
                        valueTags.put(tag.id(), partition(tag.name(), tag.rule(), catalog));
                    }
                } catch (RuntimeException e) {
                    log.warn(
                            "tag {} ({}) has a definition that no longer parses: {}",
                            tag.id(),
                            tag.name(),
                            e.getMessage());
                }
            }
            var segments = segments(catalog);
            var order = SegmentOrder.of(ruleTags, segments);
            // stages that a model no longer has, and models that are gone, hold nobody
            index.removeModelsIf(model -> !model.equals(RfmModel.MODEL) && !models.containsKey(model));
            models.forEach((name, model) -> index.retainStages(name, model.values()));
            registry = new Registry(segments, ruleTags, valueTags, models, tagNames, tagKinds, order);
            index.retainSegments(segments.keySet());
        });
    }

    private Map<String, Registry.Partition> models(ConditionParser.Catalog catalog) {
        var models = new LinkedHashMap<String, Registry.Partition>();
        for (var model : store.models()) {
            try {
                models.put(model.name(), partition(model.name(), model.stages(), catalog));
            } catch (RuntimeException e) {
                log.warn("lifecycle model {} has a definition that no longer parses: {}", model.name(), e.getMessage());
            }
        }
        return models;
    }

    private Map<Long, Registry.Derived> segments(ConditionParser.Catalog catalog) {
        var segments = new LinkedHashMap<Long, Registry.Derived>();
        for (var segment : store.segments()) {
            try {
                segments.put(
                        segment.id(),
                        new Registry.Derived(
                                "segment",
                                segment.id(),
                                segment.name(),
                                ConditionParser.parse(segment.definition(), catalog)));
            } catch (RuntimeException e) {
                log.warn(
                        "segment {} ({}) has a definition that no longer parses: {}",
                        segment.id(),
                        segment.name(),
                        e.getMessage());
            }
        }
        return segments;
    }

    private static Registry.Partition partition(String name, JsonNode stages, ConditionParser.Catalog catalog) {
        var values = new ArrayList<String>();
        var conditions = new ArrayList<ConditionParser.Parsed>();
        for (var stage : stages) {
            values.add(stage.path("value").asString());
            if (stage.hasNonNull("condition")) {
                conditions.add(ConditionParser.parse(ConditionParser.definitionOf(stage.get("condition")), catalog));
            }
        }
        return new Registry.Partition(name, values, conditions);
    }

    /** Parses a new definition against what exists now; refused while the index is being built. */
    public ConditionParser.Parsed parse(JsonNode definition) {
        current.requireReady();
        return ConditionParser.parse(definition, catalog());
    }

    /**
     * Parses the condition of one entry of a list (a lifecycle model's stage, a value tag's rule) as {@link #parse}
     * does, its mistakes named under {@code field} ({@code stages[2]}) rather than {@code definition}.
     */
    public ConditionParser.Parsed parseEntry(JsonNode condition, String field) {
        try {
            return parse(ConditionParser.definitionOf(condition));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new Violation(v.field().replaceFirst("^definition", field), v.rule(), v.detail()))
                    .toList());
        }
    }

    /** An evaluator over the current index, as of today; callers hold its read lock (or its write lock) to use it. */
    public SegmentEvaluator evaluator() {
        return new SegmentEvaluator(current.index(), activity::id, current.today());
    }

    /** What a new definition is checked against. */
    public ConditionParser.Catalog catalog() {
        return catalog(false);
    }

    /** What definitions are checked against; {@code stored} for saved ones, which data changes never break. */
    public ConditionParser.Catalog catalog(boolean stored) {
        var registered = registry;
        var index = current.index();
        return new ConditionParser.Catalog() {
            @Override
            public boolean stored() {
                return stored;
            }

            @Override
            public boolean knowsTrait(String name) {
                return index.trait(name) != null;
            }

            @Override
            public ConditionParser.TraitKinds traitKinds(String name) {
                var column = index.trait(name);
                return column == null
                        ? new ConditionParser.TraitKinds(false, false, false, false)
                        : new ConditionParser.TraitKinds(
                                column.holdsText(),
                                column.holdsNumbers(),
                                column.holdsDates(),
                                column.holdsPersonalData());
            }

            @Override
            public boolean maySeePersonalData() {
                return Viewer.maySeePersonalData();
            }

            @Override
            public Optional<Long> tagId(String name) {
                return registered.tagNames().entrySet().stream()
                        .filter(e -> e.getValue().equals(name))
                        .map(Map.Entry::getKey)
                        .findFirst();
            }

            @Override
            public boolean isValueTag(long tagId) {
                return "VALUE".equals(registered.tagKinds().get(tagId));
            }

            @Override
            public boolean segmentExists(long id) {
                return registered.segments().containsKey(id)
                        || store.segment(id).isPresent();
            }

            @Override
            public boolean stageExists(String model, String stage) {
                if (model.equals(RfmModel.MODEL)) {
                    return RfmModel.GROUPS.contains(stage);
                }
                var partition = registered.models().get(model);
                return partition != null && partition.values().contains(stage);
            }

            @Override
            public boolean indexedProperty(String property) {
                return properties.indexedProperties().contains(property);
            }

            @Override
            public SortedSet<String> consentCategories() {
                return Definitions.this.consentCategories();
            }

            @Override
            public boolean measure(String property) {
                return properties.measures().contains(property);
            }

            @Override
            public int retentionDays() {
                return properties.retentionDays();
            }

            @Override
            public LocalDate today() {
                return current.today();
            }
        };
    }

    /** A trait customers hold, and which kinds of values it holds (what conditions on it may compare). */
    public record TraitTerm(String name, boolean text, boolean numbers, boolean dates) {}

    /** The names conditions can use, as the index knows them now: for the segment builder's suggestions. */
    public record Vocabulary(
            List<TraitTerm> traits,
            List<String> events,
            List<String> indexedProperties,
            List<String> measures,
            SortedSet<String> consentCategories) {}

    /** The names conditions can use now; refused while the index is being built. */
    public Vocabulary vocabulary() {
        current.requireReady();
        var index = current.index();
        var traits = index.read(() -> index.traits().entrySet().stream()
                .filter(entry ->
                        entry.getValue().holdsText() || entry.getValue().holdsNumbers())
                .map(entry -> new TraitTerm(
                        entry.getKey(),
                        entry.getValue().holdsText(),
                        entry.getValue().holdsNumbers(),
                        entry.getValue().holdsDates()))
                .sorted(Comparator.comparing(TraitTerm::name))
                .toList());
        var events = activity.keyIds().stream()
                .map(id -> activity.key(id).event())
                .filter(event -> !event.equals(ActivityKey.PURCHASE))
                .distinct()
                .sorted()
                .toList();
        return new Vocabulary(
                traits,
                events,
                List.copyOf(properties.indexedProperties()),
                List.copyOf(properties.measures()),
                consentCategories());
    }

    /** The categories of consent conditions may name: the configured ones and every one a customer decided on. */
    SortedSet<String> consentCategories() {
        var categories = new TreeSet<>(properties.consentCategories());
        var index = current.index();
        index.read(() -> categories.addAll(index.consentCategories()));
        return categories;
    }
}
