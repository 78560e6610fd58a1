package io.siyu.audience.internal.condition;

import io.siyu.audience.internal.activity.ActivityKey;
import io.siyu.audience.internal.index.Touched;
import java.util.List;

/**
 * What a condition reads, against what a batch changed ({@link Touched}): a definition that reads nothing the batch
 * changed cannot have changed for its customers, and the refresh after the batch skips it.
 */
public final class ConditionInputs {

    private ConditionInputs() {}

    /** Whether the condition reads anything changed. */
    public static boolean affected(Condition condition, Touched touched) {
        if (touched.isEverything()) {
            return true;
        }
        return switch (condition) {
            case Condition.All all -> all.conditions().stream().anyMatch(part -> affected(part, touched));
            case Condition.Any any -> any.conditions().stream().anyMatch(part -> affected(part, touched));
            case Condition.Not not -> affected(not.condition(), touched);
            case Condition.Attribute attribute ->
                touched.isChanged(
                        attribute.source() == Condition.Source.FACT ? Touched.Input.FACT : Touched.Input.TRAIT,
                        attribute.name());
            case Condition.Consent consent -> touched.isChanged(Touched.Input.CONSENT, consent.category());
            case Condition.Behaviour behaviour -> touched.isChanged(Touched.Input.EVENT, behaviour.event());
            case Condition.Purchase purchase -> touched.isChanged(Touched.Input.EVENT, ActivityKey.PURCHASE);
            case Condition.Tag tag -> touched.isChanged(Touched.Input.TAG, tag.tagId());
            case Condition.Segment segment -> touched.isChanged(Touched.Input.SEGMENT, segment.segmentId());
            case Condition.Lifecycle lifecycle -> touched.isChanged(Touched.Input.STAGE, lifecycle.model());
            case Condition.Rfm rfm -> false; // scores change only when RFM is computed again, with a full refresh
        };
    }

    /** Whether any of the conditions reads anything changed. */
    public static boolean anyAffected(List<ConditionParser.Parsed> conditions, Touched touched) {
        return conditions.stream().anyMatch(parsed -> affected(parsed.condition(), touched));
    }
}
