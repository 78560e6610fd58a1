package io.siyu.journeys.internal.measurement;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;

/**
 * What a journey changed, treated group minus control group, with a confidence interval and a two-sided p-value.
 *
 * <p>Conversion is compared as two proportions: the test uses the pooled standard error (the usual two-proportion z
 * test), the interval the unpooled one (Wald). Revenue per customer, counting every customer of a group and those
 * who bought nothing as 0, is compared with Welch's t, which does not assume the groups vary alike.
 */
public final class Uplift {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Uplift() {}

    /** A range of plausible values of a difference, at the confidence it was computed for. */
    public record Interval(double low, double high) {}

    /** The rates of two groups and their difference (treated − control). */
    public record Conversion(
            double controlRate, double treatedRate, double difference, Interval interval, double z, double p) {}

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
        var error = Math.sqrt(control * (1 - control) / controlCustomers + treated * (1 - treated) / treatedCustomers);
        var margin = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2) * error;
        return new Conversion(
                control, treated, difference, new Interval(difference - margin, difference + margin), z, p);
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
