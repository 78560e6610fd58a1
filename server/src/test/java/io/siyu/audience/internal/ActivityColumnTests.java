package io.siyu.audience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Count thresholds over windows: levels reached (for few or many customers) agree with summed counts and a map. */
class ActivityColumnTests {

    @Test
    void levelsReachedAgreeWithSummedCounts() {
        var random = new SplittableRandom(2026);
        for (int round = 0; round < 40; round++) {
            var column = new ActivityColumn(false);
            var counts = new HashMap<Integer, HashMap<Integer, Long>>(); // ordinal -> day -> count
            for (int i = 0; i < 3000; i++) {
                var ordinal = 1 + random.nextInt(random.nextBoolean() ? 300 : 200_000);
                var day = 20_000 + random.nextInt(60);
                var count = 1 + random.nextInt(random.nextInt(1, 6));
                column.add(ordinal, day, count, 0, 0, 0);
                counts.computeIfAbsent(ordinal, o -> new HashMap<>()).merge(day, (long) count, Long::sum);
            }
            var from = 20_000 + random.nextInt(30);
            var to = from + random.nextInt(30);
            var few = new RoaringBitmap();
            for (int i = 0; i < 200; i++) {
                few.add(1 + random.nextInt(300));
            }
            for (int n = 1; n <= 7; n++) {
                var expected = new RoaringBitmap();
                for (var entry : counts.entrySet()) {
                    var total = entry.getValue().entrySet().stream()
                            .filter(e -> e.getKey() >= from && e.getKey() <= to)
                            .mapToLong(e -> e.getValue())
                            .sum();
                    if (total >= n) {
                        expected.add(entry.getKey());
                    }
                }
                var summed = column.count(from, to, null).compare(BitSlicedIndex.Comparison.GE, n, null);
                assertThat(summed).isEqualTo(expected);
                assertThat(column.atLeast(n, from, to, null))
                        .as("many customers, level %d", n)
                        .isEqualTo(expected);
                assertThat(column.atLeast(n, from, to, few))
                        .as("few customers, level %d", n)
                        .isEqualTo(RoaringBitmap.and(expected, few));
            }
        }
    }
}
