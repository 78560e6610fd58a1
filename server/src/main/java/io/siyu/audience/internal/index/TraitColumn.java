package io.siyu.audience.internal.index;

import io.siyu.audience.internal.index.BitSlicedIndex.Comparison;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.roaringbitmap.RoaringBitmap;

/**
 * The values of one trait (or text fact) for every customer, indexed three ways at once, because a trait's type is
 * only known from its values: as text (a dictionary, a value id per customer and, while there are few distinct values,
 * one bitmap per value), as a number (a bit-sliced index in hundredths) and as a date (bit-sliced indexes of the
 * day and of the day of the year, for anniversaries).
 *
 * <p>A trait with many distinct values (names, addresses) keeps no bitmaps per value: equality and text matches scan
 * the value ids instead, which costs milliseconds for millions of customers and saves the memory of a bitmap per
 * value.
 */
public final class TraitColumn {

    static final int BITMAP_LIMIT = 50_000;
    /** Up to this many distinct numbers, number ranges are unions of the values' bitmaps rather than slice walks. */
    static final int NUMBER_VALUES_LIMIT = 4096;
    /** Fewer customers than this are compared on the bit-sliced index, whose work follows the customers asked about. */
    private static final int FEW = 1 << 16;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> values = new ArrayList<>(List.of(""));
    /** How each value's text reads ({@link #read}), while there are at most {@link #BITMAP_LIMIT} values. */
    private List<Reading> readings = new ArrayList<>(java.util.Collections.singletonList(null));

    private final IntColumn valueIds = new IntColumn();
    private Map<Integer, RoaringBitmap> bitmaps = new HashMap<>();
    /** The number (in hundredths) of each value id that is one, while there are few. */
    private Map<Integer, Long> numberOfValue = new HashMap<>();

    /** Whether a value is a phone number or an e-mail address, or holds one. */
    private final Predicate<String> personal;
    /** Whether any value ever held is personal: comparing such a trait's values needs personal-data:read. */
    private boolean holdsPersonalData;

    private final RoaringBitmap withText = new RoaringBitmap();
    private final BitSlicedIndex numbers = BitSlicedIndex.signed();
    private final BitSlicedIndex dates = BitSlicedIndex.signed();
    private final BitSlicedIndex daysOfYear = new BitSlicedIndex();

    /** A column that does not look at what its values are (channels, tag values). */
    TraitColumn() {
        this(text -> false);
    }

    /** A column that notes whether any of its values is {@code personal}. */
    TraitColumn(Predicate<String> personal) {
        this.personal = personal;
    }

    /** Sets a customer's value: a string, a number or a boolean; anything else removes it. */
    public void set(int ordinal, Object value) {
        setAll(new int[] {ordinal}, new Object[] {value}, 1);
    }

    /**
     * Sets many customers' values at once: {@code ordinals} ascending and distinct (the first {@code count} of them),
     * each with its value in {@code given}, where null (or anything but a string, number or boolean) removes it;
     * answers whether any of them changed.
     * Customers whose value changes lose the old one first, one at a time; the new values are then added a bitmap at a
     * time (the texts', each value's, and the number and date slices). Adding members one by one costs a search and a
     * shift each wherever a bitmap already holds later members, which is everywhere when a build reads profiles in
     * the order PostgreSQL stores them.
     */
    boolean setAll(int[] ordinals, Object[] given, int count) {
        var holding = present(RoaringBitmap.bitmapOf(Arrays.copyOf(ordinals, count)));
        var texts = new int[count];
        var numbered = new int[count];
        var numberValues = new long[count];
        var dated = new int[count];
        var days = new long[count];
        var anniversaries = new long[count];
        var valued = bitmaps == null ? null : new long[count]; // value id and ordinal, to be sorted by value
        int t = 0, n = 0, d = 0;
        var changed = false;
        var held = holding.getIntIterator(); // ascending, as the ordinals: walked beside them, not searched
        var nextHeld = held.hasNext() ? held.next() : -1;
        for (int i = 0; i < count; i++) {
            var ordinal = ordinals[i];
            var value = given[i];
            while (nextHeld >= 0 && nextHeld < ordinal) {
                nextHeld = held.hasNext() ? held.next() : -1;
            }
            if (nextHeld == ordinal) {
                if (unchanged(ordinal, value)) {
                    continue; // most profile updates leave most traits as they were
                }
                remove(ordinal);
                changed = true;
            }
            var reading = value instanceof String string ? readText(string) : read(value);
            if (reading == null) {
                continue;
            }
            var known = values.size();
            var id = idOf(reading.text());
            valueIds.set(ordinal, id);
            texts[t] = ordinal;
            if (valued != null) {
                valued[t] = (long) id << 32 | ordinal;
            }
            t++;
            if (reading.hundredths() != null) {
                numbered[n] = ordinal;
                numberValues[n++] = reading.hundredths();
                if (numberOfValue != null && id >= known) {
                    numberOfValue.put(id, reading.hundredths()); // a new value: a text always reads as the same number
                    if (numberOfValue.size() > NUMBER_VALUES_LIMIT) {
                        numberOfValue = null;
                    }
                }
            }
            if (reading.date() != null) {
                dated[d] = ordinal;
                days[d] = reading.date().toEpochDay();
                anniversaries[d++] = reading.anniversary();
            }
        }
        withText.or(RoaringBitmap.bitmapOf(Arrays.copyOf(texts, t)));
        numbers.setAll(numbered, numberValues, n);
        dates.setAll(dated, days, d);
        daysOfYear.setAll(dated, anniversaries, d);
        if (valued != null) {
            addToValueBitmaps(valued, t);
        }
        return changed || t > 0;
    }

    /** Adds customers to their values' bitmaps: each element of {@code valued} holds a value id and an ordinal. */
    private void addToValueBitmaps(long[] valued, int count) {
        Arrays.sort(valued, 0, count);
        for (int from = 0; from < count; ) {
            var id = (int) (valued[from] >>> 32);
            var to = from;
            while (to < count && (int) (valued[to] >>> 32) == id) {
                to++;
            }
            var members = new int[to - from];
            for (int i = from; i < to; i++) {
                members[i - from] = (int) valued[i];
            }
            var bitmap = bitmaps.computeIfAbsent(id, i -> new RoaringBitmap());
            if (members.length < bitmap.getContainerCount()) {
                bitmap.addN(members, 0, members.length); // few, spread thin: found and inserted one by one
            } else {
                bitmap.or(RoaringBitmap.bitmapOf(members));
            }
            from = to;
        }
        if (bitmaps.size() > BITMAP_LIMIT) {
            bitmaps = null;
        }
    }

    /**
     * How a value is indexed: always as text; as a number (in hundredths; null when it is none or too large to index)
     * and as a date (with its day of the year for anniversaries) where it reads as one.
     */
    private record Reading(String text, Long hundredths, LocalDate date, int anniversary) {

        Reading(String text, Long hundredths, LocalDate date) {
            this(text, hundredths, date, date == null ? 0 : anniversaryDay(date));
        }
    }

    /** The value id of a text, added to the dictionary when new. */
    private int idOf(String text) {
        var id = dictionary.get(text);
        if (id != null) {
            return id;
        }
        values.add(text);
        holdsPersonalData = holdsPersonalData || personal.test(text);
        if (readings != null) {
            readings.add(read(text));
            if (readings.size() > BITMAP_LIMIT) {
                readings = null;
            }
        }
        dictionary.put(text, values.size() - 1);
        return values.size() - 1;
    }

    /** How a text reads: remembered for each value while there are few, as most customers share a handful. */
    private Reading readText(String text) {
        if (readings != null) {
            var id = dictionary.get(text);
            if (id != null) {
                return readings.get(id);
            }
        }
        return read(text);
    }

    private static Reading read(Object value) {
        return switch (value) {
            case Integer whole -> whole(whole);
            case Long whole -> whole(whole);
            case Number given -> {
                var decimal = new BigDecimal(given.toString());
                yield new Reading(decimal.stripTrailingZeros().toPlainString(), hundredthsIfIndexable(decimal), null);
            }
            case Boolean bool -> new Reading(bool.toString(), null, null);
            case String string when string.isEmpty() || string.length() > 40 -> new Reading(string, null, null);
            case String string -> {
                var date = string.length() >= 10
                                && Character.isDigit(string.charAt(0))
                                && DATE.matcher(string).matches()
                        ? parseDate(string).orElse(null)
                        : null;
                yield new Reading(
                        string,
                        parseNumber(string)
                                .map(TraitColumn::hundredthsIfIndexable)
                                .orElse(null),
                        date);
            }
            case null, default -> null;
        };
    }

    private static Reading whole(long number) {
        Long hundredths;
        try {
            hundredths = Math.multiplyExact(number, 100L);
        } catch (ArithmeticException tooLarge) {
            hundredths = null;
        }
        return new Reading(Long.toString(number), hundredths, null);
    }

    /**
     * Whether the customer already holds this value: the same text, which reads as the same number and date (a number
     * given as a number is indexed as one even where its text would not be, hence the extra check).
     */
    private boolean unchanged(int ordinal, Object value) {
        var id = valueIds.get(ordinal);
        if (id == 0) {
            return false;
        }
        return switch (value) {
            case String string -> string.equals(values.get(id)) && (string.length() <= 40 || !numbers.has(ordinal));
            case Boolean bool -> bool.toString().equals(values.get(id));
            // a whole number's text is short, so it reads as the same number whether given as a number or as text
            case Integer whole -> Integer.toString(whole).equals(values.get(id));
            case Long whole -> Long.toString(whole).equals(values.get(id));
            case Number number ->
                numbers.has(ordinal)
                        && new BigDecimal(number.toString())
                                .stripTrailingZeros()
                                .toPlainString()
                                .equals(values.get(id));
            case null, default -> false;
        };
    }

    public void remove(int ordinal) {
        if (!withText.contains(ordinal) && !numbers.existence().contains(ordinal)) {
            return;
        }
        var id = valueIds.get(ordinal);
        if (id != 0) {
            valueIds.set(ordinal, 0);
            withText.remove(ordinal);
            if (bitmaps != null) {
                var bitmap = bitmaps.get(id);
                if (bitmap != null) {
                    bitmap.remove(ordinal);
                }
            }
        }
        numbers.remove(ordinal);
        dates.remove(ordinal);
        daysOfYear.remove(ordinal);
    }

    /** Customers of {@code within} with any value. */
    public RoaringBitmap present(RoaringBitmap within) {
        var present = RoaringBitmap.and(withText, within);
        present.or(RoaringBitmap.and(numbers.existence(), within));
        return present;
    }

    /** Customers with any value. */
    public RoaringBitmap present() {
        var present = withText.clone();
        present.or(numbers.existence());
        return present;
    }

    public boolean holdsText() {
        return !withText.isEmpty();
    }

    public boolean holdsNumbers() {
        return numbers.cardinality() > 0;
    }

    public boolean holdsDates() {
        return dates.cardinality() > 0;
    }

    /** Whether any value it has held is or holds a phone number or an e-mail address. */
    public boolean holdsPersonalData() {
        return holdsPersonalData;
    }

    public RoaringBitmap equalTo(String text) {
        var id = dictionary.get(text);
        if (id == null) {
            return new RoaringBitmap();
        }
        if (bitmaps != null) {
            var bitmap = bitmaps.get(id);
            return bitmap == null ? new RoaringBitmap() : bitmap.clone();
        }
        return scan(valueId -> valueId == id);
    }

    /** Those of a few customers whose text value satisfies {@code predicate}: their values looked up one by one. */
    public RoaringBitmap matchingAmong(RoaringBitmap few, Predicate<String> predicate) {
        var result = new RoaringBitmap();
        few.forEach((int ordinal) -> {
            var id = valueIds.get(ordinal);
            if (id != 0 && predicate.test(values.get(id))) {
                result.add(ordinal);
            }
        });
        return result;
    }

    RoaringBitmap matching(Predicate<String> predicate) {
        var ids = new java.util.HashSet<Integer>();
        for (int id = 1; id < values.size(); id++) {
            if (predicate.test(values.get(id))) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return new RoaringBitmap();
        }
        if (bitmaps != null) {
            var result = new RoaringBitmap();
            for (var id : ids) {
                var bitmap = bitmaps.get(id);
                if (bitmap != null) {
                    result.or(bitmap);
                }
            }
            return result;
        }
        return scan(ids::contains);
    }

    public RoaringBitmap contains(String fragment) {
        return matching(containing(fragment));
    }

    public RoaringBitmap startsWith(String prefix) {
        return matching(startingWith(prefix));
    }

    /** Whether a value contains {@code fragment}, ignoring case: how contains compares. */
    public static Predicate<String> containing(String fragment) {
        var needle = fragment.toLowerCase(Locale.ROOT);
        return value -> value.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Whether a value starts with {@code prefix}, ignoring case: how starts_with compares. */
    public static Predicate<String> startingWith(String prefix) {
        var needle = prefix.toLowerCase(Locale.ROOT);
        return value -> value.toLowerCase(Locale.ROOT).startsWith(needle);
    }

    private RoaringBitmap scan(java.util.function.IntPredicate valueIdMatches) {
        var result = new RoaringBitmap();
        valueIds.forEach((ordinal, id) -> {
            if (valueIdMatches.test(id)) {
                result.add(ordinal);
            }
        });
        return result;
    }

    public RoaringBitmap compareNumber(Comparison comparison, BigDecimal value, RoaringBitmap within) {
        return numbers(NumberTest.of(comparison, hundredths(value)), within);
    }

    public RoaringBitmap numberBetween(BigDecimal from, BigDecimal to, RoaringBitmap within) {
        return numbers(NumberTest.between(hundredths(from), hundredths(to)), within);
    }

    /**
     * Customers of {@code within} whose number passes the test. A trait with few distinct numbers (ages, levels,
     * scores) answers many customers with the union of the matching values' bitmaps, which is a handful of bitmap
     * operations where a walk over the binary digits would be dozens.
     */
    private RoaringBitmap numbers(NumberTest test, RoaringBitmap within) {
        if (bitmaps == null || numberOfValue == null || within.getCardinality() < FEW) {
            return test.on(numbers, within);
        }
        var matching = new ArrayList<RoaringBitmap>();
        numberOfValue.forEach((id, number) -> {
            var bitmap = bitmaps.get(id);
            if (bitmap != null && test.test(number)) {
                matching.add(bitmap);
            }
        });
        var result = org.roaringbitmap.FastAggregation.or(matching.iterator());
        result.and(within);
        return result;
    }

    public RoaringBitmap compareDate(Comparison comparison, LocalDate date, RoaringBitmap within) {
        return dates.compare(comparison, date.toEpochDay(), within);
    }

    public RoaringBitmap dateBetween(LocalDate from, LocalDate to, RoaringBitmap within) {
        return dates.between(from.toEpochDay(), to.toEpochDay(), within);
    }

    /** Customers whose date falls on a day of the year from {@code from} for {@code days} days, wrapping at year end. */
    public RoaringBitmap anniversaryWithin(LocalDate from, int days) {
        var start = anniversaryDay(from);
        var end = start + days;
        var result = daysOfYear.between(start, Math.min(end, 365), null);
        if (end > 365) {
            result.or(daysOfYear.between(1, end - 365, null));
        }
        return result;
    }

    /**
     * The day of the year in a common (non-leap) year, 1 to 365; February 29 counts as February 28, so that people born
     * on a leap day celebrate every year.
     */
    public static int anniversaryDay(LocalDate date) {
        var day = date.getMonthValue() == 2 && date.getDayOfMonth() == 29 ? date.withDayOfMonth(28) : date;
        return LocalDate.of(2001, day.getMonthValue(), day.getDayOfMonth()).getDayOfYear();
    }

    public static long hundredths(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** A number in hundredths, or null when it is too large to index (beyond ±9e16). */
    private static Long hundredthsIfIndexable(BigDecimal number) {
        try {
            return hundredths(number);
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    private static java.util.Optional<BigDecimal> parseNumber(String text) {
        // most texts are not numbers: a cheap look first, as exceptions are expensive by the million
        var first = text.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.' || first == ' ')
                || !NUMBER.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<LocalDate> parseDate(String text) {
        try {
            if (text.length() == 10) {
                return java.util.Optional.of(LocalDate.parse(text));
            }
            return java.util.Optional.of(OffsetDateTime.parse(text).toLocalDate());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every customer with a text value, in ordinal order. */
    void forEachText(java.util.function.ObjIntConsumer<String> visitor) {
        valueIds.forEach((ordinal, id) -> visitor.accept(values.get(id), ordinal));
    }

    BitSlicedIndex numbers() {
        return numbers;
    }

    BitSlicedIndex dates() {
        return dates;
    }

    int distinctValues() {
        return values.size() - 1;
    }

    long sizeInBytes() {
        long bytes = valueIds.sizeInBytes()
                + withText.getLongSizeInBytes()
                + numbers.sizeInBytes()
                + dates.sizeInBytes()
                + daysOfYear.sizeInBytes()
                + values.size() * 48L;
        if (bitmaps != null) {
            for (var bitmap : bitmaps.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
        }
        return bytes;
    }
}
