package io.siyu.audience.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.audience.internal.index.BitSlicedIndex.Comparison;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * The bit-sliced index agrees with a plain map of values on every comparison, for random data set one at a time and in
 * batches.
 */
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
                if (random.nextInt(50) == 0) {
                    // a batch, as a pipeline batch sets facts: ascending distinct ordinals, old and new among them
                    var ordinals = random.ints(random.nextInt(1, 300), 0, 5000)
                            .distinct()
                            .sorted()
                            .toArray();
                    var batch = new long[ordinals.length];
                    for (int b = 0; b < ordinals.length; b++) {
                        batch[b] = signed ? random.nextLong(-spread, spread) : random.nextLong(spread);
                        values.put(ordinals[b], batch[b]);
                    }
                    index.setAll(ordinals, batch, ordinals.length);
                }
                if (random.nextInt(80) == 0) {
                    // customers without the fact in a batch lose it all at once
                    var gone = RoaringBitmap.bitmapOf(
                            random.ints(random.nextInt(1, 300), 0, 5000).toArray());
                    index.removeAll(gone);
                    gone.forEach((int o) -> values.remove(o));
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
    void betweenIsInclusive() {
        var index = new BitSlicedIndex();
        for (int ordinal = 0; ordinal < 100; ordinal++) {
            index.set(ordinal, ordinal * 10L);
        }

        assertThat(index.between(100, 200, null).getCardinality()).isEqualTo(11);
        assertThat(index.between(5, 5, null).isEmpty()).isTrue();
    }
}
