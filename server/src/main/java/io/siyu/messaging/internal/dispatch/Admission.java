package io.siyu.messaging.internal.dispatch;

import io.siyu.customers.ContactPoints;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.messaging.internal.delivery.MessagingProperties;
import io.siyu.messaging.internal.ledger.SendLedger.Claimed;
import io.siyu.messaging.internal.ledger.SendLedger.Settlement;
import io.siyu.messaging.internal.ledger.SendState;
import io.siyu.messaging.internal.respect.ContactLimits;
import io.siyu.messaging.internal.respect.RespectRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides which claimed messages go out now, in the order the respect rules ask: an address, no suppression, consent;
 * then the customer's quiet hours and the contact budget, where each channel's policy says whether a message they stop
 * waits (held until the quiet hours end or the cap frees) or is skipped.
 */
@Component
class Admission {

    private final Recipients recipients;
    private final ContactLimits limits;
    private final MessagingProperties properties;

    Admission(Recipients recipients, ContactLimits limits, MessagingProperties properties) {
        this.recipients = recipients;
        this.limits = limits;
        this.properties = properties;
    }

    /** A message let through, with whom it goes to. */
    record Admitted(Claimed row, ProfileSnapshot profile, ContactPoints contact) {}

    /**
     * What became of a claimed batch: the messages to send, those skipped (settled as such), and those held until a
     * moment (queued again without counting the attempt).
     */
    record Decision(
            List<Admitted> admitted,
            List<Settlement> skipped,
            Map<Long, Instant> heldForQuiet,
            Map<Long, Instant> heldForCap) {}

    Decision decide(List<Claimed> claimed, Instant now) {
        var batch = recipients.load(
                claimed.stream().map(Claimed::customerId).toList(),
                claimed.stream().map(Claimed::channel).collect(Collectors.toSet()));
        var skipped = new ArrayList<Settlement>();
        var respected = new HashMap<Long, Admitted>();
        var asked = new ArrayList<ContactLimits.Message>();
        for (var row : claimed) {
            var profile = batch.profile(row.customerId());
            var contact = profile == null ? null : batch.contact(profile);
            var refusal = RespectRules.refusal(
                    row.purpose(),
                    row.channel(),
                    row.channel().addressOf(contact),
                    profile != null && batch.suppressed(row.channel(), profile),
                    profile == null ? Map.of() : profile.consents(),
                    properties.marketingCategory(),
                    properties.consent());
            if (refusal.isPresent()) {
                skipped.add(skip(row, refusal.get(), contact));
                continue;
            }
            respected.put(row.id(), new Admitted(row, profile, contact));
            asked.add(new ContactLimits.Message(
                    row.id(), profile.id().value(), row.channel(), row.purpose(), profile.timeZone()));
        }
        var limited = limits.decide(asked, now);
        var admitted = new ArrayList<Admitted>();
        for (var message : asked) {
            var candidate = respected.get(message.sendId());
            var id = message.sendId();
            if (limited.heldForQuiet().containsKey(id) || limited.heldForCap().containsKey(id)) {
                continue;
            }
            if (limited.skippedForQuiet().contains(id)) {
                skipped.add(skip(candidate.row(), ContactLimits.QUIET_HOURS, candidate.contact()));
                continue;
            }
            if (limited.capped().containsKey(id)) {
                skipped.add(skip(candidate.row(), ContactLimits.FREQUENCY_CAP, candidate.contact()));
                continue;
            }
            admitted.add(candidate);
        }
        return new Decision(admitted, skipped, limited.heldForQuiet(), limited.heldForCap());
    }

    private static Settlement skip(Claimed row, String why, ContactPoints contact) {
        return new Settlement(
                row.id(), SendState.SKIPPED, why, null, row.channel().maskedAddressOf(contact), null, null, null);
    }
}
