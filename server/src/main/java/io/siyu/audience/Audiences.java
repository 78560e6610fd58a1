package io.siyu.audience;

import io.siyu.customers.CustomerId;
import io.siyu.shared.Violation;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Questions other modules ask the audience engine, answered from its index, and the manual tags they give. */
public interface Audiences {

    /** Whether a customer is a member of a segment now. */
    boolean isMember(long segmentId, CustomerId customer);

    /** How many customers a segment has now, and the first of them by id. */
    record SegmentSample(long count, List<CustomerId> sample) {}

    /**
     * How many customers a segment has now and the first {@code limit} of them by id: none for a segment the index does
     * not hold.
     */
    SegmentSample sample(long segmentId, int limit);
    /** Whether there is a segment with this id (built-in segments included). */
    boolean isSegment(long segmentId);

    /**
     * Up to {@code limit} members of a segment now, in the order of their ids, starting after the id {@code after}
     * (0 for the first): a caller walks a large segment chunk by chunk and resumes where it stopped. While the index is
     * being built ({@link #ready()} false) it knows no members yet, and answers none.
     */
    List<CustomerId> members(long segmentId, long after, int limit);

    /**
     * Whether the index answers: false while it is being built, after a start or for a rebuild, when segments have no
     * members yet. A caller that would take "no members" for an answer waits for it.
     */
    boolean ready();

    /** The id of the segment of this name, if there is one (built-in segments included, e.g. {@code RFM: at risk}). */
    Optional<Long> segmentNamed(String name);

    /** The stage of a lifecycle model a customer is in now, if the index is built. */
    Optional<String> stage(String model, CustomerId customer);

    /** The stages of a lifecycle model in their order; empty when there is no such model. */
    List<String> stages(String model);

    /**
     * The rules a condition of the condition language (one node, as in a segment's {@code definition.condition})
     * breaks, with the parser's messages, each field named from the condition: empty for the condition itself,
     * {@code conditions[1].trait} for a part of it. Empty when it reads.
     */
    List<Violation> checkCondition(JsonNode condition);

    /**
     * Whether a customer meets a condition now, answered from the index as a segment would be. A condition that once
     * read and no longer does (a tag it names was deleted) is met by nobody in that part, as a saved segment's is.
     */
    boolean meets(CustomerId customer, JsonNode condition);

    /** Whether there is a manual tag of this name: one that is given and taken by hand, not kept by a rule. */
    boolean isManualTag(String name);

    /**
     * Gives customers a manual tag, in the caller's transaction, recorded in their tag history as given {@code by};
     * customers who hold it already are left as they are, so giving twice changes nothing. The index and what depends
     * on the tag follow once the transaction commits. Answers how many customers got it.
     */
    int giveTag(String name, List<CustomerId> customers, String by);

    /** Takes a manual tag from customers as {@link #giveTag} gives it; answers how many customers lost it. */
    int takeTag(String name, List<CustomerId> customers, String by);
}
