package io.siyu.audience.internal.index;

import java.util.HashSet;
import java.util.Set;

/**
 * What a batch changed for its customers: attributes (traits, facts and the channel), consent, events (behaviour and purchases),
 * and the stages, tags and segments the refresh after it has changed so far. A definition that reads none of these
 * cannot have changed for those customers, so the refresh skips it ({@code ConditionInputs}). {@link #everything()}
 * stands for a change not followed in detail: customers who joined or left, merges, a full refresh.
 *
 * <p>Time passing is not a change here: windows and "within the last N days" move for everyone at once, in the daily
 * full refresh.
 */
public final class Touched {

    private boolean everything;
    private final Set<String> changed = new HashSet<>();

    private Touched(boolean everything) {
        this.everything = everything;
    }

    public static Touched nothing() {
        return new Touched(false);
    }

    public static Touched everything() {
        return new Touched(true);
    }

    /** Notes a change not followed in detail: everything may have changed. */
    void all() {
        everything = true;
    }

    /** What a change is to: a kind of input, named (an attribute, an event, a model) or numbered (a tag, a segment). */
    public enum Input {
        FACT,
        TRAIT,
        CONSENT,
        EVENT,
        STAGE,
        TAG,
        SEGMENT
    }

    public void changed(Input input, Object name) {
        changed.add(key(input, name));
    }

    /** Whether a change was not followed in detail: everything may have changed. */
    public boolean isEverything() {
        return everything;
    }

    /** Whether a change to this input was noted (whatever {@link #isEverything} says). */
    public boolean isChanged(Input input, Object name) {
        return changed.contains(key(input, name));
    }

    private static String key(Input input, Object name) {
        return input + ":" + name;
    }
}
