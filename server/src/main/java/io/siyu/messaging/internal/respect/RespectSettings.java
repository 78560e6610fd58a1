package io.siyu.messaging.internal.respect;

import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a brand allows itself towards its customers beyond consent: the quiet hours in which marketing waits, and the
 * frequency caps that bound how much marketing one customer gets (their contact budget, shared by every journey, the
 * API and every channel). Transactional messages are bound by neither.
 */
public record RespectSettings(QuietHours quietHours, List<FrequencyCap> caps) {

    /** The most caps a brand may set. */
    public static final int MOST_CAPS = 10;

    public RespectSettings {
        caps = List.copyOf(caps);
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
