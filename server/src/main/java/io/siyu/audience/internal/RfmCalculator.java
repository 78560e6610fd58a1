package io.siyu.audience.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes RFM from the per-day purchase activity in PostgreSQL (not from the index, so that windows longer than the
 * index keeps, and historical reference dates, work) and puts scores and groups into the index.
 */
final class RfmCalculator {

    static final String RECENCY_DAYS = "rfm_recency_days";
    static final String FREQUENCY_DAYS = "rfm_frequency_days";
    static final String MONETARY_CENTS = "rfm_monetary_cents";

    private RfmCalculator() {}

    /** The settings in force: window and reference date (today when none is set). */
    record Settings(int windowDays, LocalDate referenceDate) {}

    /** The outcome of a computation: every scored customer and the grid of cells. */
    record Result(Settings settings, LocalDate reference, List<RfmModel.Scored> scored) {

        /** Customers and their total spend per cell, rows by recency score, columns by frequency score. */
        long[][] counts() {
            var counts = new long[5][5];
            scored.forEach(s -> counts[s.recency() - 1][s.frequency() - 1]++);
            return counts;
        }

        BigDecimal[][] monetary() {
            var sums = new BigDecimal[5][5];
            for (var row : sums) {
                java.util.Arrays.fill(row, BigDecimal.ZERO);
            }
            scored.forEach(s -> sums[s.recency() - 1][s.frequency() - 1] =
                    sums[s.recency() - 1][s.frequency() - 1].add(s.values().monetary()));
            return sums;
        }
    }

    static Settings settings(JdbcTemplate jdbc) {
        return jdbc
                .query(
                        "select window_days, reference_date from audience.rfm_settings where id = 1",
                        (rs, n) -> new Settings(rs.getInt(1), rs.getObject(2, LocalDate.class)))
                .stream()
                .findFirst()
                .orElse(new Settings(365, null));
    }

    static Result compute(JdbcTemplate jdbc, ActivityStore keys, Settings settings, LocalDate today) {
        var reference = settings.referenceDate() == null ? today : settings.referenceDate();
        var countKey = keys.id(ActivityKey.of(ActivityRecorder.PURCHASE));
        var amountKey = keys.id(ActivityKey.measured(ActivityRecorder.PURCHASE, ActivityRecorder.AMOUNT));
        if (countKey.isEmpty()) {
            return new Result(settings, reference, List.of());
        }
        var values = new ArrayList<RfmModel.Values>();
        var start = reference.minusDays(settings.windowDays() - 1L).toEpochDay();
        jdbc.query(
                """
                select customer_id, max(day) filter (where key_id = ?) as last_day,
                       count(distinct day) filter (where key_id = ?) as days,
                       coalesce(sum(sum) filter (where key_id = ?), 0) as spent
                  from audience.activity
                 where key_id in (?, ?) and day between ? and ?
                 group by customer_id
                having count(*) filter (where key_id = ?) > 0""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> values.add(new RfmModel.Values(
                        rs.getLong("customer_id"),
                        (int) (reference.toEpochDay() - rs.getInt("last_day")),
                        rs.getInt("days"),
                        rs.getBigDecimal("spent"))),
                countKey.get(),
                countKey.get(),
                amountKey.orElse(-1),
                countKey.get(),
                amountKey.orElse(-1),
                start,
                reference.toEpochDay(),
                countKey.get());
        return new Result(settings, reference, RfmModel.score(values));
    }

    /** Replaces the scores and groups in the index; the caller holds the write lock. */
    static void apply(Result result, AudienceIndex index) {
        var recency = new BitSlicedIndex();
        var frequency = new BitSlicedIndex();
        var monetary = new BitSlicedIndex();
        var recencyDays = new BitSlicedIndex();
        var frequencyDays = new BitSlicedIndex();
        var monetaryCents = new BitSlicedIndex();
        var groups = new HashMap<String, RoaringBitmap>();
        RfmModel.GROUPS.forEach(group -> groups.put(group, new RoaringBitmap()));
        for (var scored : result.scored()) {
            var id = scored.values().customerId();
            if (id > Integer.MAX_VALUE) {
                continue;
            }
            var ordinal = (int) id;
            if (!index.isLive(ordinal)) {
                continue;
            }
            recency.set(ordinal, scored.recency());
            frequency.set(ordinal, scored.frequency());
            monetary.set(ordinal, scored.monetary());
            recencyDays.set(ordinal, Math.max(0, scored.values().recencyDays()));
            frequencyDays.set(ordinal, scored.values().frequency());
            monetaryCents.set(ordinal, AudienceIndex.cents(scored.values().monetary()));
            groups.get(scored.group()).add(ordinal);
        }
        index.replaceFact(RfmModel.RECENCY, recency);
        index.replaceFact(RfmModel.FREQUENCY, frequency);
        index.replaceFact(RfmModel.MONETARY, monetary);
        index.replaceFact(RECENCY_DAYS, recencyDays);
        index.replaceFact(FREQUENCY_DAYS, frequencyDays);
        index.replaceFact(MONETARY_CENTS, monetaryCents);
        index.replaceStages(RfmModel.MODEL, groups);
    }
}
