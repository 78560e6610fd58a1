package io.siyu.messaging.internal.respect;

import static io.siyu.messaging.internal.respect.RespectFixtures.cap;
import static io.siyu.messaging.internal.respect.RespectFixtures.quiet;
import static io.siyu.messaging.internal.respect.RespectFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import org.junit.jupiter.api.Test;

/** Which respect settings a brand may save, and how the default quiet hours are written. */
class RespectSettingsTests {

    @Test
    void sensibleSettingsKeepEveryRule() {
        assertThat(settings(quiet("21:00", "08:00"), cap(2, 24), cap(5, 168)).violations())
                .isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedByItsField() {
        var broken = settings(quiet("21:00", "21:00"), cap(0, 24), cap(2, 0), cap(3, 24), cap(2, 24 * 91));

        assertThat(broken.violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(
                        tuple("quietHours.end", "differs"),
                        tuple("caps[0].limit", "range"),
                        tuple("caps[1].windowHours", "range"),
                        tuple("caps[2]", "unique"),
                        tuple("caps[3].windowHours", "range"));
        assertThatThrownBy(broken::checked).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDefaultQuietHoursAreTwoTimesOfDayOrOff() {
        assertThat(RespectProperties.defaultQuietHours("21:00-08:00")).isEqualTo(quiet("21:00", "08:00"));
        assertThat(RespectProperties.defaultQuietHours(" OFF ").enabled()).isFalse();
        assertThatThrownBy(() -> RespectProperties.defaultQuietHours("9pm-8am"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIYU_QUIET_HOURS");
    }
}
