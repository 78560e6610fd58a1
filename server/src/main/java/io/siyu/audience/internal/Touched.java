package io.siyu.audience.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * What a batch changed for its customers: attributes (traits, facts and the channel), consent, events (behaviour and purchases),
 * and the stages, tags and segments the refresh after it has changed so far. A definition that reads none of these
 * cannot have changed for those customers, so the refresh skips it. {@link #everything()} stands for a change not
 * followed in detail: customers who joined or left, merges, a full refresh.
 *
 * <p>Time passing is not a change here: windows and "within the last N days" move for everyone at once, in the daily
 * full refresh.
 */
final class Touched {

    private boolean everything;
    private final Set<String> changed = new HashSet<>();

    private Touched(boolean everything) {
        this.everything = everything;
    }

    static Touched nothing() {
        return new Touched(false);
    }

    static Touched everything() {
        return new Touched(true);
    }

    /** Notes a change not followed in detail: everything may have changed. */
    void all() {
        everything = true;
    }

    /** What a change is to: a kind of input, named (an attribute, an event, a model) or numbered (a tag, a segment). */
    enum Input {
        FACT,
        TRAIT,
        CONSENT,
        EVENT,
        STAGE,
        TAG,
        SEGMENT
    }

    void changed(Input input, Object name) {
        changed.add(key(input, name));
    }

    private boolean isChanged(Input input, Object name) {
        return changed.contains(key(input, name));
    }

    private static String key(Input input, Object name) {
        return input + ":" + name;
    }

    /** Whether the condition reads anything changed. */
    boolean affects(Condition condition) {
        if (everything) {
            return true;
        }
        return switch (condition) {
            case Condition.All all -> all.conditions().stream().anyMatch(this::affects);
            case Condition.Any any -> any.conditions().stream().anyMatch(this::affects);
            case Condition.Not not -> affects(not.condition());
            case Condition.Attribute attribute ->
                isChanged(attribute.source() == Condition.Source.FACT ? Input.FACT : Input.TRAIT, attribute.name());
            case Condition.Consent consent -> isChanged(Input.CONSENT, consent.category());
            case Condition.Behaviour behaviour -> isChanged(Input.EVENT, behaviour.event());
            case Condition.Purchase purchase -> isChanged(Input.EVENT, ActivityRecorder.PURCHASE);
            case Condition.Tag tag -> isChanged(Input.TAG, tag.tagId());
            case Condition.Segment segment -> isChanged(Input.SEGMENT, segment.segmentId());
            case Condition.Lifecycle lifecycle -> isChanged(Input.STAGE, lifecycle.model());
            case Condition.Rfm rfm -> false; // scores change only when RFM is computed again, with a full refresh
        };
    }

    /** Whether any of the conditions reads anything changed. */
    boolean affectsAny(java.util.List<ConditionParser.Parsed> conditions) {
        return conditions.stream().anyMatch(parsed -> affects(parsed.condition()));
    }
}
