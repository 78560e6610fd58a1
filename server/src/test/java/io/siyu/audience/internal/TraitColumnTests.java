package io.siyu.audience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.audience.internal.BitSlicedIndex.Comparison;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * Number comparisons on a trait agree with a plain map, whether they are answered from the values' bitmaps (many
 * customers, few distinct numbers) or from the bit-sliced index (few customers, or many distinct numbers).
 */
class TraitColumnTests {

    @Test
    void numberComparisonsAgreeWithAPlainMap() {
        var random = new SplittableRandom(31);
        for (var distinct : new int[] {90, TraitColumn.NUMBER_VALUES_LIMIT + 500}) {
            var column = new TraitColumn();
            var numbers = new HashMap<Integer, BigDecimal>();
            // everyone gets a value, and a third of them a second one, often the same number in another form
            for (int i = 0; i < 200_000; i++) {
                var ordinal = i < 150_000 ? i : random.nextInt(150_000);
                if (random.nextInt(10) == 0) {
                    column.set(ordinal, "not a number");
                    numbers.remove(ordinal);
                    continue;
                }
                var number = i >= 150_000 && numbers.containsKey(ordinal) && random.nextBoolean()
                        ? numbers.get(ordinal)
                        : BigDecimal.valueOf(random.nextInt(distinct) - 10, random.nextInt(3) == 0 ? 1 : 0);
                // the same number as a number, as text and as text with trailing zeros: three texts, one number
                Object value = switch (random.nextInt(3)) {
                    case 0 -> number;
                    case 1 -> number.toPlainString();
                    default -> number.setScale(2).toPlainString();
                };
                column.set(ordinal, value);
                numbers.put(ordinal, number);
            }
            // some customers change or lose their value
            for (int i = 0; i < 5_000; i++) {
                var ordinal = random.nextInt(150_000);
                column.remove(ordinal);
                numbers.remove(ordinal);
            }
            var everyone = new RoaringBitmap();
            everyone.add(0L, 150_000L);
            var few = new RoaringBitmap();
            for (int i = 0; i < 300; i++) {
                few.add(random.nextInt(150_000));
            }
            for (int round = 0; round < 30; round++) {
                var comparison = Comparison.values()[random.nextInt(Comparison.values().length)];
                var value = BigDecimal.valueOf(random.nextInt(distinct + 20) - 20, random.nextInt(2));
                var to = value.add(BigDecimal.valueOf(random.nextInt(40)));
                var compared = new RoaringBitmap();
                var between = new RoaringBitmap();
                numbers.forEach((ordinal, number) -> {
                    if (NumberTest.of(comparison, 0).test(number.compareTo(value))) {
                        compared.add(ordinal);
                    }
                    if (number.compareTo(value) >= 0 && number.compareTo(to) <= 0) {
                        between.add(ordinal);
                    }
                });
                assertThat(column.compareNumber(comparison, value, everyone))
                        .as("%s %s of %d distinct", comparison, value, distinct)
                        .isEqualTo(compared);
                assertThat(column.compareNumber(comparison, value, few)).isEqualTo(RoaringBitmap.and(compared, few));
                assertThat(column.numberBetween(value, to, everyone)).isEqualTo(between);
                assertThat(column.numberBetween(value, to, few)).isEqualTo(RoaringBitmap.and(between, few));
            }
        }
    }
}
