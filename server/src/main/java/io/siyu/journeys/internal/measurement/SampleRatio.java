package io.siyu.journeys.internal.measurement;

import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Whether a split's groups came out in the ratio it was planned with: Pearson's χ² of the observed group sizes against
 * the planned weights, with k − 1 degrees of freedom. A mismatch means customers were lost or assigned unevenly on
 * the way, and every comparison of those groups is suspect; it is flagged when p falls below the alarm level (0.01 by
 * default: strict enough to catch a real fault in a large split, loose enough to fire on one).
 */
public final class SampleRatio {

    /** The alarm level used unless a journey sets its own. */
    public static final double DEFAULT_ALARM = 0.01;

    private SampleRatio() {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "SampleRatioCheck")
    public record Check(double chiSquare, double p, boolean mismatch) {}

    /**
     * Checks group sizes against planned weights (any positive numbers: 50/50 is {@code 1, 1}, a 90/10 control split is
     * {@code 9, 1}).
     */
    public static Check check(long[] observed, double[] weights, double alarm) {
        if (observed.length < 2 || observed.length != weights.length) {
            throw new IllegalArgumentException("a split has at least two groups, each with its planned weight");
        }
        var total = 0L;
        var weightSum = 0.0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0 || !(weights[i] > 0)) {
                throw new IllegalArgumentException("group sizes must not be negative and weights must be positive");
            }
            total += observed[i];
            weightSum += weights[i];
        }
        var expected = new double[observed.length];
        for (int i = 0; i < observed.length; i++) {
            expected[i] = total * weights[i] / weightSum;
        }
        var result = ChiSquareTest.withDefaults().test(expected, observed);
        return new Check(result.getStatistic(), result.getPValue(), result.getPValue() < alarm);
    }
}
