package io.siyu.journeys.internal.measurement;

import static io.siyu.journeys.internal.measurement.MeasurementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleRatioTests {

    @Test
    void aSplitOffItsPlannedRatioIsCaught() {
        var check = SampleRatio.check(
                new long[] {GATE_30_PLAYERS, GATE_40_PLAYERS}, new double[] {1, 1}, SampleRatio.DEFAULT_ALARM);
        assertThat(check.chiSquare()).isCloseTo(6.9024, within(1e-4));
        assertThat(check.p()).isCloseTo(0.0086, within(1e-4));
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void aSplitInItsPlannedRatioPasses() {
        var check = SampleRatio.check(new long[] {9_012, 988}, new double[] {9, 1}, SampleRatio.DEFAULT_ALARM);
        assertThat(check.mismatch()).isFalse();
        assertThat(check.p()).isGreaterThan(0.5);
    }
}
