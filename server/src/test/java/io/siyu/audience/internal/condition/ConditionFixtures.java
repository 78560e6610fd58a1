package io.siyu.audience.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.assertj.core.api.AbstractStringAssert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds what the condition parser checks names against, without an index: the traits, tags, segments, stages,
 * properties and consent categories a test says exist, and definitions from JSON.
 */
final class ConditionFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConditionFixtures() {}

    /** A catalog that knows nothing yet; add what the test needs. */
    static Catalog catalog() {
        return new Catalog();
    }

    /** {@code {"version": 1, "condition": ...}} around a condition written in JSON. */
    static JsonNode definition(String condition) {
        return JSON.readTree("{\"version\": 1, \"condition\": " + condition + "}");
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Parses a condition that must be accepted. */
    static ConditionParser.Parsed parsed(String condition, Catalog catalog) {
        return ConditionParser.parse(definition(condition), catalog);
    }

    /** The first violation of a condition that must be refused. */
    static Violation refused(String condition, Catalog catalog) {
        return refusedDefinition(definition(condition), catalog);
    }

    /**
     * Asserts that a condition is refused, its first violation naming {@code field} and {@code rule}; answers an
     * assertion on its detail.
     */
    static AbstractStringAssert<?> assertRefused(String condition, Catalog catalog, String field, String rule) {
        var violation = refused(condition, catalog);
        assertThat(violation.field()).as(violation.toString()).isEqualTo(field);
        assertThat(violation.rule()).as(violation.toString()).isEqualTo(rule);
        return assertThat(violation.detail());
    }

    /** The first violation of a definition that must be refused. */
    static Violation refusedDefinition(JsonNode definition, Catalog catalog) {
        var refusal = new InvalidInputException[1];
        assertThatThrownBy(() -> ConditionParser.parse(definition, catalog))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> refusal[0] = e);
        return refusal[0].violations().getFirst();
    }

    /** What exists, as a test declares it. */
    static final class Catalog implements ConditionParser.Catalog {
        private final Map<String, ConditionParser.TraitKinds> traits = new HashMap<>();
        private final Map<String, Long> tags = new HashMap<>();
        private final Set<Long> valueTags = new HashSet<>();
        private final Set<Long> segments = new HashSet<>();
        private final Set<String> stages = new HashSet<>();
        private final Set<String> indexedProperties = new HashSet<>();
        private final Set<String> measures = new HashSet<>();
        private final SortedSet<String> consentCategories = new TreeSet<>();
        private int retentionDays = 400;
        private boolean stored;
        private boolean maySeePersonalData = true;

        Catalog textTrait(String name) {
            return trait(name, new ConditionParser.TraitKinds(true, false, false, false));
        }

        Catalog numberTrait(String name) {
            return trait(name, new ConditionParser.TraitKinds(true, true, false, false));
        }

        /** A trait some customer holds a phone number or an e-mail address in. */
        Catalog personalTrait(String name) {
            return trait(name, new ConditionParser.TraitKinds(true, false, false, true));
        }

        private Catalog trait(String name, ConditionParser.TraitKinds kinds) {
            traits.put(name, kinds);
            return this;
        }

        Catalog tag(String name, long id) {
            tags.put(name, id);
            return this;
        }

        Catalog valueTag(String name, long id) {
            valueTags.add(id);
            return tag(name, id);
        }

        Catalog segment(long id) {
            segments.add(id);
            return this;
        }

        Catalog stage(String model, String stage) {
            stages.add(model + "/" + stage);
            return this;
        }

        Catalog indexed(String property) {
            indexedProperties.add(property);
            return this;
        }

        Catalog measured(String property) {
            measures.add(property);
            return this;
        }

        Catalog consent(String category) {
            consentCategories.add(category);
            return this;
        }

        Catalog keepingDays(int days) {
            retentionDays = days;
            return this;
        }

        /** Definitions are loaded as saved, not checked as new. */
        Catalog storedDefinitions() {
            stored = true;
            return this;
        }

        /** Whoever checks the definition may not see personal data. */
        Catalog withoutPersonalData() {
            maySeePersonalData = false;
            return this;
        }

        @Override
        public boolean knowsTrait(String name) {
            return traits.containsKey(name);
        }

        @Override
        public ConditionParser.TraitKinds traitKinds(String name) {
            return traits.getOrDefault(name, new ConditionParser.TraitKinds(false, false, false, false));
        }

        @Override
        public Optional<Long> tagId(String name) {
            return Optional.ofNullable(tags.get(name));
        }

        @Override
        public boolean isValueTag(long tagId) {
            return valueTags.contains(tagId);
        }

        @Override
        public boolean segmentExists(long id) {
            return segments.contains(id);
        }

        @Override
        public boolean stageExists(String model, String stage) {
            return stages.contains(model + "/" + stage);
        }

        @Override
        public boolean indexedProperty(String property) {
            return indexedProperties.contains(property);
        }

        @Override
        public SortedSet<String> consentCategories() {
            return consentCategories;
        }

        @Override
        public boolean measure(String property) {
            return measures.contains(property);
        }

        @Override
        public int retentionDays() {
            return retentionDays;
        }

        @Override
        public LocalDate today() {
            return TODAY;
        }

        @Override
        public boolean stored() {
            return stored;
        }

        @Override
        public boolean maySeePersonalData() {
            return maySeePersonalData;
        }
    }
}
