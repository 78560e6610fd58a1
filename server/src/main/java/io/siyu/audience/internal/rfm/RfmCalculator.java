package io.siyu.audience.internal.rfm;

import io.siyu.audience.internal.activity.ActivityKey;
import io.siyu.audience.internal.activity.ActivityStore;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.BitSlicedIndex;
import io.siyu.shared.Timestamps;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes RFM from the per-day purchase activity in PostgreSQL (not from the index, so that windows longer than the
 * index keeps, and historical reference dates, work) with the settings operators chose, puts scores and groups into
 * the index, and keeps the last result for the RFM grid.
 */
@Component
public class RfmCalculator {

    public static final String RECENCY_DAYS = "rfm_recency_days";
    public static final String FREQUENCY_DAYS = "rfm_frequency_days";
    public static final String MONETARY_CENTS = "rfm_monetary_cents";

    private final JdbcTemplate jdbc;
    private final ActivityStore keys;
    private final Clock clock;
    private volatile Result last;

    RfmCalculator(JdbcTemplate jdbc, ActivityStore keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** The settings in force: window and reference date (today when none is set). */
    public record Settings(int windowDays, LocalDate referenceDate) {}

    /** The outcome of a computation: every scored customer and the grid of cells. */
    public record Result(Settings settings, LocalDate reference, List<RfmModel.Scored> scored) {

        /** Customers and their total spend per cell, rows by recency score, columns by frequency score. */
        public long[][] counts() {
            var counts = new long[5][5];
            scored.forEach(s -> counts[s.recency() - 1][s.frequency() - 1]++);
            return counts;
        }

        public BigDecimal[][] monetary() {
            var sums = new BigDecimal[5][5];
            for (var row : sums) {
                java.util.Arrays.fill(row, BigDecimal.ZERO);
            }
            scored.forEach(s -> sums[s.recency() - 1][s.frequency() - 1] =
                    sums[s.recency() - 1][s.frequency() - 1].add(s.values().monetary()));
            return sums;
        }
    }

    /** The settings in force: a year up to today unless operators chose otherwise. */
    Settings settings() {
        return jdbc
                .query(
                        "select window_days, reference_date from audience.rfm_settings where id = 1",
                        (rs, n) -> new Settings(rs.getInt(1), rs.getObject(2, LocalDate.class)))
                .stream()
                .findFirst()
                .orElse(new Settings(365, null));
    }

    /** Chooses the window and reference date (null: today) of the next computations. */
    public void saveSettings(int windowDays, LocalDate referenceDate, String by) {
        jdbc.update("""
                insert into audience.rfm_settings (id, window_days, reference_date, updated_by, updated_at)
                values (1, ?, ?, ?, ?)
                on conflict (id) do update set window_days = excluded.window_days,
                       reference_date = excluded.reference_date, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at""", windowDays, referenceDate, by, Timestamps.of(clock.instant()));
    }

    /** Scores everyone who bought in the window of the settings in force, as of their reference date or today. */
    public Result compute(LocalDate today) {
        var settings = settings();
        var reference = settings.referenceDate() == null ? today : settings.referenceDate();
        var countKey = keys.id(ActivityKey.of(ActivityKey.PURCHASE));
        var amountKey = keys.id(ActivityKey.measured(ActivityKey.PURCHASE, ActivityKey.AMOUNT));
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

    /** Replaces the scores and groups in the index with a result, which becomes the last; the caller holds the write lock. */
    public void apply(Result result, AudienceIndex index) {
        putScores(result, index);
        last = result;
    }

    /** The last result applied, null before the first. */
    public Result last() {
        return last;
    }

    /** Replaces the scores and groups in the index with those of a result; the caller holds the write lock. */
    static void putScores(Result result, AudienceIndex index) {
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
