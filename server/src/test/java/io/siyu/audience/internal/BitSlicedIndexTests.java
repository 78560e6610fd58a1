package io.siyu.audience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.audience.internal.BitSlicedIndex.Comparison;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** The bit-sliced index agrees with a plain map of values on every comparison, for random data. */
class BitSlicedIndexTests {

    static RoaringBitmap expected(Map<Integer, Long> values, Comparison comparison, long value, RoaringBitmap within) {
        return RoaringBitmap.bitmapOf(values.entrySet().stream()
                .filter(e -> within == null || within.contains(e.getKey()))
                .filter(e -> switch (comparison) {
                    case EQ -> e.getValue() == value;
                    case NE -> e.getValue() != value;
                    case LT -> e.getValue() < value;
                    case LE -> e.getValue() <= value;
                    case GT -> e.getValue() > value;
                    case GE -> e.getValue() >= value;
                })
                .mapToInt(Map.Entry::getKey)
                .toArray());
    }

    @Test
    void comparisonsAgreeWithAPlainMap() {
        var random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            var signed = random.nextBoolean();
            var index = signed ? BitSlicedIndex.signed() : new BitSlicedIndex();
            var values = new HashMap<Integer, Long>();
            var spread = 1L << random.nextInt(1, 40);
            for (int i = 0; i < random.nextInt(1, 400); i++) {
                var ordinal = random.nextInt(5000);
                var value = signed ? random.nextLong(-spread, spread) : random.nextLong(spread);
                index.set(ordinal, value);
                values.put(ordinal, value);
                if (random.nextInt(10) == 0) {
                    index.remove(ordinal);
                    values.remove(ordinal);
                }
            }
            var within = random.nextBoolean()
                    ? null
                    : RoaringBitmap.bitmapOf(random.ints(300, 0, 5000).toArray());
            for (var comparison : Comparison.values()) {
                var probe = values.isEmpty() || random.nextBoolean()
                        ? random.nextLong(-2 * spread, 2 * spread)
                        : List.copyOf(values.values()).get(random.nextInt(values.size()));
                assertThat(index.compare(comparison, probe, within))
                        .as("round %d: %s %d", round, comparison, probe)
                        .isEqualTo(expected(values, comparison, probe, within));
            }
            for (var entry : values.entrySet()) {
                assertThat(index.get(entry.getKey())).isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void addingIndexesAddsValuesPerOrdinal() {
        var random = new SplittableRandom(12);
        for (int round = 0; round < 100; round++) {
            var left = new BitSlicedIndex();
            var right = new BitSlicedIndex();
            var sums = new HashMap<Integer, Long>();
            for (int i = 0; i < 300; i++) {
                var ordinal = random.nextInt(2000);
                var value = random.nextLong(1L << random.nextInt(1, 30));
                if (random.nextBoolean()) {
                    left.set(ordinal, value);
                } else {
                    right.set(ordinal, value);
                }
            }
            for (var ordinal : RoaringBitmap.or(left.existence(), right.existence())) {
                sums.put(
                        ordinal,
                        (left.has(ordinal) ? left.get(ordinal) : 0) + (right.has(ordinal) ? right.get(ordinal) : 0));
            }

            left.add(right);

            assertThat(left.existence().stream().boxed().collect(Collectors.toSet()))
                    .isEqualTo(sums.keySet());
            for (var entry : sums.entrySet()) {
                assertThat(left.get(entry.getKey())).isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void summingManyIndexesInPairsLeavesThemUnchanged() {
        var random = new SplittableRandom(13);
        for (int round = 0; round < 50; round++) {
            var parts = new java.util.ArrayList<BitSlicedIndex>();
            var sums = new HashMap<Integer, Long>();
            var before = new java.util.ArrayList<java.util.Map<Integer, Long>>();
            for (int p = 0, n = random.nextInt(0, 40); p < n; p++) {
                var part = new BitSlicedIndex();
                var values = new HashMap<Integer, Long>();
                for (int i = 0; i < 50; i++) {
                    var ordinal = random.nextInt(500);
                    var value = random.nextLong(1, 1L << random.nextInt(1, 12));
                    part.set(ordinal, value);
                    values.put(ordinal, value);
                }
                values.forEach((ordinal, value) -> sums.merge(ordinal, value, Long::sum));
                parts.add(part);
                before.add(values);
            }

            var total = BitSlicedIndex.sum(parts);

            assertThat(total.existence().stream().boxed().collect(Collectors.toSet()))
                    .isEqualTo(sums.keySet());
            sums.forEach((ordinal, sum) -> assertThat(total.get(ordinal)).isEqualTo(sum));
            for (int p = 0; p < parts.size(); p++) {
                var part = parts.get(p);
                before.get(p)
                        .forEach((ordinal, value) ->
                                assertThat(part.get(ordinal)).isEqualTo(value));
                assertThat(part.cardinality()).isEqualTo(before.get(p).size());
            }
        }
    }

    @Test
    void betweenIsInclusive() {
        var index = new BitSlicedIndex();
        for (int ordinal = 0; ordinal < 100; ordinal++) {
            index.set(ordinal, ordinal * 10L);
        }

        assertThat(index.between(100, 200, null).getCardinality()).isEqualTo(11);
        assertThat(index.between(5, 5, null).isEmpty()).isTrue();
    }
}
