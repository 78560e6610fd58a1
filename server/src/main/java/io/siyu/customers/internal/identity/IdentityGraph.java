package io.siyu.customers.internal.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The part of the identity graph a batch of messages touches, resolved in memory: which profile each message belongs
 * to, which profiles must merge, which new identifiers attach where, and which links the rules refuse.
 *
 * <p>Messages are resolved one after another in the order given, so a batch gives the same graph as the same messages
 * sent one by one. For each message:
 *
 * <ol>
 *   <li>The target is the profile of the message's {@code user_id} if known; otherwise the first profile, in
 *       identifier priority order, that may take the message's {@code user_id}.
 *   <li>Every other profile the message's identifiers point at merges into the target, unless the merge would give one
 *       profile two different values of a limited identifier type; such a link is refused and recorded.
 *   <li>With no target yet, a new profile is created; unknown identifiers attach to the target.
 * </ol>
 *
 * Merges are tracked with a union-find forest so that a profile merged twice in one batch still resolves to its final
 * survivor.
 */
public final class IdentityGraph {

    /** An identifier as stored: its type and lookup key (the value, or a keyed hash for personal data). */
    public record StoredKey(String type, String lookupKey) {}

    public record Merge(long survivor, long absorbed, String linkedByType, String messageId, Instant at) {}

    public record Link(StoredKey key, IdentityKey identity, long customerId, Instant at) {}

    public record Conflict(
            long customerId, Long otherCustomerId, String identityType, String messageId, String reason, Instant at) {}

    /** An identifier a device's new user took over from the profile that held it ({@link IdentityRules#HANDED_OVER}). */
    public record Handover(StoredKey key, long from, long to, String messageId, Instant at) {}

    private final Map<StoredKey, Long> owners;
    private final Map<Long, Map<String, String>> limited;
    private final LongSupplier newIds;
    private final Map<Long, Long> parent = new HashMap<>();
    private final List<Merge> merges = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Handover> handovers = new ArrayList<>();
    private final List<Long> created = new ArrayList<>();

    /**
     * @param owners the stored owner of every identifier of the batch that is already known
     * @param limited for every profile involved, its identifiers of limited types (type to lookup key)
     * @param newIds allocates ids for new profiles
     */
    public IdentityGraph(Map<StoredKey, Long> owners, Map<Long, Map<String, String>> limited, LongSupplier newIds) {
        this.owners = new HashMap<>(owners);
        this.limited = new HashMap<>();
        limited.forEach((customer, values) -> this.limited.put(customer, new HashMap<>(values)));
        this.newIds = newIds;
    }

    /** A message's identifier paired with its stored form. */
    public record Identifier(IdentityKey identity, StoredKey key) {}

    /** Resolves one message and returns the profile it belongs to (final only after the whole batch, see find). */
    public long resolve(String messageId, List<Identifier> identifiers, Instant at) {
        var ordered = identifiers.stream()
                .sorted(Comparator.comparingInt(i -> i.identity().priority()))
                .toList();
        var messageLimited = new HashMap<String, String>();
        for (var identifier : ordered) {
            if (identifier.identity().limitPerProfile() == 1) {
                messageLimited.putIfAbsent(
                        identifier.key().type(), identifier.key().lookupKey());
            }
        }
        Long target = null;
        var userId = ordered.stream()
                .filter(i -> i.key().type().equals(IdentityRules.USER_ID))
                .findFirst();
        if (userId.isPresent() && owners.containsKey(userId.get().key())) {
            target = find(owners.get(userId.get().key()));
        }
        var candidates = new LinkedHashSet<Long>();
        var linkingType = new HashMap<Long, String>();
        for (var identifier : ordered) {
            var owner = owners.get(identifier.key());
            if (owner != null) {
                var root = find(owner);
                if (candidates.add(root)) {
                    linkingType.put(root, identifier.key().type());
                }
            }
        }
        var refused = new ArrayList<Long>();
        for (var candidate : candidates) {
            if (candidate.equals(target)) {
                continue;
            }
            if (target == null) {
                if (compatible(limitedOf(candidate), messageLimited)) {
                    target = candidate;
                } else {
                    refused.add(candidate);
                }
            } else if (compatible(limitedOf(target), limitedOf(candidate))) {
                merge(target, candidate, linkingType.get(candidate), messageId, at);
            } else {
                conflicts.add(new Conflict(
                        target,
                        candidate,
                        conflictingType(limitedOf(target), limitedOf(candidate)),
                        messageId,
                        "merging would give one profile two different identifiers of a limited type",
                        at));
            }
        }
        if (target == null) {
            target = newIds.getAsLong();
            created.add(target);
        }
        for (var other : refused) {
            // recorded on the profile the message went to, naming the profile that kept the shared identifier
            conflicts.add(new Conflict(
                    target,
                    other,
                    conflictingType(limitedOf(other), messageLimited),
                    messageId,
                    "an identifier of this message belongs to another person's profile",
                    at));
        }
        handOver(ordered, target, messageId, at);
        for (var identifier : ordered) {
            if (owners.containsKey(identifier.key())) {
                continue;
            }
            var type = identifier.key().type();
            var targetLimited = limitedOf(target);
            if (identifier.identity().limitPerProfile() == 1) {
                var existing = targetLimited.get(type);
                if (existing != null && !existing.equals(identifier.key().lookupKey())) {
                    conflicts.add(new Conflict(
                            target, null, type, messageId, "the profile already has a different " + type, at));
                    continue;
                }
                targetLimited.put(type, identifier.key().lookupKey());
            }
            owners.put(identifier.key(), target);
            links.add(new Link(identifier.key(), identifier.identity(), target, at));
        }
        return target;
    }

    /**
     * Moves to the target the device identifiers of the message that another profile, kept apart from it, holds: the
     * device is the target's now.
     */
    private void handOver(List<Identifier> ordered, long target, String messageId, Instant at) {
        for (var identifier : ordered) {
            var owner = owners.get(identifier.key());
            if (owner == null || !identifier.identity().handedOver()) {
                continue;
            }
            var holder = find(owner);
            if (holder != find(target)) {
                owners.put(identifier.key(), target);
                handovers.add(new Handover(identifier.key(), holder, target, messageId, at));
                conflicts.add(new Conflict(
                        target,
                        holder,
                        identifier.key().type(),
                        messageId,
                        "the device's " + identifier.key().type() + " moved to the profile now using it",
                        at));
            }
        }
    }

    public long find(long customer) {
        var root = customer;
        while (parent.containsKey(root)) {
            root = parent.get(root);
        }
        // path compression keeps later finds short
        var node = customer;
        while (parent.containsKey(node) && parent.get(node).longValue() != root) {
            var next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    public List<Merge> merges() {
        return merges;
    }

    public List<Link> links() {
        return links;
    }

    public List<Handover> handovers() {
        return handovers;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    public List<Long> created() {
        return created;
    }

    private void merge(long survivor, long absorbed, String linkedBy, String messageId, Instant at) {
        if (survivor == absorbed) {
            throw new IllegalStateException("a profile cannot merge into itself: " + survivor);
        }
        parent.put(absorbed, survivor);
        var survivorLimited = limitedOf(survivor);
        limitedOf(absorbed).forEach(survivorLimited::putIfAbsent);
        merges.add(new Merge(survivor, absorbed, linkedBy, messageId, at));
    }

    private Map<String, String> limitedOf(long customer) {
        return limited.computeIfAbsent(customer, c -> new HashMap<>());
    }

    private static boolean compatible(Map<String, String> a, Map<String, String> b) {
        return conflictingType(a, b) == null;
    }

    private static String conflictingType(Map<String, String> a, Map<String, String> b) {
        for (var entry : a.entrySet()) {
            var other = b.get(entry.getKey());
            if (other != null && !other.equals(entry.getValue())) {
                return entry.getKey();
            }
        }
        return null;
    }
}
