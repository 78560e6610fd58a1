package io.siyu.journeys.internal.measurement;

/**
 * Count, mean and sum of squared deviations of a group's values (revenue per customer, in money), kept by Welford's
 * update and merged by Chan's formula, so that a million customers' figures lose no precision (a sum of squares of
 * cents would overflow a {@code long}) and groups counted apart can be combined.
 */
public final class Moments {

    private long count;
    private double mean;
    private double squaredDeviations;

    /** The moments of the given values. */
    public static Moments of(double... values) {
        var moments = new Moments();
        for (var value : values) {
            moments.add(value);
        }
        return moments;
    }

    /** The moments of a group known by its size, mean and sample variance (as a database computes them). */
    public static Moments summary(long count, double mean, double variance) {
        var moments = new Moments();
        moments.count = count;
        moments.mean = count == 0 ? 0 : mean;
        moments.squaredDeviations = count < 2 ? 0 : variance * (count - 1);
        return moments;
    }

    public void add(double value) {
        count++;
        var delta = value - mean;
        mean += delta / count;
        squaredDeviations += delta * (value - mean);
    }

    /** Adds the values another group counted. */
    public void merge(Moments other) {
        if (other.count == 0) {
            return;
        }
        var total = count + other.count;
        var delta = other.mean - mean;
        squaredDeviations += other.squaredDeviations + delta * delta * ((double) count * other.count / total);
        mean += delta * other.count / total;
        count = total;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    /** The sample variance (divided by n − 1); 0 for fewer than two values. */
    public double variance() {
        return count < 2 ? 0 : squaredDeviations / (count - 1);
    }
}
