package io.siyu.messaging.internal.respect;

import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When marketing may reach a customer, and how much of it: the brand's quiet hours on the customer's own clock hold a
 * message until they end, and the frequency caps skip one that would exceed the customer's contact budget.
 * Transactional messages pass both at once. Quiet hours come first, so a held message spends no budget until it goes;
 * they hold only channels that interrupt the customer (not the inbox, which they read when they choose).
 */
@Component
public class ContactLimits {

    /** Why a message was skipped, as the ledger records it. */
    public static final String FREQUENCY_CAP = "frequency-cap";

    /** Why a message waits, as the ledger records it while it is queued. */
    public static final String QUIET_HOURS = "quiet-hours";

    private final RespectSettingsStore settings;
    private final ContactBudgets budgets;

    ContactLimits(RespectSettingsStore settings, ContactBudgets budgets) {
        this.settings = settings;
        this.budgets = budgets;
    }

    /** A message that may otherwise go: its ledger row, the live customer it goes to and the zone they live in. */
    public record Message(long sendId, long customerId, Channel channel, Purpose purpose, ZoneId zone) {}

    /**
     * What becomes of the messages of one batch, decided at {@code now}: those to hold, with the moment they may go
     * (their quiet hours end, or their cap frees, on channels whose policy is to wait), and those to skip, for the
     * quiet hours or with the cap they would exceed (on channels whose policy is to skip). The rest may go, and count
     * against the budget.
     */
    public record Decision(
            Map<Long, Instant> heldForQuiet,
            Map<Long, Instant> heldForCap,
            Set<Long> skippedForQuiet,
            Map<Long, FrequencyCap> capped) {}

    public Decision decide(List<Message> messages, Instant now) {
        var current = settings.settings();
        var heldForQuiet = new HashMap<Long, Instant>();
        var skippedForQuiet = new HashSet<Long>();
        var counted = new ArrayList<ContactBudgets.Candidate>();
        var channels = new HashMap<Long, Channel>();
        for (var message : messages) {
            if (message.purpose() != Purpose.MARKETING) {
                continue;
            }
            var quiet = message.channel().interrupts()
                    ? current.quietHours().heldUntil(now, message.zone())
                    : java.util.Optional.<Instant>empty();
            if (quiet.isEmpty()) {
                channels.put(message.sendId(), message.channel());
                counted.add(new ContactBudgets.Candidate(message.sendId(), message.customerId(), message.channel()));
            } else if (current.policy(message.channel()).whenQuiet() == ChannelPolicy.Action.WAIT) {
                heldForQuiet.put(message.sendId(), quiet.get());
            } else {
                skippedForQuiet.add(message.sendId());
            }
        }
        var caps = new ArrayList<>(current.caps());
        if (counted.stream().anyMatch(candidate -> candidate.channel() == Channel.WECOM)) {
            caps.add(WECOM_MONTH);
        }
        var heldForCap = new HashMap<Long, Instant>();
        var capped = new HashMap<Long, FrequencyCap>();
        budgets.spend(counted, caps, now).forEach((sendId, refusal) -> {
            if (current.policy(channels.get(sendId)).whenCapped() == ChannelPolicy.Action.WAIT) {
                heldForCap.put(sendId, refusal.freesAt());
            } else {
                capped.put(sendId, refusal.cap());
            }
        });
        return new Decision(heldForQuiet, heldForCap, skippedForQuiet, capped);
    }

    /**
     * WeCom's own rule, kept whatever the brand's caps are: one company may send a customer at most 4 mass messages in a
     * calendar month, and WeCom refuses more (status 3). Counted here over any 30 days, which never lets more through
     * than the calendar month would; a message WeCom refused for the limit still counts, as its task was created.
     */
    public static final FrequencyCap WECOM_MONTH = new FrequencyCap(4, 30 * 24, Channel.WECOM);
}
