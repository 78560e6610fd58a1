package io.siyu.customers.internal;

import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomersMerged;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.customers.TouchesRecorded;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a batch of touches to the profiles: resolves identities, merges profiles, updates traits and facts and
 * appends the events to the timeline, with one statement per kind of row for the whole batch.
 *
 * <p>Must run inside the caller's transaction, and batches must not run concurrently: the ingestion pipeline feeds one
 * batch at a time, which is what makes the in-memory identity resolution safe.
 */
@Component
class TouchRecorder {

    /** The names of an event's JSON parts, as its columns and its sealed personal values name them. */
    static final String PROPERTIES = "properties";

    static final String CONTEXT = "context";

    private final ProfileStore store;
    private final EventPartitions partitions;
    private final PersonalDataVault vault;
    private final IdentityRules rules;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId brandZone;

    TouchRecorder(
            ProfileStore store,
            EventPartitions partitions,
            PersonalDataVault vault,
            IdentityRules rules,
            JsonMapper json,
            CustomersProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.partitions = partitions;
        this.vault = vault;
        this.rules = rules;
        this.json = json;
        this.brandZone = properties.timeZone();
        this.events = events;
        this.clock = clock;
    }

    List<CustomerId> record(List<Touch> touches) {
        if (touches.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        partitions.ensureFor(touches.stream().map(Touch::occurredAt).toList());

        // 1. identifiers of every message, in stored form
        var identifiersPerTouch = new ArrayList<List<IdentityGraph.Identifier>>(touches.size());
        var personalValuesPerTouch = new ArrayList<List<List<Object>>>(touches.size());
        var allKeys = new LinkedHashSet<IdentityGraph.StoredKey>();
        for (var touch : touches) {
            var identifiers = new ArrayList<IdentityGraph.Identifier>();
            var extraction = rules.extract(touch);
            personalValuesPerTouch.add(extraction.personalValues());
            for (var identity : extraction.identities()) {
                identifiers.add(new IdentityGraph.Identifier(identity, stored(identity)));
            }
            if (touch.type() == TouchType.ALIAS
                    && touch.previousId() != null
                    && !touch.previousId().isBlank()) {
                // the former id may have been a user id or an anonymous id; both are looked up below
                var previous = touch.previousId().strip();
                allKeys.add(new IdentityGraph.StoredKey(IdentityRules.USER_ID, previous));
                allKeys.add(new IdentityGraph.StoredKey(IdentityRules.ANONYMOUS_ID, previous));
            }
            identifiers.forEach(i -> allKeys.add(i.key()));
            identifiersPerTouch.add(identifiers);
        }
        var owners = store.owners(allKeys);
        for (int i = 0; i < touches.size(); i++) {
            var touch = touches.get(i);
            if (touch.type() == TouchType.ALIAS
                    && touch.previousId() != null
                    && !touch.previousId().isBlank()) {
                var previous = touch.previousId().strip();
                var asUser = new IdentityGraph.StoredKey(IdentityRules.USER_ID, previous);
                var identity = owners.containsKey(asUser)
                        ? new IdentityKey(IdentityRules.USER_ID, previous)
                        : new IdentityKey(IdentityRules.ANONYMOUS_ID, previous);
                // An alias from one known user id to another is subject to the one-user-id rule like any other link:
                // the graph refuses it and records the conflict rather than fusing two accounts.
                identifiersPerTouch.get(i).add(new IdentityGraph.Identifier(identity, stored(identity)));
            }
        }
        var involved = new LinkedHashSet<>(owners.values());
        var limited = store.limitedIdentities(involved);

        // 2. resolve the graph in memory
        var fresh = new FreshIds(store, touches.size());
        var graph = new IdentityGraph(owners, limited, fresh);
        var targets = new long[touches.size()];
        for (int i = 0; i < touches.size(); i++) {
            var touch = touches.get(i);
            targets[i] = graph.resolve(touch.messageId(), identifiersPerTouch.get(i), touch.occurredAt());
        }

        // 3. load and update profile states
        var existing = new LinkedHashSet<>(involved);
        var states = store.load(existing);
        for (var created : graph.created()) {
            states.put(created, new ProfileState(created, true, now));
        }
        for (var merge : graph.merges()) {
            var survivor = states.get(merge.survivor());
            var absorbed = states.get(merge.absorbed());
            survivor.absorb(absorbed);
            absorbed.mergedAt = merge.at();
        }
        for (var merge : graph.merges()) {
            // a profile absorbed by one that was itself absorbed later in the batch points at the final survivor
            states.get(merge.absorbed()).mergedInto = graph.find(merge.absorbed());
        }
        var results = new ArrayList<CustomerId>(touches.size());
        var eventIds = store.allocateEventIds(touches.size()).iterator();
        var eventRows = new ArrayList<ProfileStore.EventRow>(touches.size());
        var counts = new LinkedHashMap<String, ProfileStore.EventCount>();
        var perDay = new HashMap<LocalDate, Long>();
        for (int i = 0; i < touches.size(); i++) {
            var touch = touches.get(i);
            var customer = graph.find(targets[i]);
            states.get(customer).apply(touch);
            results.add(CustomerId.of(customer));
            eventRows.add(eventRow(eventIds.next(), customer, touch, personalValuesPerTouch.get(i)));
            var name = touch.type().countedName(touch.event());
            counts.merge(
                    customer + "\u0000" + name,
                    new ProfileStore.EventCount(customer, name, 1, touch.occurredAt(), touch.occurredAt()),
                    (a, b) -> new ProfileStore.EventCount(
                            a.customerId(),
                            a.name(),
                            a.count() + 1,
                            a.firstAt().isBefore(b.firstAt()) ? a.firstAt() : b.firstAt(),
                            a.lastAt().isAfter(b.lastAt()) ? a.lastAt() : b.lastAt()));
            perDay.merge(LocalDate.ofInstant(touch.occurredAt(), brandZone), 1L, Long::sum);
        }

        // 4. write: new profiles first (identities refer to them), then merges in order, then the rest
        store.insert(states.values().stream().filter(s -> s.isNew).toList(), now);
        var movedInBatch = new HashMap<Long, Long>();
        for (var target : targets) {
            if (graph.find(target) != target) {
                movedInBatch.merge(target, 1L, Long::sum);
            }
        }
        for (var merge : graph.merges()) {
            // events of this batch meant for the absorbed profile are written to the survivor directly
            store.merge(merge, movedInBatch.getOrDefault(merge.absorbed(), 0L));
        }
        store.update(states.values().stream().filter(s -> !s.isNew).toList(), now);
        store.insertIdentities(graph.links().stream()
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
                .toList());
        store.recordConflicts(graph.conflicts());
        var consentRows = new ArrayList<ProfileStore.ConsentRow>();
        var described = new java.util.HashSet<CustomerId>();
        for (var state : states.values()) {
            var owner = graph.find(state.id);
            state.consentChanges.forEach(change -> consentRows.add(new ProfileStore.ConsentRow(owner, change)));
            if (state.described || state.isNew) {
                described.add(CustomerId.of(owner));
            }
        }
        store.insertConsentChanges(consentRows, now);
        store.insertEvents(eventRows);
        store.addEventCounts(counts.values());
        store.addDailyActivity(perDay);
        var merges = new ArrayList<CustomersMerged>();
        for (var merge : graph.merges()) {
            var merged =
                    new CustomersMerged(CustomerId.of(merge.survivor()), CustomerId.of(merge.absorbed()), merge.at());
            merges.add(merged);
            events.publishEvent(merged);
        }
        var recorded = new ArrayList<TouchesRecorded.RecordedTouch>(touches.size());
        for (int i = 0; i < touches.size(); i++) {
            recorded.add(new TouchesRecorded.RecordedTouch(results.get(i), touches.get(i)));
        }
        events.publishEvent(new TouchesRecorded(recorded, merges, described));
        return results;
    }

    private IdentityGraph.StoredKey stored(IdentityKey identity) {
        return new IdentityGraph.StoredKey(
                identity.type(), identity.personal() ? vault.lookupKey(identity) : identity.value());
    }

    /**
     * The timeline row of a touch, its personal data masked and sealed: what the recogniser finds, and the phone numbers
     * and e-mail addresses its identities were read from ({@code personalValues}, paths in the message), whatever they
     * look like.
     */
    private ProfileStore.EventRow eventRow(long id, long customer, Touch touch, List<List<Object>> personalValues) {
        ObjectNode properties = switch (touch.type()) {
            case IDENTIFY -> touch.traits().deepCopy();
            case GROUP -> {
                var group = json.createObjectNode();
                group.put("groupId", touch.groupId());
                group.set("traits", touch.traits().deepCopy());
                yield group;
            }
            case ALIAS -> {
                var alias = json.createObjectNode();
                alias.put("previousId", touch.previousId());
                yield alias;
            }
            default -> touch.properties().deepCopy();
        };
        var context = touch.context().deepCopy();
        var identities = new ArrayList<List<Object>>();
        for (var path : personalValues) {
            if (path.getFirst().equals(CONTEXT)) {
                identities.add(path);
            } else if (touch.type() == TouchType.IDENTIFY) {
                // an identify's traits are kept as its properties; an alias keeps none
                identities.add(
                        Stream.concat(Stream.of(PROPERTIES), path.stream().skip(1))
                                .toList());
            }
        }
        var sealed = vault.sealPersonalValues(Map.of(PROPERTIES, properties, CONTEXT, context), identities);
        return new ProfileStore.EventRow(
                id,
                customer,
                touch.occurredAt(),
                touch.receivedAt(),
                touch.type().wireName(),
                touch.event(),
                touch.messageId(),
                json.writeValueAsString(properties),
                context.isEmpty() ? null : json.writeValueAsString(context),
                sealed);
    }

    /** Hands out new profile ids from the database sequence, fetched in blocks. */
    private static final class FreshIds implements java.util.function.LongSupplier {
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
