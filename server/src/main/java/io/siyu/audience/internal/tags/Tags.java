package io.siyu.audience.internal.tags;

import io.siyu.access.AuditLog;
import io.siyu.audience.internal.condition.ConditionParser;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.definitions.SegmentOrder;
import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.engine.DerivedSets;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Tags in categories: manual tags that people and imports assign, rule tags held by everyone matching a condition, and
 * value tags with a value per customer, assigned or computed by an ordered list of rules.
 */
@Service
public class Tags {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.:/-]{1,60}");

    private final CurrentIndex current;
    private final Definitions definitions;
    private final DerivedSets derivedSets;
    private final TagStore store;
    private final AuditLog audit;

    Tags(CurrentIndex current, Definitions definitions, DerivedSets derivedSets, TagStore store, AuditLog audit) {
        this.current = current;
        this.definitions = definitions;
        this.derivedSets = derivedSets;
        this.store = store;
        this.audit = audit;
    }

    public record TagView(
            long id,
            @Nullable Long categoryId,
            String name,

            @Schema(allowableValues = {"MANUAL", "RULE", "VALUE"})
            String kind,

            @Nullable String description,
            @Nullable JsonNode rule,
            long customers,
            List<ValueCount> values,
            Instant createdAt) {}

    public record ValueCount(String value, long customers) {}

    public List<TagStore.Category> categories() {
        return store.categories();
    }

    public TagStore.Category createCategory(String name, String description) {
        requireName("name", name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        try {
            var id = store.createCategory(name.strip(), description);
            audit.record("tag-category.created", "tag-category:" + id, Map.of("name", name));
            return categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a category named '" + name + "' exists");
        }
    }

    public List<TagView> tags() {
        current.requireReady();
        return store.tagsByName().stream().map(this::view).toList();
    }

    public TagView tag(long id) {
        current.requireReady();
        return store.tag(id).map(this::view).orElseThrow(() -> new NotFoundException("tag", id));
    }

    private TagView view(TagStore.StoredTag tag) {
        var id = tag.id();
        var index = current.index();
        var counts = index.read(() -> {
            var members = index.tag(id);
            var values = new ArrayList<ValueCount>();
            var column = index.tagValues(id);
            if (tag.kind().equals("VALUE") && column != null) {
                var partition = definitions.registry().valueTags().get(id);
                var names = partition != null ? partition.values() : List.<String>of();
                for (var value : names) {
                    values.add(new ValueCount(value, column.equalTo(value).getCardinality()));
                }
            }
            return Map.entry(members == null ? 0L : (long) members.getCardinality(), values);
        });
        return new TagView(
                id,
                tag.categoryId(),
                tag.name(),
                tag.kind(),
                tag.description(),
                tag.rule(),
                counts.getKey(),
                counts.getValue(),
                tag.createdAt());
    }

    public TagView create(String name, Long categoryId, String kind, String description, JsonNode rule) {
        requireName("name", name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var normalisedKind = kind(kind);
        validateRule(normalisedKind, rule);
        long id;
        try {
            id = store.create(categoryId, name.strip(), normalisedKind, description, rule);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a tag named '" + name + "' exists");
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("categoryId", "unknown-category", "there is no category " + categoryId);
        }
        audit.record("tag.created", "tag:" + id, Map.of("name", name, "kind", normalisedKind));
        definitions.reload();
        if (rule != null && !rule.isNull()) {
            derivedSets.refresh(null);
        }
        return tag(id);
    }

    public TagView update(long id, String name, Long categoryId, String description, JsonNode rule) {
        var existing = tag(id);
        requireName("name", name);
        InputRules.requireMaxLength("description", description, InputRules.MAX_DESCRIPTION_LENGTH);
        var parsed = validateRule(existing.kind(), rule);
        if (parsed != null) {
            SegmentOrder.refuseCycles("tag:" + id, parsed, definitions.registry(), "rule.condition");
        }
        try {
            store.update(id, name.strip(), categoryId, description, rule);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("unique", "a tag named '" + name + "' exists");
        }
        audit.record("tag.updated", "tag:" + id, Map.of("name", name));
        derivedSets.definitionsChanged();
        return tag(id);
    }

    public void delete(long id) {
        var existing = tag(id);
        var users = definitions.registry().usersOf(parsed -> parsed.tags().contains(id));
        if (!users.isEmpty()) {
            throw new ConflictException("in-use", "in use by " + String.join(", ", users));
        }
        store.delete(id);
        var index = current.index();
        index.write(() -> {
            index.forgetTag(id);
            definitions.reload();
        });
        audit.record("tag.deleted", "tag:" + id, Map.of("name", existing.name()));
    }

    /** Checks a tag's rule; answers the parsed condition of a rule tag, null for the other kinds. */
    private ConditionParser.Parsed validateRule(String kind, JsonNode rule) {
        if (rule == null || rule.isNull()) {
            if (kind.equals("RULE")) {
                throw new InvalidInputException("rule", "required", "a rule tag needs a condition");
            }
            return null;
        }
        switch (kind) {
            case "MANUAL" -> throw new InvalidInputException("rule", "not-allowed", "a manual tag has no rule");
            case "RULE" -> {
                return definitions.parse(rule);
            }
            case "VALUE" -> {
                if (!rule.isArray() || rule.isEmpty()) {
                    throw new InvalidInputException(
                            "rule", "type", "a value tag's rule is a list of {\"value\", \"condition\"}");
                }
                for (int i = 0; i < rule.size(); i++) {
                    var stage = rule.get(i);
                    if (!stage.path("value").isString()
                            || stage.path("value").asString().isBlank()) {
                        throw new InvalidInputException("rule[" + i + "].value", "required", "is required");
                    }
                    if (stage.hasNonNull("condition")) {
                        definitions.parseEntry(stage.get("condition"), "rule[" + i + "]");
                    } else if (i != rule.size() - 1) {
                        throw new InvalidInputException(
                                "rule[" + i + "].condition",
                                "required",
                                "only the last value may go without a condition (it is \"everyone else\")");
                    }
                }
            }
            default -> {}
        }
        return null;
    }

    private static String kind(String kind) {
        var normalised = kind == null ? "MANUAL" : kind.strip().toUpperCase(Locale.ROOT);
        if (!List.of("MANUAL", "RULE", "VALUE").contains(normalised)) {
            throw new InvalidInputException("kind", "one-of", "must be MANUAL, RULE or VALUE");
        }
        return normalised;
    }

    private static void requireName(String field, String name) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw new InvalidInputException(field, "pattern", "1 to 60 letters, digits, spaces or . _ : / -");
        }
    }
}
