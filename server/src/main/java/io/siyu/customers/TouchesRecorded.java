package io.siyu.customers;

import java.util.List;
import java.util.Set;

/**
 * A batch of touches was recorded on profiles, inside the transaction that recorded them: what happened, to whom,
 * which profiles merged, and which profiles' traits, channel or consent changed ({@code described}; new profiles
 * included, survivors of merges not necessarily). Listeners that keep derived data in the same transaction use a plain
 * event listener; listeners that react after the commit register for it.
 */
public record TouchesRecorded(List<RecordedTouch> touches, List<CustomersMerged> merges, Set<CustomerId> described) {

    /** A touch and the profile it now belongs to. */
    public record RecordedTouch(CustomerId customerId, Touch touch) {}
}
