package io.siyu.audience.internal.lifecycle;

import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmCalculator;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.shared.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Where one customer stands: the segments they are in, their stage in every model, their RFM scores and their tags. */
@Service
public class CustomerStanding {

    private final Profiles profiles;
    private final CurrentIndex current;
    private final Definitions definitions;
    private final DefinitionStore store;
    private final TagStore tags;

    CustomerStanding(
            Profiles profiles, CurrentIndex current, Definitions definitions, DefinitionStore store, TagStore tags) {
        this.profiles = profiles;
        this.current = current;
        this.definitions = definitions;
        this.store = store;
        this.tags = tags;
    }

    public record Rfm(
            int recencyDays,
            int frequency,
            BigDecimal monetary,
            int r,
            int f,
            int m,
            @Nullable String group) {}

    /** A segment the customer is in; built-in ones are the RFM groups Siyu creates. */
    public record Membership(long id, String name, boolean builtIn) {}

    public record CustomerAudience(
            long customerId,
            List<Membership> segments,
            Map<String, String> stages,
            @Nullable Rfm rfm,
            List<TagStore.CustomerTag> tags) {}

    /** Where one customer stands: segments, stages of every model, RFM. */
    public CustomerAudience customer(long requested) {
        current.requireReady();
        var id = profiles.live(CustomerId.of(requested))
                .orElseThrow(() -> new NotFoundException("customer", requested))
                .value();
        var ordinal = AudienceIndex.ordinal(id);
        var registry = definitions.registry();
        var builtIn = new HashSet<Long>();
        store.segments().stream()
                .filter(DefinitionStore.StoredSegment::builtIn)
                .forEach(segment -> builtIn.add(segment.id()));
        var index = current.index();
        return index.read(() -> {
            var segments = new ArrayList<Membership>();
            index.forEachSegment((segment, members) -> {
                if (members.contains(ordinal) && registry.segments().containsKey(segment)) {
                    segments.add(new Membership(
                            segment, registry.segments().get(segment).name(), builtIn.contains(segment)));
                }
            });
            var stages = new LinkedHashMap<String, String>();
            index.forEachStage((model, stage, members) -> {
                if (members.contains(ordinal)) {
                    stages.put(model, stage);
                }
            });
            Rfm rfm = null;
            var recency = index.fact(RfmModel.RECENCY);
            if (recency != null && recency.has(ordinal)) {
                rfm = new Rfm(
                        (int) index.fact(RfmCalculator.RECENCY_DAYS).get(ordinal),
                        (int) index.fact(RfmCalculator.FREQUENCY_DAYS).get(ordinal),
                        BigDecimal.valueOf(
                                index.fact(RfmCalculator.MONETARY_CENTS).get(ordinal), 2),
                        (int) recency.get(ordinal),
                        (int) index.fact(RfmModel.FREQUENCY).get(ordinal),
                        (int) index.fact(RfmModel.MONETARY).get(ordinal),
                        stages.get(RfmModel.MODEL));
            }
            segments.sort(Comparator.comparing(Membership::name));
            return new CustomerAudience(id, segments, stages, rfm, tags.tagsOf(id));
        });
    }
}
