package io.siyu.audience.internal;

import io.siyu.audience.internal.BitSlicedIndex.Comparison;
import org.roaringbitmap.RoaringBitmap;

/**
 * A test of a number per customer (a trait in hundredths, a window's count or sum): a comparison with {@code value},
 * or, when the comparison is null, the closed range from {@code value} to {@code to}.
 */
record NumberTest(Comparison comparison, long value, long to) {

    static NumberTest of(Comparison comparison, long value) {
        return new NumberTest(comparison, value, value);
    }

    static NumberTest between(long from, long to) {
        return new NumberTest(null, from, to);
    }

    boolean test(long figure) {
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
        return comparison == null ? figures.between(value, to, within) : figures.compare(comparison, value, within);
    }
}
