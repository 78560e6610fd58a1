package io.siyu.journeys.internal.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A customer's most responsive hour of the week, learned from their own activity with the brand's pattern as the
 * prior. Activity is counted in 168 buckets, one per hour of the week in the customer's time zone (Monday 00:00 to
 * 00:59 is bucket 0). With the customer's counts n_h (N in all) and the brand's normalised pattern p_h, the estimate
 * of hour h is the posterior mean of a Dirichlet-multinomial model, (n_h + α p_h) / (N + α): a customer without
 * history gets the brand's pattern, one with a long history their own, and one with a thin history a mix, pulled
 * toward the brand's by α pseudo-events.
 */
public final class BestHour {

    /** Hours in a week, the buckets. */
    public static final int HOURS = 168;

    /** The prior's weight in pseudo-events. */
    public static final double ALPHA = 15;

    private BestHour() {}

    /** The bucket of an instant: its hour of the week in the zone, Monday 00:00 being 0. */
    public static int bucket(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    /**
     * The estimate per hour of the week: (n_h + α p_h) / (N + α), p_h the brand's share of its activity in hour h
     * (even over the week when the brand has none).
     */
    public static double[] estimate(long[] customer, long[] brand) {
        var brandTotal = 0L;
        var total = 0L;
        for (int h = 0; h < HOURS; h++) {
            brandTotal += brand[h];
            total += customer[h];
        }
        var estimate = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            var prior = brandTotal == 0 ? 1.0 / HOURS : (double) brand[h] / brandTotal;
            estimate[h] = (customer[h] + ALPHA * prior) / (total + ALPHA);
        }
        return estimate;
    }

    /**
     * When to act within {@code [from, from + within)}: at {@code from} if its own hour scores best, else at the start
     * of the best-scoring local hour; the earliest of equal ones.
     */
    public static Instant pick(Instant from, Duration within, ZoneId zone, double[] estimate) {
        var end = from.plus(within);
        var best = from;
        var bestScore = estimate[bucket(from, zone)];
        var hour = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        for (ZonedDateTime at = hour.plusHours(1); at.toInstant().isBefore(end); at = at.plusHours(1)) {
            var score = estimate[bucket(at.toInstant(), zone)];
            if (score > bestScore) {
                best = at.toInstant();
                bestScore = score;
            }
        }
        return best;
    }

    /** The hour of the week that scores best, the first of equal ones. */
    public static int top(double[] estimate) {
        var top = 0;
        for (int h = 1; h < HOURS; h++) {
            if (estimate[h] > estimate[top]) {
                top = h;
            }
        }
        return top;
    }
}
