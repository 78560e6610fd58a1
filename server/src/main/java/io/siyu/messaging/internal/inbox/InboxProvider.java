package io.siyu.messaging.internal.inbox;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Provider;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The inbox channel's provider, which Siyu is itself: a message is sent when it is in the customer's inbox, and the
 * customer's open streams are told at once. There is nothing to configure, so the inbox never goes to the sandbox.
 */
@Component
class InboxProvider implements Provider {

    private final InboxStore store;
    private final InboxStream stream;

    InboxProvider(InboxStore store, InboxStream stream) {
        this.store = store;
        this.stream = stream;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        try {
            store.put(messages);
        } catch (org.springframework.dao.DataAccessException e) {
            return messages.stream()
                    .map(m -> Delivery.retry(m.sendId(), "the inbox could not be written: " + e.getMostSpecificCause()))
                    .toList();
        }
        stream.poke();
        return messages.stream()
                .map(m -> Delivery.sent(m.sendId(), "inbox-" + m.sendId()))
                .toList();
    }
}
