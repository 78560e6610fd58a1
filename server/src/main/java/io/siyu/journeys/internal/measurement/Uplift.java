package io.siyu.journeys.internal.measurement;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;

/**
 * What a journey changed, treated group minus control group, with a confidence interval and a two-sided p-value.
 *
 * <p>Conversion is compared as two proportions: the test uses the pooled standard error (the usual two-proportion z
 * test), the interval the unpooled one (Wald), or, when a group has fewer than {@value #SMALL_CELL} conversions or
 * non-conversions and Wald's interval would be too narrow, Newcombe's hybrid score interval (his method 10, from the
 * two groups' Wilson intervals). Revenue per customer, counting every customer of a group and those
 * who bought nothing as 0, is compared with Welch's t, which does not assume the groups vary alike.
 */
public final class Uplift {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** Below this many conversions or non-conversions in a group, the interval is Newcombe's. */
    static final long SMALL_CELL = 10;

    private Uplift() {}

    /** A range of plausible values of a difference, at the confidence it was computed for. */
    public record Interval(double low, double high) {}

    /** How a conversion interval was computed. */
    public enum Method {
        WALD,
        NEWCOMBE
    }

    /**
     * The rates of two groups and their difference (treated − control), absolute and relative to the control's rate
     * (treated ÷ control − 1, its interval by the delta method; absent when the control group converted no one).
     */
    public record Conversion(
            double controlRate,
            double treatedRate,
            double difference,
            Interval interval,
            Method method,
            double z,
            double p,
            @org.jspecify.annotations.Nullable Double relativeDifference,
            @org.jspecify.annotations.Nullable Interval relativeInterval) {}

    /** The means of two groups and their difference (treated − control). */
    public record Revenue(
            double controlMean,
            double treatedMean,
            double difference,
            double standardError,
            double degreesOfFreedom,
            double t,
            double p,
            Interval interval) {}

    /**
     * Compares conversion: {@code converted} of {@code customers} in each group, at a confidence such as 0.95.
     *
     * @throws IllegalArgumentException when a group is empty or counts more conversions than customers
     */
    public static Conversion conversion(
            long controlConverted,
            long controlCustomers,
            long treatedConverted,
            long treatedCustomers,
            double confidence) {
        requireCounts(controlConverted, controlCustomers, "control");
        requireCounts(treatedConverted, treatedCustomers, "treated");
        var control = (double) controlConverted / controlCustomers;
        var treated = (double) treatedConverted / treatedCustomers;
        var difference = treated - control;
        var pooled = (double) (controlConverted + treatedConverted) / (controlCustomers + treatedCustomers);
        var pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlCustomers + 1.0 / treatedCustomers));
        var z = pooledError == 0 ? 0 : difference / pooledError;
        var p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        var quantile = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
        var controlVariance = control * (1 - control) / controlCustomers;
        var treatedVariance = treated * (1 - treated) / treatedCustomers;
        Double relative = control == 0 ? null : treated / control - 1;
        var relativeMargin = control == 0
                ? Double.NaN
                : quantile
                        * Math.sqrt(treatedVariance / (control * control)
                                + treated * treated * controlVariance / Math.pow(control, 4));
        var relativeInterval = control == 0 ? null : new Interval(relative - relativeMargin, relative + relativeMargin);
        if (small(controlConverted, controlCustomers) || small(treatedConverted, treatedCustomers)) {
            var interval = newcombe(controlConverted, controlCustomers, treatedConverted, treatedCustomers, quantile);
            return new Conversion(
                    control, treated, difference, interval, Method.NEWCOMBE, z, p, relative, relativeInterval);
        }
        var margin = quantile * Math.sqrt(controlVariance + treatedVariance);
        var interval = new Interval(difference - margin, difference + margin);
        return new Conversion(control, treated, difference, interval, Method.WALD, z, p, relative, relativeInterval);
    }

    /** Newcombe's hybrid score interval of the difference treated − control (his method 10). */
    static Interval newcombe(
            long controlConverted,
            long controlCustomers,
            long treatedConverted,
            long treatedCustomers,
            double quantile) {
        var control = (double) controlConverted / controlCustomers;
        var treated = (double) treatedConverted / treatedCustomers;
        var c = wilson(controlConverted, controlCustomers, quantile);
        var t = wilson(treatedConverted, treatedCustomers, quantile);
        var difference = treated - control;
        return new Interval(
                difference - Math.hypot(treated - t.low(), c.high() - control),
                difference + Math.hypot(t.high() - treated, control - c.low()));
    }

    private static boolean small(long converted, long customers) {
        return converted < SMALL_CELL || customers - converted < SMALL_CELL;
    }

    /** Wilson's score interval of one proportion. */
    private static Interval wilson(long converted, long customers, double quantile) {
        var rate = (double) converted / customers;
        var squared = quantile * quantile;
        var denominator = 1 + squared / customers;
        var centre = (rate + squared / (2.0 * customers)) / denominator;
        var half = quantile
                / denominator
                * Math.sqrt(rate * (1 - rate) / customers + squared / (4.0 * customers * customers));
        return new Interval(centre - half, centre + half);
    }

    /** Compares the means of two groups' values (revenue per customer) with Welch's t, at a confidence such as 0.95. */
    public static Revenue revenue(Moments control, Moments treated, double confidence) {
        if (control.count() < 2 || treated.count() < 2) {
            throw new IllegalArgumentException("each group needs at least two customers");
        }
        var result = TTest.withDefaults()
                .test(
                        treated.mean(),
                        treated.variance(),
                        treated.count(),
                        control.mean(),
                        control.variance(),
                        control.count());
        var difference = treated.mean() - control.mean();
        var error = Math.sqrt(treated.variance() / treated.count() + control.variance() / control.count());
        var degrees = result.getDegreesOfFreedom();
        var margin = TDistribution.of(degrees).inverseSurvivalProbability((1 - confidence) / 2) * error;
        return new Revenue(
                control.mean(),
                treated.mean(),
                difference,
                error,
                degrees,
                result.getStatistic(),
                result.getPValue(),
                new Interval(difference - margin, difference + margin));
    }

    private static void requireCounts(long converted, long customers, String group) {
        if (customers <= 0 || converted < 0 || converted > customers) {
            throw new IllegalArgumentException(
                    "the " + group + " group needs customers and at most as many conversions as customers");
        }
    }
}
