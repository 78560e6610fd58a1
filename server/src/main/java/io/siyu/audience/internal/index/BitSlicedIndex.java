package io.siyu.audience.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * A bit-sliced index: a number per customer ordinal, stored as one bitmap per binary digit, so that "every customer
 * whose value is at least 30" is a dozen bitmap operations instead of a scan of millions of values.
 *
 * <p>Slice {@code i} holds the ordinals whose value has bit {@code i} set; the existence bitmap holds the ordinals that
 * have a value at all. Comparisons walk the slices from the most significant bit down and keep three sets, the
 * ordinals already known to be greater, already known to be less, and still equal so far (O'Neil and Quass, "Improved
 * query performance with variant indexes", 1997). Values are stored relative to a base, so negative numbers work;
 * the base moves down (and the slices are rewritten) only when a smaller value arrives.
 *
 * <p>Not thread-safe: the audience index guards it.
 */
public final class BitSlicedIndex {

    public enum Comparison {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }

    private final List<RoaringBitmap> slices = new ArrayList<>();
    private final RoaringBitmap existence = new RoaringBitmap();
    private final boolean signed;
    private long base;
    private boolean baseSet;

    /** An index of non-negative values (counts, amounts in cents, days since 1970). */
    public BitSlicedIndex() {
        this.signed = false;
        this.baseSet = true;
    }

    private BitSlicedIndex(boolean signed) {
        this.signed = signed;
    }

    /** An index of any values, for traits that may be negative. */
    static BitSlicedIndex signed() {
        return new BitSlicedIndex(true);
    }

    /** Sets the value of an ordinal, replacing any value it had. */
    public void set(int ordinal, long value) {
        lowerBaseTo(value);
        var offset = offset(value);
        addSlicesFor(offset);
        if (!existence.checkedAdd(ordinal)) {
            // only the digits that differ from the value held change (a count going up by one changes one or two)
            offset ^= get(ordinal) - base;
            for (int bit = 0; offset != 0; bit++, offset >>>= 1) {
                if ((offset & 1) != 0) {
                    slices.get(bit).flip(ordinal);
                }
            }
            return;
        }
        for (int bit = 0; offset != 0; bit++, offset >>>= 1) {
            if ((offset & 1) != 0) {
                slices.get(bit).add(ordinal);
            }
        }
    }

    /**
     * Sets the values of many ordinals at once ({@code ordinals} ascending and distinct, the first {@code count} of
     * them): the old values are read a slice at a time for all of them, as the intersection of the slice with the
     * ordinals, and each slice is then changed by one exclusive-or with the ordinals whose digit differs. For a batch of
     * thousands this is a few hundred bitmap operations instead of a membership test per ordinal and digit. Answers
     * whether any of them changed (gained a value, or holds another one).
     */
    boolean setAll(int[] ordinals, long[] values, int count) {
        if (count == 0) {
            return false;
        }
        var lowest = values[0];
        for (int i = 1; i < count; i++) {
            lowest = Math.min(lowest, values[i]);
        }
        lowerBaseTo(lowest);
        var flips = new long[count]; // the new offset, then exclusive-or the old one: the digits that change
        long highest = 0;
        for (int i = 0; i < count; i++) {
            flips[i] = offset(values[i]);
            highest |= flips[i];
        }
        addSlicesFor(highest);
        var batch = RoaringBitmap.bitmapOf(Arrays.copyOf(ordinals, count));
        for (int bit = 0; bit < slices.size(); bit++) {
            var held = RoaringBitmap.and(slices.get(bit), batch).getIntIterator();
            var at = 0;
            while (held.hasNext()) {
                var ordinal = held.next();
                while (ordinals[at] != ordinal) {
                    at++;
                }
                flips[at] ^= 1L << bit;
            }
        }
        var held = existence.getLongCardinality();
        existence.or(batch);
        long differs = 0;
        for (var flip : flips) {
            differs |= flip;
        }
        for (int bit = 0; differs != 0 && bit < slices.size(); bit++) {
            var changed = RoaringBitmapWriter.writer().get();
            for (int i = 0; i < count; i++) {
                if ((flips[i] & (1L << bit)) != 0) {
                    changed.add(ordinals[i]);
                }
            }
            var flipped = changed.get();
            if (!flipped.isEmpty()) {
                slices.get(bit).xor(flipped);
            }
        }
        return differs != 0 || existence.getLongCardinality() != held;
    }

    /** Makes {@code value} representable: the first value sets the base, a lower one (signed only) moves it. */
    private void lowerBaseTo(long value) {
        if (!baseSet) {
            base = value;
            baseSet = true;
        } else if (value < base) {
            if (!signed) {
                throw new IllegalArgumentException("a non-negative index cannot hold " + value);
            }
            rebase(value);
        }
    }

    private long offset(long value) {
        var offset = value - base;
        if (offset < 0) {
            throw new ArithmeticException("value range too wide for a bit-sliced index: " + value);
        }
        return offset;
    }

    /** Adds slices until every binary digit of {@code offsets} (one offset or several or-ed) has one. */
    private void addSlicesFor(long offsets) {
        var needed = 64 - Long.numberOfLeadingZeros(offsets);
        while (slices.size() < needed) {
            slices.add(new RoaringBitmap());
        }
    }

    void remove(int ordinal) {
        if (!existence.checkedRemove(ordinal)) {
            return;
        }
        for (var slice : slices) {
            slice.remove(ordinal);
        }
    }

    /** Removes the values of these ordinals, a bitmap operation per slice; answers whether any held one. */
    boolean removeAll(RoaringBitmap ordinals) {
        if (!RoaringBitmap.intersects(existence, ordinals)) {
            return false;
        }
        existence.andNot(ordinals);
        for (var slice : slices) {
            slice.andNot(ordinals);
        }
        return true;
    }

    public boolean has(int ordinal) {
        return existence.contains(ordinal);
    }

    /** The value of an ordinal; only meaningful when {@link #has} says it has one. */
    public long get(int ordinal) {
        long offset = 0;
        for (int bit = 0; bit < slices.size(); bit++) {
            if (slices.get(bit).contains(ordinal)) {
                offset |= 1L << bit;
            }
        }
        return base + offset;
    }

    public RoaringBitmap existence() {
        return existence;
    }

    int cardinality() {
        return existence.getCardinality();
    }

    /** The ordinals whose value compares to {@code value} as asked, among {@code within} (all ordinals if null). */
    public RoaringBitmap compare(Comparison comparison, long value, RoaringBitmap within) {
        var candidates = within == null ? existence.clone() : RoaringBitmap.and(existence, within);
        if (candidates.isEmpty()) {
            return candidates;
        }
        var offset = value - base;
        return switch (comparison) {
            case EQ -> split(offset, candidates, false, false).equal();
            case NE -> {
                var parts = split(offset, candidates, true, true);
                yield RoaringBitmap.or(parts.less(), parts.greater());
            }
            case LT -> split(offset, candidates, true, false).less();
            case LE -> {
                var parts = split(offset, candidates, true, false);
                parts.less().or(parts.equal());
                yield parts.less();
            }
            case GT -> split(offset, candidates, false, true).greater();
            case GE -> {
                var parts = split(offset, candidates, false, true);
                parts.greater().or(parts.equal());
                yield parts.greater();
            }
        };
    }

    /** The ordinals whose value lies in {@code [from, to]}, among {@code within}. */
    public RoaringBitmap between(long from, long to, RoaringBitmap within) {
        if (from > to) {
            return new RoaringBitmap();
        }
        var atLeast = compare(Comparison.GE, from, within);
        return compare(Comparison.LE, to, atLeast);
    }

    private record Parts(RoaringBitmap less, RoaringBitmap equal, RoaringBitmap greater) {}

    /**
     * Splits {@code candidates} (which it may change) into those below, at and above {@code offset}, walking the slices
     * from the highest bit; the parts not asked for are left empty, which saves a bitmap operation per slice.
     */
    private Parts split(long offset, RoaringBitmap candidates, boolean wantLess, boolean wantGreater) {
        if (offset < 0) {
            return new Parts(new RoaringBitmap(), new RoaringBitmap(), candidates);
        }
        var bits = 64 - Long.numberOfLeadingZeros(offset);
        if (bits > slices.size()) {
            // the value needs more binary digits than any stored value has: everything is less
            return new Parts(candidates, new RoaringBitmap(), new RoaringBitmap());
        }
        var less = new RoaringBitmap();
        var greater = new RoaringBitmap();
        var equal = candidates;
        for (int bit = slices.size() - 1; bit >= 0 && !equal.isEmpty(); bit--) {
            var slice = slices.get(bit);
            if ((offset & (1L << bit)) != 0) {
                if (wantLess) {
                    less.or(RoaringBitmap.andNot(equal, slice));
                }
                equal.and(slice);
            } else {
                if (wantGreater) {
                    greater.or(RoaringBitmap.and(equal, slice));
                }
                equal.andNot(slice);
            }
        }
        return new Parts(less, equal, greater);
    }

    /** Rewrites every value relative to a lower base; rare, as it touches every ordinal. */
    private void rebase(long newBase) {
        var values = new java.util.HashMap<Integer, Long>();
        for (var ordinal : existence) {
            values.put(ordinal, get(ordinal));
        }
        slices.clear();
        base = newBase;
        values.forEach(this::set);
    }

    long sizeInBytes() {
        long bytes = existence.getLongSizeInBytes();
        for (var slice : slices) {
            bytes += slice.getLongSizeInBytes();
        }
        return bytes;
    }
}
