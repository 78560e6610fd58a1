package io.siyu.audience.internal.condition;

import io.siyu.audience.internal.activity.ActivityKey;
import io.siyu.audience.internal.condition.Condition.Operator;
import io.siyu.audience.internal.index.ActivityColumn;
import io.siyu.audience.internal.index.ActivityColumn.Measure;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.BitSlicedIndex;
import io.siyu.audience.internal.index.BitSlicedIndex.Comparison;
import io.siyu.audience.internal.index.NumberTest;
import io.siyu.audience.internal.index.TraitColumn;
import io.siyu.audience.internal.rfm.RfmModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * Answers a condition with the set of live customers that satisfy it, as bitmap algebra over the audience index.
 * The caller holds the index's read lock.
 *
 * <p>Evaluating {@code within} a set of customers (those a batch of events just changed) restricts every costly step,
 * sums over windows first of all, to that set, so keeping segments current costs in proportion to what changed rather
 * than to the size of the audience.
 *
 * <p>Time is in days of the brand's time zone. "Within the last N days" means today and the N − 1 days before it, for
 * facts, behaviour and purchases alike.
 */
public final class SegmentEvaluator {

    private final AudienceIndex index;
    private final Function<ActivityKey, Optional<Integer>> keys;
    private final long today;

    public SegmentEvaluator(AudienceIndex index, Function<ActivityKey, Optional<Integer>> keys, LocalDate today) {
        this.index = index;
        this.keys = keys;
        this.today = today.toEpochDay();
    }

    public RoaringBitmap evaluate(Condition condition, RoaringBitmap within) {
        return evaluateIn(condition, scope(within));
    }

    /** The live customers among {@code within} (everyone live when null): the scope for {@link #evaluateIn}. */
    public RoaringBitmap scope(RoaringBitmap within) {
        return within == null ? index.live().clone() : RoaringBitmap.and(index.live(), within);
    }

    /**
     * The members of {@code scope} (live customers only; left unchanged) that satisfy the condition: for
     * evaluating many conditions over the same customers.
     */
    public RoaringBitmap evaluateIn(Condition condition, RoaringBitmap scope) {
        return RoaringBitmap.and(scope, raw(condition, scope));
    }

    /** The customers satisfying the condition, possibly including some outside {@code base}; callers intersect. */
    private RoaringBitmap raw(Condition condition, RoaringBitmap base) {
        return switch (condition) {
            case Condition.All all -> {
                var result = base.clone();
                for (var part : all.conditions()) {
                    if (result.isEmpty()) {
                        break;
                    }
                    result.and(raw(part, result));
                }
                yield result;
            }
            case Condition.Any any -> {
                var result = new RoaringBitmap();
                for (var part : any.conditions()) {
                    result.or(RoaringBitmap.and(base, raw(part, base)));
                }
                yield result;
            }
            case Condition.Not not -> RoaringBitmap.andNot(base, raw(not.condition(), base));
            case Condition.Attribute attribute -> attribute(attribute, base);
            case Condition.Consent consent -> consent(consent, base);
            case Condition.Behaviour behaviour -> behaviour(behaviour, base);
            case Condition.Purchase purchase -> purchase(purchase, base);
            case Condition.Tag tag -> tag(tag);
            case Condition.Segment segment -> {
                var members = index.segment(segment.segmentId());
                yield members == null ? new RoaringBitmap() : members;
            }
            case Condition.Lifecycle lifecycle -> {
                var members = index.stage(lifecycle.model(), lifecycle.stage());
                yield members == null ? new RoaringBitmap() : members;
            }
            case Condition.Rfm rfm -> rfm(rfm);
        };
    }

    private RoaringBitmap consent(Condition.Consent consent, RoaringBitmap base) {
        var granted = index.granted(consent.category());
        var denied = index.denied(consent.category());
        return switch (consent.state()) {
            case GRANTED -> granted;
            case DENIED -> denied;
            case UNKNOWN -> RoaringBitmap.andNot(RoaringBitmap.andNot(base, granted), denied);
        };
    }

    private RoaringBitmap attribute(Condition.Attribute attribute, RoaringBitmap base) {
        if (attribute.source() == Condition.Source.FACT) {
            if (attribute.name().equals(AudienceIndex.CHANNEL)) {
                return text(index.channel(), attribute, base);
            }
            var fact = AudienceIndex.Fact.of(attribute.name()).orElseThrow();
            var values = index.fact(fact.wireName());
            return switch (fact.kind()) {
                case DAY -> days(values, attribute, base);
                case MONEY -> number(values, attribute, 100, base);
                case NUMBER -> number(values, attribute, 1, base);
            };
        }
        var column = index.trait(attribute.name());
        if (column == null) {
            return attribute.operator() == Operator.NOT_EXISTS ? base : new RoaringBitmap();
        }
        return switch (attribute.operator()) {
            case EXISTS -> column.present();
            case NOT_EXISTS -> RoaringBitmap.andNot(base, column.present());
            case EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, STARTS_WITH -> text(column, attribute, base);
            case GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST, BETWEEN ->
                switch (attribute.operator()) {
                    case BETWEEN -> column.numberBetween(attribute.from(), attribute.to(), base);
                    default -> column.compareNumber(comparison(attribute.operator()), attribute.number(), base);
                };
            case BEFORE -> column.compareDate(Comparison.LT, attribute.date(), base);
            case AFTER -> column.compareDate(Comparison.GT, attribute.date(), base);
            case ON_OR_BETWEEN_DATES -> column.dateBetween(attribute.fromDate(), attribute.toDate(), base);
            case WITHIN_LAST_DAYS ->
                column.dateBetween(
                        LocalDate.ofEpochDay(today - attribute.days() + 1), LocalDate.ofEpochDay(today), base);
            case MORE_THAN_DAYS_AGO ->
                column.compareDate(Comparison.LT, LocalDate.ofEpochDay(today - attribute.days() + 1), base);
            case ANNIVERSARY_WITHIN_NEXT_DAYS ->
                column.anniversaryWithin(LocalDate.ofEpochDay(today), attribute.days());
        };
    }

    private RoaringBitmap text(TraitColumn column, Condition.Attribute attribute, RoaringBitmap base) {
        // a few customers (a batch being applied): their own values looked up, not everyone's bitmaps combined
        var few = base.getCardinality();
        if (few < 4096 && few * 16L <= index.liveCount()) {
            return switch (attribute.operator()) {
                case EQUALS, IN, CONTAINS, STARTS_WITH, NOT_EQUALS, NOT_IN -> {
                    var present = column.present(base);
                    var matching = column.matchingAmong(present, textPredicate(attribute));
                    yield attribute.operator() == Operator.NOT_EQUALS || attribute.operator() == Operator.NOT_IN
                            ? RoaringBitmap.andNot(present, matching)
                            : matching;
                }
                case EXISTS -> column.present(base);
                case NOT_EXISTS -> RoaringBitmap.andNot(base, column.present(base));
                default -> throw new IllegalStateException("not a text operator: " + attribute.operator());
            };
        }
        return switch (attribute.operator()) {
            case EQUALS -> column.equalTo(attribute.values().getFirst());
            case NOT_EQUALS ->
                RoaringBitmap.andNot(
                        column.present(), column.equalTo(attribute.values().getFirst()));
            case IN -> anyOf(column, attribute);
            case NOT_IN -> RoaringBitmap.andNot(column.present(), anyOf(column, attribute));
            case CONTAINS -> column.contains(attribute.values().getFirst());
            case STARTS_WITH -> column.startsWith(attribute.values().getFirst());
            case EXISTS -> column.present();
            case NOT_EXISTS -> RoaringBitmap.andNot(base, column.present());
            default -> throw new IllegalStateException("not a text operator: " + attribute.operator());
        };
    }

    /** Whether a value is one the condition names (for not_equals and not_in: one it excludes), as the index compares. */
    private static java.util.function.Predicate<String> textPredicate(Condition.Attribute attribute) {
        var values = attribute.values();
        return switch (attribute.operator()) {
            case EQUALS, NOT_EQUALS -> values.getFirst()::equals;
            case IN, NOT_IN -> java.util.Set.copyOf(values)::contains;
            case CONTAINS -> TraitColumn.containing(values.getFirst());
            case STARTS_WITH -> TraitColumn.startingWith(values.getFirst());
            default -> throw new IllegalStateException("not a text operator: " + attribute.operator());
        };
    }

    private static RoaringBitmap anyOf(TraitColumn column, Condition.Attribute attribute) {
        var result = new RoaringBitmap();
        for (var value : attribute.values()) {
            result.or(column.equalTo(value));
        }
        return result;
    }

    private RoaringBitmap number(BitSlicedIndex values, Condition.Attribute attribute, int scale, RoaringBitmap base) {
        return switch (attribute.operator()) {
            case EXISTS -> values.existence();
            case NOT_EXISTS -> RoaringBitmap.andNot(base, values.existence());
            case BETWEEN -> values.between(scaled(attribute.from(), scale), scaled(attribute.to(), scale), base);
            case EQUALS, NOT_EQUALS, GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST ->
                values.compare(comparison(attribute.operator()), scaled(attribute.number(), scale), base);
            default -> throw new IllegalStateException("not a number operator: " + attribute.operator());
        };
    }

    private RoaringBitmap days(BitSlicedIndex values, Condition.Attribute attribute, RoaringBitmap base) {
        return switch (attribute.operator()) {
            case EXISTS -> values.existence();
            case NOT_EXISTS -> RoaringBitmap.andNot(base, values.existence());
            case BEFORE -> values.compare(Comparison.LT, attribute.date().toEpochDay(), base);
            case AFTER -> values.compare(Comparison.GT, attribute.date().toEpochDay(), base);
            case ON_OR_BETWEEN_DATES ->
                values.between(
                        attribute.fromDate().toEpochDay(), attribute.toDate().toEpochDay(), base);
            case WITHIN_LAST_DAYS -> values.between(today - attribute.days() + 1, today, base);
            case MORE_THAN_DAYS_AGO -> values.compare(Comparison.LT, today - attribute.days() + 1, base);
            case ANNIVERSARY_WITHIN_NEXT_DAYS -> anniversaries(values, attribute.days(), base);
            default -> throw new IllegalStateException("not a date operator: " + attribute.operator());
        };
    }

    /** Whose date (e.g. first order) has its anniversary today or in the next {@code days} days. */
    private RoaringBitmap anniversaries(BitSlicedIndex values, int days, RoaringBitmap base) {
        var start = TraitColumn.anniversaryDay(LocalDate.ofEpochDay(today));
        var end = start + days;
        var result = new RoaringBitmap();
        var candidates = base == null ? values.existence() : RoaringBitmap.and(values.existence(), base);
        candidates.forEach((int ordinal) -> {
            var day = TraitColumn.anniversaryDay(LocalDate.ofEpochDay(values.get(ordinal)));
            if ((day >= start && day <= end) || day + 365 <= end) {
                result.add(ordinal);
            }
        });
        return result;
    }

    private RoaringBitmap behaviour(Condition.Behaviour behaviour, RoaringBitmap base) {
        var key = behaviour.measure() != null
                ? ActivityKey.measured(behaviour.event(), behaviour.measure())
                : behaviour.property() != null
                        ? ActivityKey.filtered(behaviour.event(), behaviour.property(), behaviour.value())
                        : ActivityKey.of(behaviour.event());
        var column = keys.apply(key).map(index::activity).orElse(null);
        var window = days(behaviour.window());
        if (behaviour.aggregate() != null) {
            if (column == null) {
                return new RoaringBitmap();
            }
            var measure = switch (behaviour.aggregate()) {
                case SUM -> Measure.SUM;
                case MIN -> Measure.MIN;
                case MAX -> Measure.MAX;
            };
            return compare(column, measure, behaviour.aggregateThreshold(), 100, base, window, false);
        }
        return counted(column, behaviour.count(), window, base);
    }

    private RoaringBitmap purchase(Condition.Purchase purchase, RoaringBitmap base) {
        var key = purchase.product() != null
                ? ActivityKey.filtered(ActivityKey.PURCHASE, "product_id", purchase.product())
                : purchase.category() != null
                        ? ActivityKey.filtered(ActivityKey.PURCHASE, "category", purchase.category())
                        : ActivityKey.of(ActivityKey.PURCHASE);
        var window = days(purchase.window());
        var column = keys.apply(key).map(index::activity).orElse(null);
        var result = purchase.count() == null && purchase.spent() != null
                ? base.clone()
                : counted(column, purchase.count(), window, base);
        if (purchase.spent() != null) {
            // spent on the product or category when one is given, on whole orders otherwise
            var spentKey = key.property().isEmpty()
                    ? ActivityKey.measured(ActivityKey.PURCHASE, ActivityKey.AMOUNT)
                    : key.spent();
            var spentColumn = keys.apply(spentKey).map(index::activity).orElse(null);
            if (spentColumn == null) {
                result.and(includesZero(purchase.spent()) ? base : new RoaringBitmap());
            } else {
                result.and(compare(spentColumn, Measure.SUM, purchase.spent(), 100, base, window, true));
            }
        }
        return result;
    }

    /** Customers whose count in the window meets the threshold; no threshold means "at least once". */
    private RoaringBitmap counted(
            ActivityColumn column, Condition.Threshold count, Integer[] window, RoaringBitmap base) {
        if (count == null) {
            return column == null ? new RoaringBitmap() : column.did(window[0], window[1], base);
        }
        if (column == null) {
            return includesZero(count) ? base.clone() : new RoaringBitmap();
        }
        return compare(column, Measure.COUNT, count, 1, base, window, true);
    }

    /**
     * Compares per-customer totals with a threshold; customers without activity have a total of zero, and match when
     * the threshold allows zero (and {@code zeroCounts} says zero is meaningful, as for counts and spend).
     */
    private RoaringBitmap compare(
            ActivityColumn column,
            Measure measure,
            Condition.Threshold threshold,
            int scale,
            RoaringBitmap base,
            Integer[] window,
            boolean zeroCounts) {
        var test = threshold.operator() == Operator.BETWEEN
                ? NumberTest.between(scaled(threshold.value(), scale), scaled(threshold.to(), scale))
                : NumberTest.of(comparison(threshold.operator()), scaled(threshold.value(), scale));
        if (zeroCounts && includesZero(threshold)) {
            // those who did nothing match too: everyone but the doers whose figure fails, in one pass over the window
            return RoaringBitmap.andNot(base, column.matching(measure, test.negate(), window[0], window[1], base));
        }
        return column.matching(measure, test, window[0], window[1], base);
    }

    /** Whether a total of zero meets the threshold: customers who did nothing match "at most 2 times". */
    static boolean includesZero(Condition.Threshold threshold) {
        var sign = threshold.value().signum();
        return switch (threshold.operator()) {
            case EQUALS -> sign == 0;
            case NOT_EQUALS -> sign != 0;
            case AT_MOST -> sign >= 0;
            case LESS_THAN -> sign > 0;
            case AT_LEAST -> sign <= 0;
            case GREATER_THAN -> sign < 0;
            case BETWEEN -> sign <= 0 && threshold.to().signum() >= 0;
            default -> false;
        };
    }

    private RoaringBitmap tag(Condition.Tag tag) {
        if (tag.operator() == null) {
            var members = index.tag(tag.tagId());
            return members == null ? new RoaringBitmap() : members;
        }
        var values = index.tagValues(tag.tagId());
        if (values == null) {
            return new RoaringBitmap();
        }
        return switch (tag.operator()) {
            case EQUALS -> values.equalTo(tag.values().getFirst());
            case IN -> {
                var result = new RoaringBitmap();
                tag.values().forEach(value -> result.or(values.equalTo(value)));
                yield result;
            }
            case CONTAINS -> values.contains(tag.values().getFirst());
            default -> throw new IllegalStateException("not a tag operator: " + tag.operator());
        };
    }

    private RoaringBitmap rfm(Condition.Rfm rfm) {
        if (rfm.group() != null) {
            var members = index.stage(RfmModel.MODEL, rfm.group());
            return members == null ? new RoaringBitmap() : members;
        }
        var result = index.live().clone();
        result.and(score(RfmModel.RECENCY, rfm.recency()));
        result.and(score(RfmModel.FREQUENCY, rfm.frequency()));
        result.and(score(RfmModel.MONETARY, rfm.monetary()));
        return result;
    }

    private RoaringBitmap score(String dimension, int[] range) {
        var scores = index.fact(dimension);
        if (range == null) {
            return index.live();
        }
        return scores == null ? new RoaringBitmap() : scores.between(range[0], range[1], null);
    }

    /** A window as inclusive epoch days; {@code null}s for all time. */
    Integer[] days(Condition.Window window) {
        if (window == null || (window.lastDays() == null && window.from() == null)) {
            return new Integer[] {null, null};
        }
        if (window.lastDays() != null) {
            return new Integer[] {(int) (today - window.lastDays() + 1), (int) today};
        }
        return new Integer[] {
            (int) window.from().toEpochDay(), (int) window.to().toEpochDay()
        };
    }

    static Comparison comparison(Operator operator) {
        return switch (operator) {
            case EQUALS -> Comparison.EQ;
            case NOT_EQUALS -> Comparison.NE;
            case GREATER_THAN -> Comparison.GT;
            case AT_LEAST -> Comparison.GE;
            case LESS_THAN -> Comparison.LT;
            case AT_MOST -> Comparison.LE;
            default -> throw new IllegalStateException("not a comparison: " + operator);
        };
    }

    static long scaled(BigDecimal value, int scale) {
        return value.multiply(BigDecimal.valueOf(scale))
                .setScale(0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
