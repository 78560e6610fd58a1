package io.siyu.messaging.internal.dispatch;

import io.siyu.customers.ContactPoints;
import io.siyu.customers.CustomerId;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.respect.Suppressions;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who the customers of a batch are now: a customer merged since the message was queued is its survivor; their
 * traits and consent, where they can be reached, and on which channels they are suppressed. Loaded in a few queries
 * per batch.
 */
@Component
class Recipients {

    private final Profiles profiles;
    private final Suppressions suppressions;

    Recipients(Profiles profiles, Suppressions suppressions) {
        this.profiles = profiles;
        this.suppressions = suppressions;
    }

    /** The batch's customers as they are now. */
    record Batch(
            Map<Long, ProfileSnapshot> profiles,
            Map<Long, ContactPoints> contacts,
            Map<Channel, Set<Long>> suppressed) {

        @Nullable
        ProfileSnapshot profile(CustomerId queuedFor) {
            return profiles.get(queuedFor.value());
        }

        @Nullable
        ContactPoints contact(ProfileSnapshot profile) {
            return contacts.get(profile.id().value());
        }

        boolean suppressed(Channel channel, ProfileSnapshot profile) {
            return suppressed
                    .getOrDefault(channel, Set.of())
                    .contains(profile.id().value());
        }
    }

    Batch load(Collection<CustomerId> queuedFor, Set<Channel> channels) {
        var byQueuedId = new HashMap<Long, ProfileSnapshot>();
        var merged = new HashMap<Long, Long>();
        for (var snapshot : profiles.snapshots(new HashSet<>(queuedFor))) {
            if (snapshot.mergedInto() == null) {
                byQueuedId.put(snapshot.id().value(), snapshot);
            } else {
                merged.put(snapshot.id().value(), snapshot.mergedInto().value());
            }
        }
        if (!merged.isEmpty()) {
            var survivors =
                    profiles
                            .snapshots(
                                    merged.values().stream().map(CustomerId::of).collect(Collectors.toSet()))
                            .stream()
                            .filter(s -> s.mergedInto() == null)
                            .collect(Collectors.toMap(s -> s.id().value(), s -> s));
            merged.forEach((absorbed, survivor) -> {
                if (survivors.containsKey(survivor)) {
                    byQueuedId.put(absorbed, survivors.get(survivor));
                }
            });
        }
        var live = byQueuedId.values().stream().map(ProfileSnapshot::id).collect(Collectors.toSet());
        var contacts = profiles.contactPoints(live).stream()
                .collect(Collectors.toMap(c -> c.customerId().value(), c -> c));
        var suppressed = new HashMap<Channel, Set<Long>>();
        for (var channel : channels) {
            suppressed.put(channel, suppressions.suppressed(channel, live));
        }
        return new Batch(byQueuedId, contacts, suppressed);
    }
}
