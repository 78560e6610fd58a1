package io.siyu.customers.internal.profiles;

import io.siyu.customers.CustomerId;
import io.siyu.customers.Touch;
import io.siyu.customers.internal.identity.IdentityGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The profiles a batch of touches changes, in memory: the stored ones it involves and the new ones the identity graph
 * created, merged as the graph merged them, each touch then applied to the profile it belongs to.
 */
public final class ProfileBatch {

    private final Map<Long, ProfileState> states;
    private final IdentityGraph graph;

    private ProfileBatch(Map<Long, ProfileState> states, IdentityGraph graph) {
        this.states = states;
        this.graph = graph;
    }

    /**
     * The batch's profiles once the graph's new profiles exist and its merges are made.
     *
     * @param loaded the stored profiles the batch involves, by id; the batch adds the new ones to this map
     */
    public static ProfileBatch of(Map<Long, ProfileState> loaded, IdentityGraph graph, Instant now) {
        for (var created : graph.created()) {
            loaded.put(created, new ProfileState(created, true, now));
        }
        for (var merge : graph.merges()) {
            var survivor = loaded.get(merge.survivor());
            var absorbed = loaded.get(merge.absorbed());
            survivor.absorb(absorbed);
            absorbed.mergedAt = merge.at();
        }
        for (var merge : graph.merges()) {
            // a profile absorbed by one that was itself absorbed later in the batch points at the final survivor
            loaded.get(merge.absorbed()).mergedInto = graph.find(merge.absorbed());
        }
        return new ProfileBatch(loaded, graph);
    }

    /** Applies a touch to the profile it belongs to once the batch is resolved. */
    public void apply(Touch touch, long customer) {
        states.get(customer).apply(touch);
    }

    ProfileState get(long customer) {
        return states.get(customer);
    }

    /** The profiles the batch creates. */
    public List<ProfileState> created() {
        return states.values().stream().filter(state -> state.isNew).toList();
    }

    /** The stored profiles the batch changes, those it merged into others included. */
    public List<ProfileState> existing() {
        return states.values().stream().filter(state -> !state.isNew).toList();
    }

    /** Every change of consent the batch made, recorded on the profile that holds it in the end. */
    public List<ProfileStore.ConsentRow> consentChanges() {
        var rows = new ArrayList<ProfileStore.ConsentRow>();
        for (var state : states.values()) {
            var owner = graph.find(state.id);
            state.consentChanges.forEach(change -> rows.add(new ProfileStore.ConsentRow(owner, change)));
        }
        return rows;
    }

    /**
     * The profiles whose traits, channel or consent changed, and the new ones; a merged profile's change is its
     * survivor's.
     */
    public Set<CustomerId> described() {
        var described = new HashSet<CustomerId>();
        for (var state : states.values()) {
            if (state.described || state.isNew) {
                described.add(CustomerId.of(graph.find(state.id)));
            }
        }
        return described;
    }
}
