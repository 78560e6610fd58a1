package io.siyu.journeys.internal.measurement;

import static io.siyu.journeys.internal.measurement.MeasurementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UpliftTests {

    @Test
    void conversionIsComparedByThePooledTwoProportionTest() {
        var week = Uplift.conversion(GATE_30_KEPT_7_DAYS, GATE_30_PLAYERS, GATE_40_KEPT_7_DAYS, GATE_40_PLAYERS, 0.95);
        assertThat(week.z()).isCloseTo(-3.164359, within(1e-6));
        assertThat(week.p()).isCloseTo(0.00155425, within(1e-8));

        var day = Uplift.conversion(GATE_30_KEPT_1_DAY, GATE_30_PLAYERS, GATE_40_KEPT_1_DAY, GATE_40_PLAYERS, 0.95);
        assertThat(day.z()).isCloseTo(-1.784086, within(1e-6));
        assertThat(day.p()).isCloseTo(0.0744097, within(1e-7));
    }

    @Test
    void theDifferenceInConversionHasTheUnpooledWaldInterval() {
        var week = Uplift.conversion(GATE_30_KEPT_7_DAYS, GATE_30_PLAYERS, GATE_40_KEPT_7_DAYS, GATE_40_PLAYERS, 0.95);
        assertThat(week.difference()).isCloseTo(-0.0082013, within(1e-7));
        assertThat(week.interval().low()).isCloseTo(-0.0132816, within(1e-7));
        assertThat(week.interval().high()).isCloseTo(-0.0031210, within(1e-7));
    }

    @Test
    void theRelativeDifferenceHasADeltaMethodInterval() {
        var week = Uplift.conversion(GATE_30_KEPT_7_DAYS, GATE_30_PLAYERS, GATE_40_KEPT_7_DAYS, GATE_40_PLAYERS, 0.95);
        assertThat(week.relativeDifference()).isCloseTo(-0.0431190, within(1e-7));
        assertThat(week.relativeInterval().low()).isCloseTo(-0.0692446, within(1e-7));
        assertThat(week.relativeInterval().high()).isCloseTo(-0.0169935, within(1e-7));
    }

    @Test
    void aControlGroupThatConvertedNoOneHasNoRelativeDifference() {
        var none = Uplift.conversion(0, 100, 5, 100, 0.95);
        assertThat(none.relativeDifference()).isNull();
        assertThat(none.relativeInterval()).isNull();
    }

    @Test
    void newcombesHybridScoreIntervalIsHisMethodTen() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 against 48/80
        var interval = Uplift.newcombe(48, 80, 56, 70, 1.959963984540054);
        assertThat(interval.low()).isCloseTo(0.0524, within(1e-4));
        assertThat(interval.high()).isCloseTo(0.3339, within(1e-4));
    }

    @Test
    void smallGroupsGetNewcombesInterval() {
        var small = Uplift.conversion(3, 10, 9, 10, 0.95);
        assertThat(small.method()).isEqualTo(Uplift.Method.NEWCOMBE);
        assertThat(small.difference()).isCloseTo(0.6, within(1e-12));
        assertThat(small.interval().low()).isCloseTo(0.1705227, within(1e-6));
        assertThat(small.interval().high()).isCloseTo(0.8090180, within(1e-6));
    }

    @Test
    void largeGroupsGetWaldsInterval() {
        var large = Uplift.conversion(GATE_30_KEPT_7_DAYS, GATE_30_PLAYERS, GATE_40_KEPT_7_DAYS, GATE_40_PLAYERS, 0.95);
        assertThat(large.method()).isEqualTo(Uplift.Method.WALD);
    }

    @Test
    void revenuePerCustomerIsComparedByWelchsT() {
        var revenue = Uplift.revenue(Moments.of(SLEEP_DRUG_2), Moments.of(SLEEP_DRUG_1), 0.95);
        assertThat(revenue.difference()).isCloseTo(-1.58, within(1e-12));
        assertThat(revenue.standardError()).isCloseTo(0.849091, within(1e-6));
        assertThat(revenue.t()).isCloseTo(-1.8608135, within(1e-7));
        assertThat(revenue.degreesOfFreedom()).isCloseTo(17.776474, within(1e-6));
        assertThat(revenue.p()).isCloseTo(0.07939414, within(1e-8));
        assertThat(revenue.interval().low()).isCloseTo(-3.3654832, within(1e-6));
        assertThat(revenue.interval().high()).isCloseTo(0.2054832, within(1e-6));
    }

    @Test
    void groupsThatCannotBeComparedAreRefused() {
        assertThatThrownBy(() -> Uplift.conversion(1, 0, 1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uplift.conversion(11, 10, 1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uplift.revenue(Moments.of(1), Moments.of(1, 2), 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
