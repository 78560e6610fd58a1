package io.siyu.audience.internal.index;

import io.siyu.audience.internal.index.BitSlicedIndex.Comparison;
import org.roaringbitmap.RoaringBitmap;

/**
 * A test of a number per customer (a trait in hundredths, a window's count or sum): a comparison with {@code value},
 * or, when the comparison is null, the closed range from {@code value} to {@code to}; {@code negated} turns it around.
 */
public record NumberTest(Comparison comparison, long value, long to, boolean negated) {

    public static NumberTest of(Comparison comparison, long value) {
        return new NumberTest(comparison, value, value, false);
    }

    public static NumberTest between(long from, long to) {
        return new NumberTest(null, from, to, false);
    }

    /** The opposite test: true exactly where this one is false. */
    public NumberTest negate() {
        return new NumberTest(comparison, value, to, !negated);
    }

    boolean test(long figure) {
        return negated != passes(figure);
    }

    private boolean passes(long figure) {
        if (comparison == null) {
            return figure >= value && figure <= to;
        }
        return switch (comparison) {
            case EQ -> figure == value;
            case NE -> figure != value;
            case LT -> figure < value;
            case LE -> figure <= value;
            case GT -> figure > value;
            case GE -> figure >= value;
        };
    }

    RoaringBitmap on(BitSlicedIndex figures, RoaringBitmap within) {
        var passing =
                comparison == null ? figures.between(value, to, within) : figures.compare(comparison, value, within);
        if (!negated) {
            return passing;
        }
        var all = within == null ? figures.existence().clone() : RoaringBitmap.and(figures.existence(), within);
        all.andNot(passing);
        return all;
    }
}
