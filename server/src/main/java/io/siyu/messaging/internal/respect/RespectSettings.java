package io.siyu.messaging.internal.respect;

import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a brand allows itself towards its customers beyond consent: the quiet hours in which marketing waits, the
 * frequency caps that bound how much marketing one customer gets (their contact budget, shared by every journey, the
 * API and every channel), and per channel whether a quiet or capped message waits or is skipped. Transactional
 * messages are bound by none of them.
 */
public record RespectSettings(QuietHours quietHours, List<FrequencyCap> caps, List<ChannelPolicy> policies) {

    /** The most caps a brand may set. */
    public static final int MOST_CAPS = 10;

    public RespectSettings {
        caps = List.copyOf(caps);
        policies = List.copyOf(policies);
    }

    public RespectSettings(QuietHours quietHours, List<FrequencyCap> caps) {
        this(quietHours, caps, List.of());
    }

    /** What becomes of a quiet or capped message on a channel: its own policy, else the default. */
    public ChannelPolicy policy(io.siyu.messaging.Channel channel) {
        return policies.stream()
                .filter(p -> p.channel() == channel)
                .findFirst()
                .orElseGet(() -> ChannelPolicy.defaults(channel));
    }

    /** The rules these settings break, every one named by its field; empty when they keep them. */
    public List<Violation> violations() {
        var violations = new ArrayList<Violation>();
        if (quietHours.start().equals(quietHours.end())) {
            violations.add(new Violation("quietHours.end", "differs", "must differ from quietHours.start"));
        }
        if (caps.size() > MOST_CAPS) {
            violations.add(new Violation("caps", "max-items", "must have at most " + MOST_CAPS + " caps"));
        }
        var seen = new HashSet<List<Object>>();
        for (int i = 0; i < caps.size(); i++) {
            var cap = caps.get(i);
            var field = "caps[" + i + "]";
            if (cap.limit() < 1 || cap.limit() > FrequencyCap.MOST_MESSAGES) {
                violations.add(new Violation(
                        field + ".limit", "range", "must be from 1 to " + FrequencyCap.MOST_MESSAGES + " messages"));
            }
            if (cap.windowHours() < 1 || cap.windowHours() > FrequencyCap.MOST_HOURS) {
                violations.add(new Violation(
                        field + ".windowHours", "range", "must be from 1 to " + FrequencyCap.MOST_HOURS + " hours"));
            }
            if (!seen.add(java.util.Arrays.asList(cap.windowHours(), cap.channel()))) {
                violations.add(new Violation(
                        field, "unique", "another cap has the same window and channel; keep the stricter one"));
            }
        }
        var channels = new HashSet<io.siyu.messaging.Channel>();
        for (int i = 0; i < policies.size(); i++) {
            if (!channels.add(policies.get(i).channel())) {
                violations.add(new Violation(
                        "policies[" + i + "].channel", "unique", "another policy names the same channel"));
            }
        }
        return violations;
    }

    /** Refuses settings that break a rule, naming every broken one. */
    public RespectSettings checked() {
        var violations = violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return this;
    }
}
