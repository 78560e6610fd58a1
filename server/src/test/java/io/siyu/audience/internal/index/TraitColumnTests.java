package io.siyu.audience.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.audience.internal.index.BitSlicedIndex.Comparison;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * Values set a batch at a time (customers gaining, changing, keeping and losing values of every type, in the same
     * batch) index the same customers under each text, number and date as a plain map of everyone's last value.
     */
    @Test
    void batchesAgreeWithAPlainMap() {
        var random = new SplittableRandom(47);
        Object[] pool = {
            "a",
            "b",
            "12",
            "12.50",
            " 7 ",
            "2024-02-29",
            "2023-07-01T10:00:00+08:00",
            12,
            3.5,
            12.5,
            true,
            null,
            Map.of()
        };
        var column = new TraitColumn();
        var held = new HashMap<Integer, Object>();
        for (int round = 0; round < 300; round++) {
            var batch = new java.util.TreeSet<Integer>();
            var size = 1 + random.nextInt(round % 10 == 0 ? 2_000 : 50);
            while (batch.size() < size) {
                batch.add(random.nextInt(5_000));
            }
            var ordinals = batch.stream().mapToInt(Integer::intValue).toArray();
            var values = new Object[ordinals.length];
            for (int i = 0; i < ordinals.length; i++) {
                values[i] = pool[random.nextInt(pool.length)];
                var indexed =
                        values[i] instanceof String || values[i] instanceof Number || values[i] instanceof Boolean;
                if (indexed) {
                    held.put(ordinals[i], values[i]);
                } else {
                    held.remove(ordinals[i]);
                }
            }
            column.setAll(ordinals, values, ordinals.length);
        }
        var everyone = new RoaringBitmap();
        everyone.add(0L, 5_000L);
        var texts = new java.util.TreeSet<String>();
        held.values().forEach(value -> texts.add(text(value)));
        for (var text : texts) {
            assertThat(column.equalTo(text))
                    .as(text)
                    .isEqualTo(members(held, value -> text(value).equals(text)));
        }
        assertThat(column.present()).isEqualTo(members(held, value -> true));
        for (var number : new String[] {"12", "12.5", "3.5", "7"}) {
            var expected = new BigDecimal(number);
            assertThat(column.compareNumber(Comparison.EQ, expected, everyone))
                    .as(number)
                    .isEqualTo(members(
                            held,
                            value -> number(value) != null && number(value).compareTo(expected) == 0));
        }
        for (var date : new String[] {"2024-02-29", "2023-07-01"}) {
            var day = java.time.LocalDate.parse(date);
            assertThat(column.compareDate(Comparison.EQ, day, everyone))
                    .as(date)
                    .isEqualTo(members(held, value -> value instanceof String text && text.startsWith(date)));
        }
    }

    private static String text(Object value) {
        return value instanceof Number number
                ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                : value.toString();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return value instanceof String text ? new BigDecimal(text.strip()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static RoaringBitmap members(Map<Integer, Object> held, java.util.function.Predicate<Object> test) {
        var members = new RoaringBitmap();
        held.forEach((ordinal, value) -> {
            if (test.test(value)) {
                members.add(ordinal);
            }
        });
        return members;
    }
}
