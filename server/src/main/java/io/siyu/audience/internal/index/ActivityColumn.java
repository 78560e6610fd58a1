package io.siyu.audience.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.roaringbitmap.BitmapContainer;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * What customers did under one activity key (an event, an event with a property value, or a measured property),
 * per day and in all: who did it, how many times, and, for a measured key, the sum, minimum and maximum of the
 * measure.
 *
 * <p>Each day, and all time, is kept as rows in ascending ordinal order (parallel arrays), and a window is answered by
 * running through the rows of its days once, adding each row into a scratch array indexed by ordinal: the cost follows
 * the number of rows in the window, not the number of customers or of binary digits, and minimums, maximums and exact
 * equality come out as easily as sums. When only a few customers are asked about (a batch's), their rows are looked up
 * instead. An event adds to two rows, its day's and all time's, each found by a binary search. Who ever did it is also
 * kept as a bitmap, the commonest question of all.
 */
public final class ActivityColumn {

    /** What a window condition measures per customer. */
    public enum Measure {
        COUNT,
        SUM,
        MIN,
        MAX
    }

    /** Receives rows in ascending ordinal order; sums, minimums and maximums are zero for keys that measure nothing. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(int ordinal, long count, long sum, long min, long max);
    }

    /**
     * Rows in ascending ordinal order, as parallel arrays; measures are null for a key that measures nothing. Counts
     * of one day fit an int.
     */
    static final class Rows {
        private static final int[] NO_ORDINALS = new int[0];

        int[] ordinals = NO_ORDINALS;
        int[] counts = NO_ORDINALS;
        long[] sums;
        long[] mins;
        long[] maxs;
        int size;

        Rows(boolean measured) {
            if (measured) {
                sums = new long[0];
                mins = new long[0];
                maxs = new long[0];
            }
        }

        /**
         * The position of {@code ordinal}, or {@code -(insertion point) - 1} when it has no row. Customer ids are
         * spread evenly enough that interpolation lands near the row; from there the search gallops (8, 32, 128, …
         * places) until the row is bracketed, and does so again within the bracket, so that a run of millions costs a
         * handful of cache misses instead of one for each of the twenty-odd steps of a binary search. A binary search
         * finishes, and bounds the cost should the ids be clustered.
         */
        int find(int ordinal) {
            return find(ordinal, 0, size);
        }

        /** As {@link #find(int)}, among the rows from {@code from} (inclusive) to {@code to} (exclusive). */
        private int find(int ordinal, int from, int to) {
            var lo = from;
            var hi = to - 1;
            for (int round = 0; round < 3 && hi - lo > 32; round++) {
                var low = ordinals[lo];
                var high = ordinals[hi];
                if (ordinal <= low) {
                    return ordinal == low ? lo : -lo - 1;
                }
                if (ordinal >= high) {
                    return ordinal == high ? hi : -hi - 2;
                }
                var guess = lo + (int) ((long) (ordinal - low) * (hi - lo) / ((long) high - low));
                var at = ordinals[guess];
                if (at == ordinal) {
                    return guess;
                }
                var bound = guess;
                var step = 8;
                if (at < ordinal) {
                    while (true) {
                        var next = bound + step;
                        if (next >= hi) {
                            lo = bound + 1;
                            break;
                        }
                        if (ordinals[next] >= ordinal) {
                            lo = bound + 1;
                            hi = next;
                            break;
                        }
                        bound = next;
                        step <<= 2;
                    }
                } else {
                    while (true) {
                        var next = bound - step;
                        if (next <= lo) {
                            hi = bound - 1;
                            break;
                        }
                        if (ordinals[next] <= ordinal) {
                            lo = next;
                            hi = bound - 1;
                            break;
                        }
                        bound = next;
                        step <<= 2;
                    }
                }
            }
            return lo > hi ? -lo - 1 : Arrays.binarySearch(ordinals, lo, hi + 1, ordinal);
        }

        /** Adds figures to the row at {@code at}, or with {@code replace} overwrites them. */
        void combine(int at, long count, long sum, long min, long max, boolean replace) {
            counts[at] = (int) Math.min(Integer.MAX_VALUE, (replace ? 0 : counts[at]) + count);
            if (sums != null) {
                sums[at] = replace ? sum : sums[at] + sum;
                mins[at] = replace ? min : Math.min(mins[at], min);
                maxs[at] = replace ? max : Math.max(maxs[at], max);
            }
        }

        void insert(int at, int ordinal, long count, long sum, long min, long max) {
            if (size == ordinals.length) {
                resize(Math.max(4, size + (size >> 1)));
            }
            shift(at, size - at, 1);
            ordinals[at] = ordinal;
            counts[at] = (int) Math.min(Integer.MAX_VALUE, count);
            if (sums != null) {
                sums[at] = sum;
                mins[at] = min;
                maxs[at] = max;
            }
            size++;
        }

        /** Removes the row at {@code at}; a negative position (no such row) changes nothing. */
        void removeAt(int at) {
            if (at < 0) {
                return;
            }
            var tail = size - at - 1;
            System.arraycopy(ordinals, at + 1, ordinals, at, tail);
            System.arraycopy(counts, at + 1, counts, at, tail);
            if (sums != null) {
                System.arraycopy(sums, at + 1, sums, at, tail);
                System.arraycopy(mins, at + 1, mins, at, tail);
                System.arraycopy(maxs, at + 1, maxs, at, tail);
            }
            size--;
        }

        /** Keeps the rows whose ordinal {@code keep} accepts, in place. */
        void retain(java.util.function.IntPredicate keep) {
            var kept = 0;
            for (int i = 0; i < size; i++) {
                if (keep.test(ordinals[i])) {
                    move(i, kept++);
                }
            }
            size = kept;
        }

        private void move(int from, int to) {
            if (from != to) {
                copyRow(this, from, to);
            }
        }

        /** Sorts rows appended in any order by ordinal, combining the rows of the same ordinal into one. */
        void sortAndCombine() {
            var keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((long) ordinals[i] << 32) | i;
            }
            Arrays.sort(keys);
            var sorted = new Rows(sums != null);
            sorted.resize(size);
            for (var key : keys) {
                var ordinal = (int) (key >>> 32);
                var at = (int) key;
                var last = sorted.size - 1;
                if (last >= 0 && sorted.ordinals[last] == ordinal) {
                    sorted.combine(last, counts[at], measured(sums, at), measured(mins, at), measured(maxs, at), false);
                } else {
                    sorted.insert(
                            sorted.size,
                            ordinal,
                            counts[at],
                            measured(sums, at),
                            measured(mins, at),
                            measured(maxs, at));
                }
            }
            ordinals = sorted.ordinals;
            counts = sorted.counts;
            sums = sorted.sums;
            mins = sorted.mins;
            maxs = sorted.maxs;
            size = sorted.size;
        }

        private static long measured(long[] values, int at) {
            return values == null ? 0 : values[at];
        }

        private void resize(int capacity) {
            ordinals = Arrays.copyOf(ordinals, capacity);
            counts = Arrays.copyOf(counts, capacity);
            if (sums != null) {
                sums = Arrays.copyOf(sums, capacity);
                mins = Arrays.copyOf(mins, capacity);
                maxs = Arrays.copyOf(maxs, capacity);
            }
        }

        /**
         * Merges {@code other} (disjoint from this run, both ascending) into this run in place, from the back, so that
         * a run of millions (all time's) is not copied into new arrays for every few thousand newcomers: each stretch
         * of this run between two newcomers moves up in one block copy.
         */
        void mergeIn(Rows other) {
            var total = size + other.size;
            if (total > ordinals.length) {
                resize(total + (total >> 3));
            }
            var end = size; // this run's rows before {@code end} have not moved yet
            for (int j = other.size - 1; j >= 0; j--) {
                var at = -find(other.ordinals[j], 0, end) - 1;
                shift(at, end - at, j + 1);
                copyRow(other, j, at + j);
                end = at;
            }
            size = total;
        }

        /** Moves {@code length} rows from {@code from} up by {@code by} places. */
        private void shift(int from, int length, int by) {
            if (length == 0) {
                return;
            }
            System.arraycopy(ordinals, from, ordinals, from + by, length);
            System.arraycopy(counts, from, counts, from + by, length);
            if (sums != null) {
                System.arraycopy(sums, from, sums, from + by, length);
                System.arraycopy(mins, from, mins, from + by, length);
                System.arraycopy(maxs, from, maxs, from + by, length);
            }
        }

        private void copyRow(Rows source, int from, int to) {
            ordinals[to] = source.ordinals[from];
            counts[to] = source.counts[from];
            if (sums != null) {
                sums[to] = source.sums[from];
                mins[to] = source.mins[from];
                maxs[to] = source.maxs[from];
            }
        }

        /** A copy of this run that can be changed on its own. */
        Rows copy() {
            var copy = new Rows(sums != null);
            copy.ordinals = ordinals;
            copy.counts = counts;
            copy.sums = sums;
            copy.mins = mins;
            copy.maxs = maxs;
            copy.size = size;
            copy.resize(size);
            return copy;
        }

        void trim() {
            if (ordinals.length > size) {
                resize(size);
            }
        }

        long figure(Measure measure, int at) {
            return switch (measure) {
                case COUNT -> counts[at];
                case SUM -> sums[at];
                case MIN -> mins[at];
                case MAX -> maxs[at];
            };
        }

        long sizeInBytes() {
            return 4L * ordinals.length + 4L * counts.length + (sums == null ? 0 : 24L * sums.length);
        }
    }

    /**
     * One day's (or all time's) rows: a settled run, and a short run of customers who arrived since it was last merged,
     * so that a customer new to the day costs a shift of the short run rather than of the whole day. The short run is
     * merged in when it reaches about the square root of the settled run's size (at least {@value #RECENT_LIMIT}),
     * which balances the two costs. The two runs never hold the same ordinal. While the index is built, rows are only
     * appended, and sorted once at the end.
     */
    static final class Day {
        private static final int RECENT_LIMIT = 1024;

        private final Rows settled;
        private Rows recent;
        private boolean unsorted;

        Day(boolean measured) {
            settled = new Rows(measured);
            recent = new Rows(measured);
        }

        /** Adds a customer's row; answers whether the customer had none. */
        public boolean add(int ordinal, long count, long sum, long min, long max) {
            return put(ordinal, count, sum, min, max, false);
        }

        /**
         * Adds a customer's row, or with {@code replace} overwrites it with these figures; answers whether the customer
         * had none.
         */
        boolean put(int ordinal, long count, long sum, long min, long max, boolean replace) {
            var at = settled.find(ordinal);
            if (at >= 0) {
                settled.combine(at, count, sum, min, max, replace);
                return false;
            }
            if (-at - 1 == settled.size && recent.size == 0) {
                settled.insert(settled.size, ordinal, count, sum, min, max); // in order, as while loading
                return true;
            }
            at = recent.find(ordinal);
            if (at >= 0) {
                recent.combine(at, count, sum, min, max, replace);
                return false;
            }
            recent.insert(-at - 1, ordinal, count, sum, min, max);
            if (recent.size >= Math.max(RECENT_LIMIT, 2 * (int) Math.sqrt(settled.size))) {
                settle();
            }
            return true;
        }

        /** Appends a row without looking for the customer's; {@link #compact} sorts and combines them. */
        void append(int ordinal, long count, long sum, long min, long max) {
            if (settled.size > 0 && ordinal <= settled.ordinals[settled.size - 1]) {
                unsorted = true;
            }
            settled.insert(settled.size, ordinal, count, sum, min, max);
        }

        private void settle() {
            settled.mergeIn(recent);
            recent = new Rows(recent.sums != null);
        }

        void compact() {
            if (unsorted) {
                settled.sortAndCombine();
                unsorted = false;
            }
            if (recent.size > 0) {
                settle();
            }
            settled.trim();
        }

        void remove(int ordinal) {
            settled.removeAt(settled.find(ordinal));
            recent.removeAt(recent.find(ordinal));
        }

        void removeAll(RoaringBitmap ordinals) {
            settled.retain(ordinal -> !ordinals.contains(ordinal));
            recent.retain(ordinal -> !ordinals.contains(ordinal));
        }

        boolean isEmpty() {
            return settled.size == 0 && recent.size == 0;
        }

        int rows() {
            return settled.size + recent.size;
        }

        void forEachRow(RowConsumer consumer) {
            var rows = settled;
            if (recent.size > 0) {
                rows = settled.copy();
                rows.mergeIn(recent);
            }
            var measured = rows.sums != null;
            for (int i = 0; i < rows.size; i++) {
                consumer.accept(
                        rows.ordinals[i],
                        rows.counts[i],
                        measured ? rows.sums[i] : 0,
                        measured ? rows.mins[i] : 0,
                        measured ? rows.maxs[i] : 0);
            }
        }

        long sizeInBytes() {
            return settled.sizeInBytes() + recent.sizeInBytes();
        }
    }

    /**
     * How many ordinals a window is read at a time: figures for a block fit a core's cache, and a block lies within one
     * of the result's containers (65,536 ordinals).
     */
    static final int BLOCK = 1 << 15;

    private final boolean measured;
    private final Day ever;
    private final RoaringBitmap everDid = new RoaringBitmap();
    private final TreeMap<Integer, Day> days = new TreeMap<>();

    ActivityColumn(boolean measured) {
        this.measured = measured;
        this.ever = new Day(measured);
    }

    public boolean measured() {
        return measured;
    }

    /** Adds a day's activity of a customer: counts and sums add up, minimums and maximums combine. */
    public void add(int ordinal, int day, long count, long sum, long min, long max) {
        days.computeIfAbsent(day, d -> new Day(measured)).add(ordinal, count, sum, min, max);
        addEver(ordinal, count, sum, min, max);
    }

    /**
     * Adds a row while the index is built ({@code day} null for days older than the index keeps), without keeping the
     * rows in order; {@link #compact} must follow before the column is read.
     */
    public void load(int ordinal, Integer day, long count, long sum, long min, long max) {
        if (day != null) {
            days.computeIfAbsent(day, d -> new Day(measured)).append(ordinal, count, sum, min, max);
        }
        ever.append(ordinal, count, sum, min, max);
        everDid.add(ordinal);
    }

    /**
     * Sets a customer's figures for a day ({@code day} null: for all time) to those stored, whatever the index held,
     * as when a customer is caught up with PostgreSQL.
     */
    public void replace(int ordinal, Integer day, long count, long sum, long min, long max) {
        if (day == null) {
            ever.put(ordinal, count, sum, min, max, true);
            everDid.add(ordinal);
        } else {
            days.computeIfAbsent(day, d -> new Day(measured)).put(ordinal, count, sum, min, max, true);
        }
    }

    /** Adds only to the all-time figures (for days older than the index keeps). */
    public void addEver(int ordinal, long count, long sum, long min, long max) {
        if (ever.add(ordinal, count, sum, min, max)) {
            everDid.add(ordinal); // all time has a row for everyone who did it: only a new row is a new member
        }
    }

    void remove(int ordinal) {
        if (!everDid.checkedRemove(ordinal)) {
            return; // every day's rows are also in all time's
        }
        ever.remove(ordinal);
        for (var day : days.values()) {
            day.remove(ordinal);
        }
    }

    /** Forgets the activity of all of {@code ordinals} at once. */
    void removeAll(RoaringBitmap ordinals) {
        if (!RoaringBitmap.intersects(everDid, ordinals)) {
            return;
        }
        everDid.andNot(ordinals);
        ever.removeAll(ordinals);
        for (var day : days.values()) {
            day.removeAll(ordinals);
        }
    }

    /** Sorts what was loaded, settles every day's recent rows and gives back unused room in the arrays. */
    void compact() {
        ever.compact();
        days.values().forEach(Day::compact);
    }

    /** Forgets days before {@code firstKept}; their activity stays in the all-time figures. */
    void forgetBefore(int firstKept) {
        days.headMap(firstKept, false).clear();
    }

    /** Who did it at least once in the window ({@code null} bounds mean all time). */
    public RoaringBitmap did(Integer from, Integer to) {
        return did(from, to, null);
    }

    /** Who of {@code within} (everyone if null) did it at least once in the window. */
    public RoaringBitmap did(Integer from, Integer to, RoaringBitmap within) {
        if (from == null) {
            return within == null ? everDid.clone() : RoaringBitmap.and(everDid, within);
        }
        return window(Measure.COUNT, null, days.subMap(from, true, to, true).values(), within);
    }

    /**
     * Who of {@code within} (everyone if null) did it in the window ({@code null} bounds: all time) with a
     * {@code measure} (count, sum, minimum or maximum over the window's days) that passes {@code test}; customers who
     * did not do it at all are never included.
     */
    public RoaringBitmap matching(Measure measure, NumberTest test, Integer from, Integer to, RoaringBitmap within) {
        if (measure != Measure.COUNT && !measured) {
            throw new IllegalStateException("a key that measures nothing has no " + measure);
        }
        var window =
                from == null ? List.of(ever) : days.subMap(from, true, to, true).values();
        return window(measure, test, window, within);
    }

    /** The doers of the window whose measure passes the test ({@code null}: all doers), among {@code within}. */
    private static RoaringBitmap window(
            Measure measure, NumberTest test, Collection<Day> window, RoaringBitmap within) {
        long rows = 0;
        for (var day : window) {
            rows += day.rows();
        }
        if (rows == 0) {
            return new RoaringBitmap();
        }
        // a few customers asked about: look their rows up (two binary searches a day each) instead of reading all
        if (within != null && within.getLongCardinality() * window.size() * 40 < rows) {
            return lookUp(measure, test, window, within);
        }
        var runs = new ArrayList<Rows>(2 * window.size());
        for (var day : window) {
            runs.add(day.settled);
            runs.add(day.recent);
        }
        var scratch = Scratch.borrow();
        var result = scratch.run(measure, test, runs);
        Scratch.release(scratch);
        if (within != null) {
            result.and(within);
        }
        return result;
    }

    private static RoaringBitmap lookUp(
            Measure measure, NumberTest test, Collection<Day> window, RoaringBitmap within) {
        var writer = RoaringBitmapWriter.writer().get();
        within.forEach((int ordinal) -> {
            var seen = false;
            long figure = 0;
            for (var day : window) {
                for (int run = 0; run < 2; run++) {
                    var rows = run == 0 ? day.settled : day.recent;
                    var at = rows.find(ordinal);
                    if (at < 0) {
                        continue;
                    }
                    var value = rows.figure(measure, at);
                    figure = !seen
                            ? value
                            : switch (measure) {
                                case COUNT, SUM -> figure + value;
                                case MIN -> Math.min(figure, value);
                                case MAX -> Math.max(figure, value);
                            };
                    seen = true;
                }
            }
            if (seen && (test == null || test.test(figure))) {
                writer.add(ordinal);
            }
        });
        return writer.get();
    }

    /**
     * A figure and a "has a figure" bit per ordinal of one block of {@value #BLOCK} ordinals, reused across queries. A
     * window is read block by block: every run's rows of the block are added in, and the block is read out in ordinal
     * order, which leaves the scratch clean again. Working on a block at a time keeps the figures in the processor's
     * cache, however many customers there are. A few are kept for concurrent queries; one lost to an exception is simply
     * not returned.
     */
    private static final class Scratch {
        private static final int KEPT = 8;
        private static final ConcurrentLinkedQueue<Scratch> FREE = new ConcurrentLinkedQueue<>();

        private final long[] figures = new long[BLOCK];
        private final long[] seen = new long[BLOCK >>> 6];
        /** The members found so far in the current container of 65,536 ordinals, as bits; handed to the result. */
        private long[] members = new long[1 << 10];

        static Scratch borrow() {
            var scratch = FREE.poll();
            return scratch != null ? scratch : new Scratch();
        }

        static void release(Scratch scratch) {
            if (FREE.size() < KEPT) {
                FREE.offer(scratch);
            }
        }

        RoaringBitmap run(Measure measure, NumberTest test, List<Rows> runs) {
            var result = new RoaringBitmap();
            var container = -1; // the high 16 bits of the ordinals in members
            var cursors = new int[runs.size()];
            while (true) {
                // the next block that has rows in any run
                var next = Integer.MAX_VALUE;
                for (int r = 0; r < cursors.length; r++) {
                    var rows = runs.get(r);
                    if (cursors[r] < rows.size) {
                        next = Math.min(next, rows.ordinals[cursors[r]]);
                    }
                }
                if (next == Integer.MAX_VALUE) {
                    append(result, container);
                    return result;
                }
                var start = next & -BLOCK;
                if (start >>> 16 != container) {
                    append(result, container);
                    container = start >>> 16;
                }
                var end = (long) start + BLOCK;
                for (int r = 0; r < cursors.length; r++) {
                    cursors[r] = add(measure, runs.get(r), cursors[r], start, end);
                }
                var into = (start & 0xFFFF) >>> 6;
                for (int w = 0; w < seen.length; w++) {
                    var word = seen[w];
                    if (word == 0) {
                        continue;
                    }
                    seen[w] = 0;
                    var matched = test == null ? word : 0L;
                    while (word != 0) {
                        var bit = Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        var offset = (w << 6) + bit;
                        if (test != null && test.test(figures[offset])) {
                            matched |= 1L << bit;
                        }
                        figures[offset] = 0;
                    }
                    members[into + w] = matched;
                }
            }
        }

        /**
         * Appends the members gathered for one container of ordinals (65,536 of them, two blocks) to the result, as a
         * bitmap or, when few, an array container, and starts the next container afresh.
         */
        private void append(RoaringBitmap result, int container) {
            if (container < 0) {
                return;
            }
            var any = 0L;
            for (var word : members) {
                any |= word;
            }
            if (any != 0) {
                result.append((char) container, new BitmapContainer(members, -1).repairAfterLazy());
                members = new long[1 << 10];
            }
        }

        /** Adds the rows of {@code rows} from {@code from} on that fall in the block; answers where it stopped. */
        private int add(Measure measure, Rows rows, int from, int start, long end) {
            var ordinals = rows.ordinals;
            var size = rows.size;
            var i = from;
            switch (measure) {
                case COUNT -> {
                    var counts = rows.counts;
                    for (; i < size && ordinals[i] < end; i++) {
                        var offset = ordinals[i] - start;
                        figures[offset] += counts[i];
                        seen[offset >>> 6] |= 1L << offset;
                    }
                }
                case SUM -> {
                    var sums = rows.sums;
                    for (; i < size && ordinals[i] < end; i++) {
                        var offset = ordinals[i] - start;
                        figures[offset] += sums[i];
                        seen[offset >>> 6] |= 1L << offset;
                    }
                }
                case MIN, MAX -> {
                    var values = measure == Measure.MIN ? rows.mins : rows.maxs;
                    var minimum = measure == Measure.MIN;
                    for (; i < size && ordinals[i] < end; i++) {
                        var offset = ordinals[i] - start;
                        var bit = 1L << offset;
                        var word = offset >>> 6;
                        var value = values[i];
                        if ((seen[word] & bit) == 0) {
                            figures[offset] = value;
                            seen[word] |= bit;
                        } else {
                            figures[offset] =
                                    minimum ? Math.min(figures[offset], value) : Math.max(figures[offset], value);
                        }
                    }
                }
            }
            return i;
        }
    }

    Day ever() {
        return ever;
    }

    /** Each kept day with rows, oldest first. */
    void forEachDay(java.util.function.ObjIntConsumer<Day> consumer) {
        days.forEach((day, rows) -> {
            if (!rows.isEmpty()) {
                consumer.accept(rows, day);
            }
        });
    }

    long sizeInBytes() {
        long bytes = ever.sizeInBytes();
        for (var day : days.values()) {
            bytes += day.sizeInBytes();
        }
        return bytes;
    }
}
