package io.siyu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void masksPhonesAndEmailsInsideText() {
        var line = "Failing row contains (ann.lee@example.com, +8613812345678, 139 0000 1111, order 20260101123456)";

        assertThat(PersonalData.mask(line))
                .isEqualTo(
                        "Failing row contains (a***@example.com, +86138****5678, 139****1111, order 20260101123456)");
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertThat(PersonalData.mask("took 1234 ms for 20000 rows, id 100042"))
                .isEqualTo("took 1234 ms for 20000 rows, id 100042");
    }
}
