package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.condition.Condition;
import io.siyu.audience.internal.condition.ConditionInputs;
import io.siyu.audience.internal.condition.SegmentEvaluator;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.definitions.Registry;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.index.Touched;
import io.siyu.audience.internal.rfm.RfmCalculator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/**
 * Keeps every derived set current with the index: lifecycle stages, value tags, rule tags and segments, in an order
 * where whatever a definition refers to is brought up to date first, and the RFM scores and groups.
 *
 * <p>Changes are computed per batch only for the customers the batch concerned, and once a day (and after a definition
 * changes) for everyone, because conditions such as "active in the last 30 days" change as days pass without any
 * event. Each change is handed to the {@link MembershipPublisher}, which announces it to other modules and persists
 * the new members, so that changes made while Siyu was down are announced after a restart.
 */
@Component
public class DerivedSets {

    private final CurrentIndex current;
    private final Definitions definitions;
    private final MembershipPublisher publisher;
    private final RfmCalculator rfm;

    DerivedSets(CurrentIndex current, Definitions definitions, MembershipPublisher publisher, RfmCalculator rfm) {
        this.current = current;
        this.definitions = definitions;
        this.publisher = publisher;
        this.rfm = rfm;
    }

    /** Brings every derived set up to date for {@code within} (everyone when null) and publishes the changes. */
    public void refresh(RoaringBitmap within) {
        refresh(within, Touched.everything());
    }

    /**
     * Brings up to date, for {@code within}, the derived sets that read something {@code touched}, publishes the
     * changes and returns them.
     */
    public List<MembershipPublisher.Change> refresh(RoaringBitmap within, Touched touched) {
        var changes = new ArrayList<MembershipPublisher.Change>();
        current.index().write(() -> changes.addAll(refreshAll(within, touched)));
        publisher.publish(changes);
        return changes;
    }

    /**
     * Places everyone in the stages of a lifecycle model just created, and brings what reads it up to date. The
     * placements are recorded but not announced one by one (nothing changed for the customers, as for a new segment's
     * first members): a model created over ten thousand customers would otherwise start ten thousand stage-change
     * events at once, and every journey listening to stages would wait behind them.
     */
    public void modelCreated(String name) {
        definitions.reload();
        var changes = new ArrayList<MembershipPublisher.Change>();
        current.index().write(() -> changes.addAll(refreshAll(null, Touched.everything())));
        publisher.publish(changes, name);
    }

    /** Reads every definition again after one changed, and brings everyone's sets up to date with it. */
    public void definitionsChanged() {
        definitions.reload();
        refresh(null);
    }

    /**
     * Sets the first members of a new segment. They are not announced as entries (nothing changed for them), but
     * saved with the next members.
     */
    public void segmentCreated(long id, Condition condition) {
        var index = current.index();
        index.write(() -> {
            definitions.reload();
            index.putSegment(id, definitions.evaluator().evaluate(condition, null));
        });
        publisher.markSegment(id);
    }

    /** Scores RFM with the settings in force, as of today, without putting the scores into the index. */
    RfmCalculator.Result scoreRfm() {
        return rfm.compute(current.today());
    }

    /** Scores RFM again with the settings in force and puts the scores into the index. */
    public void rescoreRfm() {
        var result = scoreRfm();
        current.index().write(() -> rfm.apply(result, current.index()));
    }

    /**
     * Evaluates every definition for everyone on a new index, with RFM scored as {@code scores}, and returns the changes
     * against the members last saved (unpublished: a build announces them once the index answers).
     */
    List<MembershipPublisher.Change> evaluateEverything(RfmCalculator.Result scores) {
        var changes = new ArrayList<MembershipPublisher.Change>();
        var index = current.index();
        index.write(() -> {
            definitions.reload();
            rfm.apply(scores, index);
            changes.addAll(refreshAll(null, Touched.everything()));
        });
        return changes;
    }

    /**
     * Brings every derived set up to date for {@code within} (everyone when null): lifecycle stages, value tags, then
     * rule tags and segments in the order of their references. Only definitions that read something {@code touched}
     * (which learns what each step changes) are evaluated. Caller holds the write lock.
     */
    private List<MembershipPublisher.Change> refreshAll(RoaringBitmap within, Touched touched) {
        var refresh = new Refresh(current.index(), definitions.evaluator(), within, touched);
        var registry = definitions.registry();
        refresh.stages(registry);
        refresh.valueTags(registry);
        refresh.ruleTagsAndSegments(registry);
        return refresh.changes;
    }

    /** One refresh: the customers it is for, what has changed so far, and the changes it found. */
    private static final class Refresh {
        private final AudienceIndex index;
        private final SegmentEvaluator evaluator;
        private final RoaringBitmap within;
        /** The live customers among {@code within}: computed once, every definition is evaluated over them. */
        private final RoaringBitmap scope;

        private final Touched touched;
        private final List<MembershipPublisher.Change> changes = new ArrayList<>();

        Refresh(AudienceIndex index, SegmentEvaluator evaluator, RoaringBitmap within, Touched touched) {
            this.index = index;
            this.evaluator = evaluator;
            this.within = within;
            this.scope = evaluator.scope(within);
            this.touched = touched;
        }

        /** Every lifecycle model: each customer in the first stage whose condition they meet. */
        void stages(Registry registry) {
            for (var model : registry.models().values()) {
                if (!ConditionInputs.anyAffected(model.conditions(), touched)) {
                    continue;
                }
                var moves = partition(
                        MembershipPublisher.Kind.STAGE, model.name(), model, index.stagesToChange(model.name()));
                if (!moves.isEmpty()) {
                    touched.changed(Touched.Input.STAGE, model.name());
                    changes.addAll(moves);
                }
            }
        }

        /** Every value tag kept by rules: each customer with the value of the first rule they meet. */
        void valueTags(Registry registry) {
            for (var entry : registry.valueTags().entrySet()) {
                if (!ConditionInputs.anyAffected(entry.getValue().conditions(), touched)) {
                    continue;
                }
                var values = index.tagValuesToChange(entry.getKey());
                var bitmaps = new HashMap<String, RoaringBitmap>();
                for (var value : entry.getValue().values()) {
                    bitmaps.put(value, values.equalTo(value));
                }
                var valueChanges = partition(
                        MembershipPublisher.Kind.TAG_VALUE, String.valueOf(entry.getKey()), entry.getValue(), bitmaps);
                var flags = index.tagToChange(entry.getKey());
                var gotValue = new RoaringBitmap();
                var lostValue = new RoaringBitmap();
                for (var change : valueChanges) {
                    gotValue.or(change.entered());
                    lostValue.or(change.left());
                    change.entered().forEach((int ordinal) -> {
                        values.set(ordinal, change.value());
                        flags.add(ordinal);
                    });
                }
                // customers who met no rule any more keep no value (a rule list without an "otherwise")
                var valueless = RoaringBitmap.andNot(lostValue, gotValue);
                valueless.forEach((int ordinal) -> {
                    values.remove(ordinal);
                    flags.remove(ordinal);
                });
                changes.addAll(valueChanges);
                if (!valueChanges.isEmpty()) {
                    touched.changed(Touched.Input.TAG, entry.getKey());
                }
                if (!valueless.isEmpty()) {
                    // and lose the tag in PostgreSQL too, with a REMOVED line in their tag history
                    changes.add(new MembershipPublisher.Change(
                            MembershipPublisher.Kind.TAG,
                            String.valueOf(entry.getKey()),
                            null,
                            new RoaringBitmap(),
                            valueless));
                }
            }
        }

        /** Rule tags and segments, each after those it refers to. */
        void ruleTagsAndSegments(Registry registry) {
            for (var derived : registry.order()) {
                if (!ConditionInputs.affected(derived.parsed().condition(), touched)) {
                    continue;
                }
                var tag = derived.kind().equals("tag");
                var target = tag ? index.tagToChange(derived.id()) : index.segmentToChange(derived.id());
                var fresh = evaluator.evaluateIn(derived.parsed().condition(), scope);
                var before = within == null ? target.clone() : RoaringBitmap.and(target, within);
                var entered = RoaringBitmap.andNot(fresh, before);
                var left = RoaringBitmap.andNot(before, fresh);
                if (!entered.isEmpty() || !left.isEmpty()) {
                    touched.changed(tag ? Touched.Input.TAG : Touched.Input.SEGMENT, derived.id());
                    target.andNot(left);
                    target.or(entered);
                    changes.add(new MembershipPublisher.Change(
                            tag ? MembershipPublisher.Kind.TAG : MembershipPublisher.Kind.SEGMENT,
                            String.valueOf(derived.id()),
                            null,
                            entered,
                            left));
                }
            }
        }

        /**
         * Assigns everyone in the refresh's customers to the first value whose condition they meet, the last value
         * otherwise, and returns the moves as one change per value (entered) with the values they left.
         */
        private List<MembershipPublisher.Change> partition(
                MembershipPublisher.Kind kind,
                String name,
                Registry.Partition partition,
                Map<String, RoaringBitmap> bitmaps) {
            var remaining = scope.clone();
            var asked = within == null ? index.live() : within; // only read
            var moves = new ArrayList<MembershipPublisher.Change>();
            for (int i = 0; i < partition.values().size(); i++) {
                var value = partition.values().get(i);
                var condition = i < partition.conditions().size()
                        ? partition.conditions().get(i)
                        : null;
                var members =
                        condition == null ? remaining.clone() : evaluator.evaluateIn(condition.condition(), remaining);
                remaining.andNot(members);
                var bitmap = bitmaps.computeIfAbsent(value, v -> new RoaringBitmap());
                var before = RoaringBitmap.and(bitmap, asked);
                var entered = RoaringBitmap.andNot(members, before);
                var left = RoaringBitmap.andNot(before, members);
                bitmap.andNot(left);
                bitmap.or(entered);
                if (!entered.isEmpty() || !left.isEmpty()) {
                    moves.add(new MembershipPublisher.Change(kind, name, value, entered, left));
                }
            }
            return moves;
        }
    }
}
