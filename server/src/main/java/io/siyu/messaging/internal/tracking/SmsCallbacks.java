package io.siyu.messaging.internal.tracking;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.AlibabaSmsProvider;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.respect.ReplyKeywords;
import io.siyu.shared.Sha256;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Alibaba Cloud SMS pushes back: delivery receipts ({@code SmsReport}) that settle sent messages as delivered or
 * failed, and customers' replies ({@code SmsUp}), of which an unsubscribe keyword denies the customer's SMS consent.
 * The provider pushes again after a timeout or an error answer and does not promise a push only once, so each receipt
 * (BizId, number, report time) and each reply (its sequence id) is handled once: a repeat changes nothing.
 */
@Component
public class SmsCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(SmsCallbacks.class);
    private static final String PROVIDER = AlibabaSmsProvider.NAME;

    private final ProviderCallbacks callbacks;
    private final SendLedger ledger;
    private final DeliveryReceipts deliveries;
    private final Engagement engagement;
    private final TrackingLinks links;
    private final ProviderSettings settings;

    SmsCallbacks(
            ProviderCallbacks callbacks,
            SendLedger ledger,
            DeliveryReceipts deliveries,
            Engagement engagement,
            TrackingLinks links,
            ProviderSettings settings) {
        this.callbacks = callbacks;
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.engagement = engagement;
        this.links = links;
        this.settings = settings;
    }

    /** One delivery receipt, as {@code SmsReport} carries it. */
    public record Receipt(
            String phoneNumber,
            String bizId,
            boolean success,
            @Nullable String errorCode,
            @Nullable String errorMessage,
            @Nullable String reportTime) {}

    /** One reply, as {@code SmsUp} carries it. */
    public record Reply(
            String phoneNumber,
            String content,
            @Nullable String sendTime,
            @Nullable String sequenceId) {}

    /**
     * Whether the secret path segment of a push is the token in force (saved in the console, else the environment's);
     * no token opens nothing.
     */
    public boolean accepts(String token) {
        var sms = settings.sms();
        return sms.callbacksOpen()
                && java.security.MessageDigest.isEqual(
                        token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        sms.callbackToken().strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** What a push of receipts did: rows changed, and receipts that named no message Siyu has settled yet. */
    public record Settled(int changed, int unmatched) {}

    /**
     * Settles the messages the receipts are about. A receipt can come before the dispatcher settled its message (the
     * provider answers fast); one that names no message is not remembered, so the provider's next push of it (after 1,
     * 5 and 10 minutes, when the answer says it was not received) finds the message.
     */
    @Transactional
    public Settled receipts(List<Receipt> receipts) {
        var changed = 0;
        var unmatched = 0;
        for (var receipt : receipts) {
            var address = AlibabaSmsProvider.e164(receipt.phoneNumber());
            var rows = address == null
                    ? List.<SendLedger.Recipient>of()
                    : ledger.sentAs(PROVIDER, receipt.bizId(), links.recipientKey(address));
            if (rows.isEmpty()) {
                LOG.info("A delivery receipt for BizId {} names no message Siyu settled; asked again", receipt.bizId());
                unmatched++;
                continue;
            }
            if (!firstTime("report", receipt.bizId() + "|" + receipt.phoneNumber() + "|" + receipt.reportTime())) {
                continue;
            }
            if (receipt.success()) {
                changed += deliveries.settle(rows, null, Map.of());
            } else {
                var reason = (receipt.errorCode() == null ? "unknown" : receipt.errorCode())
                        + (receipt.errorMessage() == null ? "" : " " + receipt.errorMessage());
                changed += deliveries.settle(
                        rows, reason, Map.of("error_code", receipt.errorCode() == null ? "" : receipt.errorCode()));
            }
        }
        return new Settled(changed, unmatched);
    }

    /** Unsubscribes the customers whose replies are an unsubscribe keyword; answers how many. */
    @Transactional
    public int replies(List<Reply> replies) {
        var unsubscribed = 0;
        for (var reply : replies) {
            if (!ReplyKeywords.isUnsubscribe(reply.content(), settings.sms().unsubscribeKeywords())) {
                continue;
            }
            var key = reply.sequenceId() != null
                    ? reply.sequenceId()
                    : Sha256.hex(reply.phoneNumber() + "|" + reply.sendTime() + "|" + reply.content());
            if (!firstTime("up", key)) {
                continue;
            }
            var address = AlibabaSmsProvider.e164(reply.phoneNumber());
            var row = address == null
                    ? java.util.Optional.<SendLedger.Recipient>empty()
                    : ledger.newestTo(Channel.SMS, links.recipientKey(address));
            if (row.isEmpty()) {
                LOG.info("An unsubscribe reply came from a number Siyu sent no SMS to; it is ignored");
                continue;
            }
            var sent = new Engagement.Sent(
                    row.get().id(),
                    row.get().customerId(),
                    row.get().channel(),
                    row.get().templateId());
            engagement.record(
                    sent,
                    "siyu-sms-reply-" + key,
                    TrackingEvents.UNSUBSCRIBED,
                    Map.of("reply", "keyword"),
                    Map.of(Channel.SMS.category(), false));
            unsubscribed++;
        }
        return unsubscribed;
    }

    private boolean firstTime(String kind, String key) {
        return callbacks.firstTime(PROVIDER, kind, key);
    }
}
