package io.siyu.messaging.internal.tracking;

import io.siyu.messaging.internal.ledger.SendLedger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Settles sent messages as a provider's delivery receipt says (an SMS receipt, WeChat's report of a template or
 * subscribe message): delivered, or failed with the provider's reason. Each is noted on the ledger row once, and
 * recorded on the customer's timeline ({@link TrackingEvents#delivered}, {@link TrackingEvents#deliveryFailed}) with a
 * message id derived from the row, so a receipt pushed again changes nothing.
 */
@Component
class DeliveryReceipts {

    private final SendLedger ledger;
    private final Engagement engagement;
    private final TrackingLinks links;
    private final Clock clock;

    DeliveryReceipts(SendLedger ledger, Engagement engagement, TrackingLinks links, Clock clock) {
        this.ledger = ledger;
        this.engagement = engagement;
        this.links = links;
        this.clock = clock;
    }

    /**
     * The sent messages a provider's message id names for one address, given in clear: the ledger keeps only its
     * keyed digest, which is compared.
     */
    List<SendLedger.Recipient> sent(String provider, String providerMessageId, String address) {
        return ledger.sentAs(provider, providerMessageId, links.recipientKey(address));
    }

    /** The keyed digest the ledger keeps of an address, given in clear. */
    String keyOf(String address) {
        return links.recipientKey(address);
    }

    /**
     * Settles the rows a receipt names: delivered when {@code failure} is null, else failed with it (and the failure's
     * properties on the timeline event). Answers how many rows changed.
     */
    int settle(List<SendLedger.Recipient> rows, @Nullable String failure, Map<String, Object> failureProperties) {
        var changed = 0;
        for (var row : rows) {
            var sent = new Engagement.Sent(row.id(), row.customerId(), row.channel(), row.templateId());
            var now = clock.instant();
            if (failure == null) {
                changed += engagement.delivered(List.of(row), TrackingEvents.delivered(row.channel()));
            } else if (ledger.noteBounced(row.id(), "not delivered: " + failure, now)) {
                changed++;
                engagement.record(
                        sent,
                        "siyu-undelivered-" + row.id(),
                        TrackingEvents.deliveryFailed(row.channel()),
                        failureProperties,
                        null);
            }
        }
        return changed;
    }
}
