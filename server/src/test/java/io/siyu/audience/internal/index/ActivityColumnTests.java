package io.siyu.audience.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.audience.internal.index.ActivityColumn.Measure;
import io.siyu.audience.internal.index.BitSlicedIndex.Comparison;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.roaringbitmap.RoaringBitmap;

/**
 * Window figures (count, sum, minimum, maximum) for many customers and for a few agree with a plain map of the rows
 * added, whatever order the rows arrive in and after customers are forgotten.
 */
class ActivityColumnTests {

    /** The day of rows older than the days kept: they count for all time only. */
    private static final int OLD = 10_000;

    /** One customer's figures on one day. */
    private static final class Cell {
        long count;
        long sum;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
    }

    @org.junit.jupiter.api.Test
    void windowFiguresAgreeWithAPlainMap() {
        var random = new SplittableRandom(2026);
        for (int round = 0; round < 40; round++) {
            var column = new ActivityColumn(true);
            var rows = new HashMap<Integer, HashMap<Integer, Cell>>(); // ordinal -> day -> figures
            // first loaded (mostly in ordinal order, some days older than those kept), then as events arrive
            var loaded = random.nextInt(0, 3000);
            for (int i = 0; i < 20_000; i++) {
                if (i == loaded) {
                    column.compact();
                }
                var ordinal = i < loaded && random.nextInt(10) > 0
                        ? i / 3 * 37 // on up to three days each
                        : 1 + random.nextInt(random.nextBoolean() ? 300 : 200_000);
                var day = i < loaded && random.nextInt(10) == 0 ? OLD : 20_000 + random.nextInt(60);
                var count = 1 + random.nextInt(random.nextInt(1, 6));
                var value = random.nextLong(0, 100_000);
                if (i < loaded) {
                    column.load(ordinal, day == OLD ? null : day, count, value * count, value, value);
                } else {
                    column.add(ordinal, day, count, value * count, value, value);
                }
                var cell = rows.computeIfAbsent(ordinal, o -> new HashMap<>()).computeIfAbsent(day, d -> new Cell());
                cell.count += count;
                cell.sum += value * count;
                cell.min = Math.min(cell.min, value);
                cell.max = Math.max(cell.max, value);
            }
            var forgotten = new RoaringBitmap();
            for (int i = 0; i < 50; i++) {
                forgotten.add(1 + random.nextInt(300));
            }
            column.removeAll(forgotten);
            for (int i = 0; i < 20; i++) {
                var ordinal = random.nextBoolean() ? random.nextInt(loaded / 3 + 1) * 37 : random.nextInt(200_000);
                column.remove(ordinal);
                forgotten.add(ordinal);
            }
            forgotten.forEach((int ordinal) -> rows.remove(ordinal));

            // a few customers are looked up, a share of them is read with the whole window
            var few = new RoaringBitmap();
            for (int i = 0; i < 3; i++) {
                few.add(random.nextBoolean() ? 1 + random.nextInt(300) : random.nextInt(loaded / 3 + 1) * 37);
            }
            var some = new RoaringBitmap();
            for (int i = 0; i < 2000; i++) {
                some.add(1 + random.nextInt(200_000));
            }
            // all time is asked with null bounds, and is checked like one more window
            var allTime = random.nextInt(4) == 0;
            var from = allTime ? null : 20_000 + random.nextInt(30);
            var to = allTime ? null : from + random.nextInt(30);
            var totals = totals(rows, allTime ? Integer.MIN_VALUE : from, allTime ? Integer.MAX_VALUE : to);
            assertThat(column.did(from, to))
                    .isEqualTo(RoaringBitmap.bitmapOf(
                            totals.keySet().stream().mapToInt(Integer::intValue).toArray()));
            for (var measure : Measure.values()) {
                for (int t = 0; t < 6; t++) {
                    var comparison = Comparison.values()[random.nextInt(Comparison.values().length)];
                    var threshold = measure == Measure.COUNT ? random.nextLong(0, 12) : random.nextLong(0, 300_000);
                    var chosen = random.nextInt(4) == 0
                            ? NumberTest.between(threshold, threshold + random.nextLong(0, 50_000))
                            : NumberTest.of(comparison, threshold);
                    var test = random.nextInt(3) == 0 ? chosen.negate() : chosen;
                    var expected = new RoaringBitmap();
                    totals.forEach((ordinal, cell) -> {
                        var figure = switch (measure) {
                            case COUNT -> cell.count;
                            case SUM -> cell.sum;
                            case MIN -> cell.min;
                            case MAX -> cell.max;
                        };
                        if (test.test(figure)) {
                            expected.add(ordinal);
                        }
                    });
                    assertThat(column.matching(measure, test, from, to, null))
                            .as("%s %s, many customers", measure, test)
                            .isEqualTo(expected);
                    assertThat(column.matching(measure, test, from, to, few))
                            .as("%s %s, a few customers", measure, test)
                            .isEqualTo(RoaringBitmap.and(expected, few));
                    assertThat(column.matching(measure, test, from, to, some))
                            .as("%s %s, some customers", measure, test)
                            .isEqualTo(RoaringBitmap.and(expected, some));
                }
            }
        }
    }

    private static Map<Integer, Cell> totals(Map<Integer, HashMap<Integer, Cell>> rows, int from, int to) {
        var totals = new HashMap<Integer, Cell>();
        rows.forEach((ordinal, days) -> days.forEach((day, cell) -> {
            if (day >= from && day <= to) {
                var total = totals.computeIfAbsent(ordinal, o -> new Cell());
                total.count += cell.count;
                total.sum += cell.sum;
                total.min = Math.min(total.min, cell.min);
                total.max = Math.max(total.max, cell.max);
            }
        }));
        return totals;
    }
}
