package io.siyu.customers.internal.recording;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.customers.internal.identity.IdentityGraph;
import io.siyu.customers.internal.identity.IdentityKey;
import io.siyu.customers.internal.identity.IdentityRules;
import io.siyu.customers.internal.profiles.ProfileStore;
import io.siyu.customers.internal.vault.PersonalDataVault;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * Decides which profile each touch of a batch belongs to: reads every touch's identifiers, looks up the profiles that
 * own them and those profiles' identifiers of limited types (one statement each for the whole batch), and resolves the
 * batch in an {@link IdentityGraph}.
 */
@Component
class IdentityResolver {

    private final ProfileStore store;
    private final IdentityRules rules;
    private final PersonalDataVault vault;

    IdentityResolver(ProfileStore store, IdentityRules rules, PersonalDataVault vault) {
        this.store = store;
        this.rules = rules;
        this.vault = vault;
    }

    /**
     * A resolved batch: the graph with its new profiles, merges, links and conflicts; the profile each touch went to
     * (final only through {@link #customerOf}); where each touch carries phone numbers and e-mail addresses; and the
     * known profiles the batch involves.
     */
    record Resolution(
            IdentityGraph graph, long[] targets, List<List<List<Object>>> personalValues, Set<Long> involved) {

        /** The profile the touch at {@code index} belongs to once the whole batch is resolved. */
        long customerOf(int index) {
            return graph.find(targets[index]);
        }
    }

    /** The identifiers a touch carries, in stored form, and where its personal values stand. */
    private record Identified(List<IdentityGraph.Identifier> identifiers, List<List<Object>> personalValues) {}

    Resolution resolve(List<Touch> touches) {
        var identified = touches.stream().map(this::identified).toList();
        var owners = store.owners(keysToLookUp(touches, identified));
        for (int i = 0; i < touches.size(); i++) {
            // An alias from one known user id to another is subject to the one-user-id rule like any other link: the
            // graph refuses it and records the conflict rather than fusing two accounts.
            var previous = previousIdentity(touches.get(i), owners);
            if (previous != null) {
                identified.get(i).identifiers().add(new IdentityGraph.Identifier(previous, stored(previous)));
            }
        }
        var involved = new LinkedHashSet<>(owners.values());
        var graph = new IdentityGraph(owners, store.limitedIdentities(involved), new FreshIds(store, touches.size()));
        var targets = new long[touches.size()];
        for (int i = 0; i < touches.size(); i++) {
            var touch = touches.get(i);
            targets[i] = graph.resolve(touch.messageId(), identified.get(i).identifiers(), touch.occurredAt());
        }
        return new Resolution(
                graph,
                targets,
                identified.stream().map(Identified::personalValues).toList(),
                involved);
    }

    /** The identity rows of the links a resolved graph made, phone numbers and e-mail addresses masked and sealed. */
    List<ProfileStore.IdentityRow> identityRows(IdentityGraph graph) {
        return graph.links().stream()
                .map(link -> new ProfileStore.IdentityRow(
                        link.key().type(),
                        link.key().lookupKey(),
                        graph.find(link.customerId()),
                        link.identity().personal()
                                ? IdentityRules.mask(
                                        link.identity().type(), link.identity().value())
                                : link.identity().value(),
                        link.identity().personal() ? vault.seal(link.identity()) : null,
                        link.at()))
                .toList();
    }

    private Identified identified(Touch touch) {
        var extraction = rules.extract(touch);
        var identifiers = new ArrayList<IdentityGraph.Identifier>();
        for (var identity : extraction.identities()) {
            identifiers.add(new IdentityGraph.Identifier(identity, stored(identity)));
        }
        return new Identified(identifiers, extraction.personalValues());
    }

    private IdentityGraph.StoredKey stored(IdentityKey identity) {
        return new IdentityGraph.StoredKey(
                identity.type(), identity.personal() ? vault.lookupKey(identity) : identity.value());
    }

    /** Every identifier whose owner the batch needs to know, alias targets included, in the order of the touches. */
    private static Set<IdentityGraph.StoredKey> keysToLookUp(List<Touch> touches, List<Identified> identified) {
        var keys = new LinkedHashSet<IdentityGraph.StoredKey>();
        for (int i = 0; i < touches.size(); i++) {
            keys.addAll(previousIdKeys(touches.get(i)));
            identified.get(i).identifiers().forEach(identifier -> keys.add(identifier.key()));
        }
        return keys;
    }

    /** The former id of an alias, stripped; null for any other touch, or an alias without one. */
    static String previousId(Touch touch) {
        if (touch.type() != TouchType.ALIAS
                || touch.previousId() == null
                || touch.previousId().isBlank()) {
            return null;
        }
        return touch.previousId().strip();
    }

    /** The former id of an alias may have been a user id or an anonymous id: both are looked up. */
    static List<IdentityGraph.StoredKey> previousIdKeys(Touch touch) {
        var previous = previousId(touch);
        if (previous == null) {
            return List.of();
        }
        return List.of(
                new IdentityGraph.StoredKey(IdentityRules.USER_ID, previous),
                new IdentityGraph.StoredKey(IdentityRules.ANONYMOUS_ID, previous));
    }

    /**
     * What the former id of an alias is: a user id if some profile holds it as one, else an anonymous id; null when the
     * touch is no alias with a former id.
     */
    static IdentityKey previousIdentity(Touch touch, Map<IdentityGraph.StoredKey, Long> owners) {
        var previous = previousId(touch);
        if (previous == null) {
            return null;
        }
        return owners.containsKey(new IdentityGraph.StoredKey(IdentityRules.USER_ID, previous))
                ? new IdentityKey(IdentityRules.USER_ID, previous)
                : new IdentityKey(IdentityRules.ANONYMOUS_ID, previous);
    }

    /** Hands out new profile ids from the database sequence, fetched in blocks. */
    private static final class FreshIds implements LongSupplier {
        private final ProfileStore store;
        private int mostStillNeeded;
        private Iterator<Long> block = List.<Long>of().iterator();

        /** At most one new profile per touch: blocks never exceed what the batch could still use. */
        FreshIds(ProfileStore store, int touches) {
            this.store = store;
            this.mostStillNeeded = touches;
        }

        @Override
        public long getAsLong() {
            if (!block.hasNext()) {
                block = store.allocateCustomerIds(Math.max(1, Math.min(64, mostStillNeeded)))
                        .iterator();
            }
            mostStillNeeded--;
            return block.next();
        }
    }
}
