package io.siyu.journeys.internal.measurement;

/** Published data whose results every statistics package agrees on (see shared/data/README.md). */
final class MeasurementFixtures {

    private MeasurementFixtures() {}

    /** Cookie Cats, a mobile game's A/B test: players kept 7 days after install, gate at level 30 against 40. */
    static final long GATE_30_PLAYERS = 44_700;

    static final long GATE_40_PLAYERS = 45_489;
    static final long GATE_30_KEPT_7_DAYS = 8_502;
    static final long GATE_40_KEPT_7_DAYS = 8_279;
    static final long GATE_30_KEPT_1_DAY = 20_034;
    static final long GATE_40_KEPT_1_DAY = 20_119;

    /** R's {@code sleep} data: extra hours of sleep under two drugs, ten patients each. */
    static final double[] SLEEP_DRUG_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};

    static final double[] SLEEP_DRUG_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
}
