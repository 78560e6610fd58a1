package io.siyu.audience.internal;

import io.siyu.audience.internal.BitSlicedIndex.Comparison;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * What customers did under one activity key (an event, an event with a property value, or a measured property),
 * per day and in all: who did it, how many times, and, for a measured key, the sum, minimum and maximum of the
 * measure. Behaviour windows combine the days they cover; "ever" is kept apart so that it needs no combination.
 *
 * <p>Counts and sums per day are bit-sliced indexes; a window's count is their sum (a ripple-carry addition per day)
 * and its minimum or maximum follows from the days' own: the maximum over a window is at least X exactly when some day's
 * maximum is, and at most X exactly when no day's maximum exceeds it.
 */
final class ActivityColumn {

    /** One day's (or all time's) figures. Sums, minimums and maximums are in hundredths of the measure. */
    static final class Stats {
        final RoaringBitmap did = new RoaringBitmap();
        final BitSlicedIndex count = new BitSlicedIndex();
        final BitSlicedIndex sum;
        final BitSlicedIndex min;
        final BitSlicedIndex max;

        Stats(boolean measured) {
            sum = measured ? new BitSlicedIndex() : null;
            min = measured ? new BitSlicedIndex() : null;
            max = measured ? new BitSlicedIndex() : null;
        }

        void add(int ordinal, long count, long sum, long min, long max) {
            var known = did.contains(ordinal);
            did.add(ordinal);
            this.count.set(ordinal, (known ? this.count.get(ordinal) : 0) + count);
            if (this.sum != null) {
                this.sum.set(ordinal, (known && this.sum.has(ordinal) ? this.sum.get(ordinal) : 0) + sum);
                this.min.set(ordinal, known && this.min.has(ordinal) ? Math.min(this.min.get(ordinal), min) : min);
                this.max.set(ordinal, known && this.max.has(ordinal) ? Math.max(this.max.get(ordinal), max) : max);
            }
        }

        void remove(int ordinal) {
            if (!did.contains(ordinal)) {
                return;
            }
            did.remove(ordinal);
            count.remove(ordinal);
            if (sum != null) {
                sum.remove(ordinal);
                min.remove(ordinal);
                max.remove(ordinal);
            }
        }

        void removeAll(RoaringBitmap ordinals) {
            did.andNot(ordinals);
            count.removeAll(ordinals);
            if (sum != null) {
                sum.removeAll(ordinals);
                min.removeAll(ordinals);
                max.removeAll(ordinals);
            }
        }

        long sizeInBytes() {
            var bytes = did.getLongSizeInBytes() + count.sizeInBytes();
            if (sum != null) {
                bytes += sum.sizeInBytes() + min.sizeInBytes() + max.sizeInBytes();
            }
            return bytes;
        }
    }

    private final boolean measured;
    private final Stats ever;
    private final TreeMap<Integer, Stats> days = new TreeMap<>();

    ActivityColumn(boolean measured) {
        this.measured = measured;
        this.ever = new Stats(measured);
    }

    boolean measured() {
        return measured;
    }

    /** Adds a day's activity of a customer: counts and sums add up, minimums and maximums combine. */
    void add(int ordinal, int day, long count, long sum, long min, long max) {
        days.computeIfAbsent(day, d -> new Stats(measured)).add(ordinal, count, sum, min, max);
        ever.add(ordinal, count, sum, min, max);
    }

    /** Adds only to the all-time figures (for days older than the index keeps). */
    void addEver(int ordinal, long count, long sum, long min, long max) {
        ever.add(ordinal, count, sum, min, max);
    }

    void remove(int ordinal) {
        ever.remove(ordinal);
        for (var stats : days.values()) {
            stats.remove(ordinal);
        }
    }

    /** Forgets the activity of all of {@code ordinals} at once. */
    void removeAll(RoaringBitmap ordinals) {
        ever.removeAll(ordinals);
        for (var stats : days.values()) {
            stats.removeAll(ordinals);
        }
    }

    /** Forgets days before {@code firstKept}; their activity stays in the all-time figures. */
    void forgetBefore(int firstKept) {
        days.headMap(firstKept, false).clear();
    }

    Map<Integer, Stats> days(int from, int to) {
        return days.subMap(from, true, to, true);
    }

    /** Who did it at least once in the window ({@code null} bounds mean all time). */
    RoaringBitmap did(Integer from, Integer to) {
        return did(from, to, null);
    }

    /**
     * Who of {@code within} (everyone if null) did it at least once in the window; with a few customers each day is
     * first cut down to them, so that a batch's re-evaluation does not union every day's whole bitmap.
     */
    RoaringBitmap did(Integer from, Integer to, RoaringBitmap within) {
        var small = within != null && within.getCardinality() < 4096;
        if (from == null) {
            return small ? RoaringBitmap.and(ever.did, within) : ever.did.clone();
        }
        var window = days(from, to).values();
        if (window.isEmpty()) {
            return new RoaringBitmap();
        }
        if (small) {
            var result = new RoaringBitmap();
            for (var stats : window) {
                result.or(RoaringBitmap.and(stats.did, within));
            }
            return result;
        }
        return org.roaringbitmap.FastAggregation.or(
                window.stream().map(stats -> stats.did).iterator());
    }

    /**
     * Who of {@code within} (everyone if null) did it at least {@code n} times in the window, without adding counts
     * up: a bitmap per level 1..n of who has reached it so far, raised day by day (a customer reaches level k on a day
     * when they did it i times that day and had reached k − i before). Each day costs work in proportion to that day's
     * customers, not to everyone seen so far, which makes small thresholds over long windows cheap.
     */
    RoaringBitmap atLeast(int n, Integer from, Integer to, RoaringBitmap within) {
        if (from == null) {
            return ever.count.compare(BitSlicedIndex.Comparison.GE, n, within);
        }
        var small = within != null && within.getCardinality() < 4096;
        if (!small) {
            return atLeastDense(n, days(from, to).values(), within);
        }
        var reached = new RoaringBitmap[n + 1];
        for (int k = 1; k <= n; k++) {
            reached[k] = new RoaringBitmap();
        }
        var day = new RoaringBitmap[n + 1];
        for (var stats : days(from, to).values()) {
            var did = small ? RoaringBitmap.and(stats.did, within) : stats.did;
            if (did.isEmpty()) {
                continue;
            }
            day[1] = did;
            for (int k = 2; k <= n; k++) {
                day[k] = stats.count.compare(BitSlicedIndex.Comparison.GE, k, did);
            }
            for (int k = n; k >= 1; k--) {
                var raised = day[k].clone();
                for (int i = 1; i < k; i++) {
                    if (!day[i].isEmpty() && !reached[k - i].isEmpty()) {
                        raised.or(RoaringBitmap.and(reached[k - i], day[i]));
                    }
                }
                reached[k].or(raised);
            }
        }
        return reached[n];
    }

    /**
     * {@link #atLeast} over many customers: the levels reached are plain bit sets (a bit per ordinal), so that raising
     * them for a day costs in proportion to that day's customers, whatever the levels already hold.
     */
    private static RoaringBitmap atLeastDense(int n, java.util.Collection<Stats> window, RoaringBitmap within) {
        var highest = -1;
        for (var stats : window) {
            if (!stats.did.isEmpty()) {
                highest = Math.max(highest, stats.did.last());
            }
        }
        if (highest < 0) {
            return new RoaringBitmap();
        }
        var reached = new long[n + 1][(highest >>> 6) + 1];
        var day = new RoaringBitmap[n + 1];
        for (var stats : window) {
            if (stats.did.isEmpty()) {
                continue;
            }
            day[1] = stats.did;
            for (int k = 2; k <= n; k++) {
                day[k] = stats.count.compare(BitSlicedIndex.Comparison.GE, k, stats.did);
            }
            for (int k = n; k >= 1; k--) {
                var level = reached[k];
                day[k].forEach((int ordinal) -> level[ordinal >>> 6] |= 1L << ordinal);
                for (int i = 1; i < k; i++) {
                    var before = reached[k - i];
                    day[i].forEach((int ordinal) -> {
                        if ((before[ordinal >>> 6] & (1L << ordinal)) != 0) {
                            level[ordinal >>> 6] |= 1L << ordinal;
                        }
                    });
                }
            }
        }
        var result = org.roaringbitmap.BitSetUtil.bitmapOf(reached[n]);
        if (within != null) {
            result.and(within);
        }
        return result;
    }

    /** How many times each customer (of {@code within}, or all) did it in the window. */
    BitSlicedIndex count(Integer from, Integer to, RoaringBitmap within) {
        return total(from, to, within, stats -> stats.count);
    }

    /** The sum of the measure per customer (of {@code within}, or all) in the window, in hundredths. */
    BitSlicedIndex sum(Integer from, Integer to, RoaringBitmap within) {
        return total(from, to, within, stats -> stats.sum);
    }

    private BitSlicedIndex total(
            Integer from, Integer to, RoaringBitmap within, java.util.function.Function<Stats, BitSlicedIndex> part) {
        if (from == null) {
            var all = part.apply(ever);
            return within == null ? all : all.restrictedTo(within);
        }
        var parts = new java.util.ArrayList<BitSlicedIndex>();
        var limit = within == null ? Integer.MAX_VALUE : within.getCardinality();
        for (var stats : days(from, to).values()) {
            var day = part.apply(stats);
            // restricting pays when it leaves out most of the day's customers, as for a batch's few customers,
            // most of whom did nothing that day
            if (limit < day.cardinality() / 4) {
                if (RoaringBitmap.intersects(day.existence(), within)) {
                    parts.add(day.restrictedTo(within));
                }
            } else {
                parts.add(day);
            }
        }
        return BitSlicedIndex.sum(parts);
    }

    /** Customers whose minimum (or maximum) of the measure in the window compares as asked with {@code value}. */
    RoaringBitmap extreme(
            boolean maximum, Comparison comparison, long value, Integer from, Integer to, RoaringBitmap within) {
        if (from == null) {
            return (maximum ? ever.max : ever.min).compare(comparison, value, within);
        }
        var window = days(from, to).values();
        var active = did(from, to, within);
        // "some day" comparisons hold for the window when they hold on any day; "every day" ones on all days
        var someDay = maximum
                ? comparison == Comparison.GT || comparison == Comparison.GE
                : comparison == Comparison.LT || comparison == Comparison.LE;
        if (someDay) {
            var result = new RoaringBitmap();
            for (var stats : window) {
                result.or((maximum ? stats.max : stats.min).compare(comparison, value, within));
            }
            return result;
        }
        if (comparison == Comparison.EQ || comparison == Comparison.NE) {
            var atMostOrLeast = extreme(maximum, maximum ? Comparison.LE : Comparison.GE, value, from, to, within);
            var strictly = extreme(maximum, maximum ? Comparison.LT : Comparison.GT, value, from, to, within);
            var equal = RoaringBitmap.andNot(atMostOrLeast, strictly);
            return comparison == Comparison.EQ ? equal : RoaringBitmap.andNot(active, equal);
        }
        // every day: the window's maximum is at most X when no day's maximum is above X (and likewise for minimum)
        var opposite = switch (comparison) {
            case LT -> Comparison.GE;
            case LE -> Comparison.GT;
            case GT -> Comparison.LE;
            case GE -> Comparison.LT;
            default -> throw new IllegalStateException();
        };
        var violating = new RoaringBitmap();
        for (var stats : window) {
            violating.or((maximum ? stats.max : stats.min).compare(opposite, value, within));
        }
        return RoaringBitmap.andNot(active, violating);
    }

    Stats ever() {
        return ever;
    }

    int daysKept() {
        return days.size();
    }

    long sizeInBytes() {
        long bytes = ever.sizeInBytes();
        for (var stats : days.values()) {
            bytes += stats.sizeInBytes();
        }
        return bytes;
    }
}
