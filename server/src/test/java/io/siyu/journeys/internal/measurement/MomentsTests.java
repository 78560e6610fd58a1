package io.siyu.journeys.internal.measurement;

import static io.siyu.journeys.internal.measurement.MeasurementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MomentsTests {

    @Test
    void groupsCountedApartMergeIntoTheMomentsOfAllTheirValues() {
        var first = Moments.of(0.7, -1.6, -0.2, -1.2);
        var second = Moments.of(-0.1, 3.4, 3.7, 0.8, 0.0, 2.0);
        first.merge(second);
        var whole = Moments.of(SLEEP_DRUG_1);
        assertThat(first.count()).isEqualTo(10);
        assertThat(first.mean()).isCloseTo(whole.mean(), within(1e-12));
        assertThat(first.variance()).isCloseTo(whole.variance(), within(1e-12));
        assertThat(whole.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(whole.variance()).isCloseTo(3.2005556, within(1e-7));
    }

    @Test
    void largeAmountsKeepTheirPrecision() {
        var moments = new Moments();
        for (int i = 0; i < 1_000_000; i++) {
            moments.add(1_000_000_000.0 + (i % 2));
        }
        assertThat(moments.mean()).isCloseTo(1_000_000_000.5, within(1e-6));
        assertThat(moments.variance()).isCloseTo(0.25000025, within(1e-6));
    }
}
