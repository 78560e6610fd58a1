package io.siyu.journeys;

import io.siyu.customers.CustomerId;
import io.siyu.shared.Violation;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Something a journey does to a customer at an action node: send a message, set a trait; later modules add their own
 * (grant a coupon, grant points) by declaring a Spring bean of this type. The journey's runtime calls an action inside
 * the transaction that moves the customers past the node, for a batch of customers at once, so an action that writes
 * its own rows commits with the step, or not at all.
 *
 * <p>Every call carries an idempotency key made of the journey version, the node, the customer and the occurrence
 * (which entry of the customer it is). A step retried after a crash calls the action again with the same key; the
 * action must then do nothing new (a unique row per key, or a ledger keyed by it, as messaging's send ledger is).
 */
public interface JourneyAction {

    /** The action's name in a journey's graph ({@code send_message}). */
    String type();

    /** A sentence for the canvas: what the action does. */
    String describe();

    /** The rules an action node's {@code config} breaks, as fields under {@code config}; empty when none. */
    List<Violation> check(JsonNode config);

    /** Does the action for every call; runs in the step's transaction; idempotent on each call's key. */
    void apply(List<Call> calls);

    /**
     * One customer passing one action node.
     *
     * @param key the idempotency key: {@code journey:<id>:v<version>:<node>:<customer>:<occurrence>}
     * @param data the values of the event that brought the customer in (its properties), for templates
     */
    record Call(
            String key,
            CustomerId customer,
            long journeyId,
            int version,
            String node,
            JsonNode config,
            Map<String, Object> data) {}
}
