package io.siyu.customers;

import io.siyu.shared.Violation;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The customers module's entry point for other modules. */
public interface Profiles {

    /**
     * Applies a batch of touches in order and returns, for each, the profile it now belongs to. Batches must not run
     * concurrently; ingestion's pipeline is the one caller.
     */
    List<CustomerId> record(List<Touch> touches);

    /** The identity rules a touch breaks (an e-mail that is not one, a phone that is not one), empty if none. */
    List<Violation> check(Touch touch);

    /** Replaces the order facts of the given profiles with commerce's current figures. */
    void updateOrderFacts(Collection<OrderFacts> facts);

    /** The live profile an id leads to (its survivor, if it was merged), empty if it never existed. */
    Optional<CustomerId> live(CustomerId id);

    /**
     * Whether the profile exists and is live (not merged into another), holding it so until the caller's transaction
     * ends: a merge of it waits for that transaction, so that what the caller writes under the id in it is there for
     * the merge's listeners to move. Must be called in a transaction.
     */
    boolean holdIfLive(CustomerId id);

    /** The current traits and facts of the given profiles (merged ones included, with their survivor). */
    List<ProfileSnapshot> snapshots(Collection<CustomerId> ids);

    /** Customers as lists show them, in the order of the ids given (unknown ids are left out). */
    List<CustomerSummary> summaries(List<CustomerId> ids);

    /**
     * Where the given live customers can be reached, their e-mail addresses and phone numbers in clear: for sending
     * messages only, never for showing them. Customers without any identifier are left out.
     */
    List<ContactPoints> contactPoints(Collection<CustomerId> ids);

    /**
     * Finds live customers by an identifier such as {@code email:ann@example.com} or a customer id. Naming them by a
     * phone number or an e-mail address needs the caller to be allowed to see personal data
     * ({@link io.siyu.access.PersonalDataRequired} otherwise).
     */
    Optional<CustomerId> find(String identity);

    /**
     * The live customer the shop's user id leads to, for requests a customer makes about themselves (the consumer API,
     * whose token proves the user id); empty while Siyu has not met the user.
     */
    Optional<CustomerId> ownedBy(String userId);

    /** The highest customer id handed out so far (0 when there is none): the end of the ids to walk. */
    long highestCustomerId();

    /**
     * Streams the stored events of the customers whose ids are in {@code [from, to)}, customer by customer, as the
     * touches they were recorded from (without the user and anonymous ids the timeline does not keep; phone numbers
     * and e-mail addresses in their properties and context as they were sent): for modules that derive figures from
     * the whole history again. Events of merged profiles are their survivors'.
     */
    void forEachStoredTouch(long from, long to, java.util.function.Consumer<TouchesRecorded.RecordedTouch> consumer);

    /**
     * Streams the stored events of this name that happened since {@code since}, newest first and at most {@code limit}
     * of them, as {@link #forEachStoredTouch} gives them: for modules that ask who did something lately.
     */
    void forEachRecentEvent(
            String name,
            java.time.Instant since,
            int limit,
            java.util.function.Consumer<TouchesRecorded.RecordedTouch> consumer);

    /** Streams every live profile, for modules that build an index of all customers. */
    void forEachLive(java.util.function.Consumer<ProfileSnapshot> consumer);
}
