package io.siyu.ingest.internal.pipeline;

import io.siyu.commerce.CustomerTouch;
import io.siyu.commerce.OrderBook;
import io.siyu.customers.Profiles;
import io.siyu.customers.Touch;
import io.siyu.ingest.internal.messages.SegmentMessages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of stored messages, in the caller's transaction: turns each into its touch, records them on the
 * profiles, then hands them to the orders with the customer each now belongs to.
 */
@Component
class BatchApplier {

    private final SegmentMessages messages;
    private final Profiles profiles;
    private final OrderBook orders;

    BatchApplier(SegmentMessages messages, Profiles profiles, OrderBook orders) {
        this.messages = messages;
        this.profiles = profiles;
        this.orders = orders;
    }

    void apply(List<QueuedMessages.QueuedMessage> batch) {
        var touches = new ArrayList<Touch>(batch.size());
        for (var message : batch) {
            touches.add(messages.touch(message.body()));
        }
        var customers = profiles.record(touches);
        var customerTouches = new ArrayList<CustomerTouch>(touches.size());
        for (int i = 0; i < touches.size(); i++) {
            customerTouches.add(new CustomerTouch(customers.get(i), touches.get(i)));
        }
        orders.apply(customerTouches);
    }
}
