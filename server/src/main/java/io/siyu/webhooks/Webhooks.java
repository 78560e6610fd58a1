package io.siyu.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhooks module's entry point for other modules: queue deliveries to the endpoints operators registered. */
public interface Webhooks {

    /**
     * One delivery to queue.
     *
     * @param endpointId the registered endpoint to call
     * @param eventType what happened, full-stop delimited ({@code journey.step}, {@code group_buy.completed})
     * @param idempotencyKey unique per delivery meant; sent as {@code webhook-id}, so it holds only letters, digits,
     *     {@code _}, {@code -} and {@code :} (at most 200); a key queued before is not queued again
     * @param data the event's values, sent under {@code data}
     */
    record Delivery(long endpointId, String eventType, String idempotencyKey, Map<String, ?> data) {}

    /** A queued delivery: its outbox id, and whether this call queued it or found it queued by an earlier one. */
    record QueuedDelivery(String idempotencyKey, long deliveryId, boolean alreadyQueued) {}

    /** An endpoint as callers see it: whether it exists and takes deliveries. */
    record Endpoint(long id, String name, boolean enabled) {}

    /**
     * Queues deliveries in the caller's transaction (they are sent once it commits) and answers for each, in order.
     * Throws {@link io.siyu.shared.InvalidInputException} naming the field when an endpoint does not exist, an event
     * type or key breaks its pattern, or the data is too large.
     */
    List<QueuedDelivery> enqueue(List<Delivery> deliveries);

    /** Queues one delivery; see {@link #enqueue(List)}. */
    default QueuedDelivery enqueue(long endpointId, String eventType, String idempotencyKey, Map<String, ?> data) {
        return enqueue(List.of(new Delivery(endpointId, eventType, idempotencyKey, data)))
                .getFirst();
    }

    /** The endpoint of this id, if there is one. */
    Optional<Endpoint> endpoint(long id);
}
