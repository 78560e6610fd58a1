package io.siyu.messaging.internal.respect;

import io.siyu.messaging.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One customer's contact budget: the marketing messages already counted against their frequency caps, and whether one
 * more may go. A message counts from the moment it was let through (just before it is handed to its provider), on
 * every cap whose channel it shares, in every window that moment lies in; one that failed for good or was parked
 * counts no more, since it never reached the customer.
 *
 * <p>By default a message over a cap is skipped, not deferred (Braze's rule, and Klaviyo's): deferring would pile the
 * held messages up at the window's edge, where they would again exceed the cap or go out late and out of context; a
 * journey that needs the message moves on either way. A brand may choose to wait instead, per channel
 * ({@link ChannelPolicy}): the message is then queued again for {@link #freesAt the moment the cap frees}.
 */
public final class ContactBudget {

    /** A marketing message counted against the budget. */
    public record Counted(Channel channel, Instant at) {}

    private final List<FrequencyCap> caps;
    private final List<Counted> counted;

    public ContactBudget(List<FrequencyCap> caps, List<Counted> counted) {
        this.caps = caps;
        this.counted = new ArrayList<>(counted);
    }

    /**
     * Spends the budget on one message on {@code channel} at {@code now} if no cap forbids it. Answers the cap it would
     * exceed (and spends nothing), empty when it was spent.
     */
    public Optional<FrequencyCap> spend(Channel channel, Instant now) {
        for (var cap : caps) {
            if (!cap.counts(channel)) {
                continue;
            }
            var since = now.minus(cap.window());
            var used = counted.stream()
                    .filter(c -> cap.counts(c.channel()) && c.at().isAfter(since))
                    .count();
            if (used >= cap.limit()) {
                return Optional.of(cap);
            }
        }
        counted.add(new Counted(channel, now));
        return Optional.empty();
    }

    /**
     * When a message on {@code channel} refused at {@code now} by {@code cap} could go: when enough of the messages
     * counted in the cap's window have left it.
     */
    public Instant freesAt(FrequencyCap cap, Instant now) {
        var since = now.minus(cap.window());
        var inWindow = counted.stream()
                .filter(c -> cap.counts(c.channel()) && c.at().isAfter(since))
                .map(Counted::at)
                .sorted()
                .toList();
        var leaving = inWindow.size() - cap.limit();
        if (leaving < 0) {
            return now;
        }
        return inWindow.get(leaving).plus(cap.window());
    }
}
