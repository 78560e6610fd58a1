package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.Channel;
import java.util.List;

/**
 * A service that delivers messages of one channel: an SMTP server, an SMS gateway, the sandbox. Every channel's
 * provider answers for each message it was given; one failing message never hides the others' outcomes, and a
 * provider that is down answers {@link Delivery.Status#RETRY} for all rather than throwing.
 */
public interface Provider {

    Channel channel();

    /** The provider's name as the ledger records it ({@code smtp}, {@code sandbox}). */
    String name();

    List<Delivery> send(List<Outgoing> messages);

    /**
     * Whether the provider can send: a provider that is a Spring bean of its own (not the SMTP or SMS one) and answers
     * false here leaves its channel to the sandbox outbox.
     */
    default boolean configured() {
        return true;
    }

    /**
     * Tries the provider's credentials without sending anything: a connection and sign-in, or a token fetched, or a
     * harmless signed call. Never throws; a provider with no such call says so.
     */
    default ProviderCheck check() {
        return ProviderCheck.notCheckable("the provider offers no call that tries its credentials without sending");
    }
}
