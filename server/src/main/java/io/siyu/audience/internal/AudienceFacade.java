package io.siyu.audience.internal;

import io.siyu.audience.Audiences;
import io.siyu.audience.internal.condition.ConditionParser;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.tags.AutomatedTags;
import io.siyu.customers.CustomerId;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.util.List;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The audience module's {@link Audiences}: answered from the index in use. */
@Component
class AudienceFacade implements Audiences {

    private static final Logger log = LoggerFactory.getLogger(AudienceFacade.class);
    private static final String CONDITION = "definition.condition";

    private final CurrentIndex current;
    private final DefinitionStore store;
    private final Definitions definitions;
    private final AutomatedTags tags;

    AudienceFacade(CurrentIndex current, DefinitionStore store, Definitions definitions, AutomatedTags tags) {
        this.current = current;
        this.store = store;
        this.definitions = definitions;
        this.tags = tags;
    }

    @Override
    public Optional<Long> segmentNamed(String name) {
        return store.segments().stream()
                .filter(segment -> segment.name().equals(name))
                .map(DefinitionStore.StoredSegment::id)
                .findFirst();
    }

    @Override
    public boolean isSegment(long segmentId) {
        return store.segment(segmentId).isPresent();
    }

    @Override
    public boolean ready() {
        return current.ready();
    }

    @Override
    public List<CustomerId> members(long segmentId, long after, int limit) {
        var index = current.index();
        return index.read(() -> {
            var members = index.segment(segmentId);
            var found = new java.util.ArrayList<CustomerId>(Math.min(limit, 1024));
            if (members == null || after >= Integer.MAX_VALUE) {
                return found;
            }
            var ids = members.getIntIterator();
            ids.advanceIfNeeded((int) after + 1);
            while (ids.hasNext() && found.size() < limit) {
                found.add(CustomerId.of(ids.next()));
            }
            return found;
        });
    }

    @Override
    public boolean isMember(long segmentId, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> {
            var members = index.segment(segmentId);
            return members != null && members.contains(ordinal);
        });
    }

    @Override
    public SegmentSample sample(long segmentId, int limit) {
        var index = current.index();
        return index.read(() -> {
            var members = index.segment(segmentId);
            if (members == null) {
                return new SegmentSample(0, List.of());
            }
            var sample = new java.util.ArrayList<CustomerId>(limit);
            var iterator = members.getIntIterator();
            while (iterator.hasNext() && sample.size() < limit) {
                sample.add(CustomerId.of(iterator.next()));
            }
            return new SegmentSample(members.getLongCardinality(), sample);
        });
    }

    @Override
    public Optional<String> stage(String model, CustomerId customer) {
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> index.stageOf(model, ordinal));
    }

    @Override
    public List<String> stages(String model) {
        var partition = definitions.registry().models().get(model);
        return partition == null ? List.of() : List.copyOf(partition.values());
    }

    @Override
    public List<Violation> checkCondition(JsonNode condition) {
        try {
            definitions.parse(ConditionParser.definitionOf(condition));
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream()
                    .map(v -> new Violation(v.field().replaceFirst("^" + CONDITION + "\\.?", ""), v.rule(), v.detail()))
                    .toList();
        }
    }

    @Override
    public boolean meets(CustomerId customer, JsonNode condition) {
        ConditionParser.Parsed parsed;
        try {
            parsed = ConditionParser.parse(ConditionParser.definitionOf(condition), definitions.catalog(true));
        } catch (InvalidInputException e) {
            log.warn("a condition no longer reads, nobody meets it: {}", e.violations());
            return false;
        }
        var ordinal = AudienceIndex.ordinal(customer.value());
        var index = current.index();
        return index.read(() -> definitions
                .evaluator()
                .evaluate(parsed.condition(), RoaringBitmap.bitmapOf(ordinal))
                .contains(ordinal));
    }

    @Override
    public boolean isManualTag(String name) {
        return tags.isManual(name);
    }

    @Override
    public int giveTag(String name, List<CustomerId> customers, String by) {
        return tags.give(name, customers, by);
    }

    @Override
    public int takeTag(String name, List<CustomerId> customers, String by) {
        return tags.take(name, customers, by);
    }
}
