package io.siyu.messaging.internal.respect;

import static io.siyu.messaging.internal.respect.RespectFixtures.LONDON;
import static io.siyu.messaging.internal.respect.RespectFixtures.NEW_YORK;
import static io.siyu.messaging.internal.respect.RespectFixtures.SHANGHAI;
import static io.siyu.messaging.internal.respect.RespectFixtures.at;
import static io.siyu.messaging.internal.respect.RespectFixtures.quiet;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Quiet hours on the customer's own clock: which moments they cover, and when a held message may go. */
class QuietHoursTests {

    private final QuietHours night = quiet("21:00", "08:00");

    @Test
    void aMessageDueInTheEveningIsHeldUntilTheNextMorning() {
        // 22:00 in Shanghai
        assertThat(night.heldUntil(at("2026-05-01T14:00:00Z"), SHANGHAI)).hasValue(at("2026-05-02T00:00:00Z"));
    }

    @Test
    void aMessageDueAfterMidnightIsHeldUntilThatMorning() {
        // 02:30 on 2 May in Shanghai
        assertThat(night.heldUntil(at("2026-05-01T18:30:00Z"), SHANGHAI)).hasValue(at("2026-05-02T00:00:00Z"));
    }

    @Test
    void theDayIsNotQuietAndTheWindowStartsAtItsStartAndEndsAtItsEnd() {
        assertThat(night.heldUntil(at("2026-05-01T04:00:00Z"), SHANGHAI)).isEmpty(); // 12:00
        assertThat(night.heldUntil(at("2026-05-01T00:00:00Z"), SHANGHAI)).isEmpty(); // 08:00 sharp
        assertThat(night.heldUntil(at("2026-04-30T23:59:59Z"), SHANGHAI)).hasValue(at("2026-05-01T00:00:00Z"));
        assertThat(night.heldUntil(at("2026-05-01T13:00:00Z"), SHANGHAI)).hasValue(at("2026-05-02T00:00:00Z"));
    }

    @Test
    void theSameMomentIsQuietForOneCustomerAndNotForAnother() {
        var moment = at("2026-05-01T14:00:00Z");

        assertThat(night.heldUntil(moment, SHANGHAI)).isPresent(); // 22:00
        assertThat(night.heldUntil(moment, LONDON)).isEmpty(); // 15:00 (summer time)
        assertThat(night.heldUntil(moment, NEW_YORK)).isEmpty(); // 10:00
        assertThat(night.heldUntil(at("2026-05-02T02:00:00Z"), NEW_YORK)) // 22:00 on 1 May
                .hasValue(at("2026-05-02T12:00:00Z"));
    }

    @Test
    void aWindowWithinOneDayHoldsOnlyWithinIt() {
        var lunch = quiet("12:00", "14:00");

        assertThat(lunch.heldUntil(at("2026-05-01T04:30:00Z"), SHANGHAI)).hasValue(at("2026-05-01T06:00:00Z"));
        assertThat(lunch.heldUntil(at("2026-05-01T06:00:00Z"), SHANGHAI)).isEmpty();
        assertThat(lunch.heldUntil(at("2026-05-01T14:00:00Z"), SHANGHAI)).isEmpty();
    }

    @Test
    void switchedOffQuietHoursHoldNothing() {
        var off = new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0));

        assertThat(off.heldUntil(at("2026-05-01T14:00:00Z"), SHANGHAI)).isEmpty();
        assertThat(off.heldUntil(at("2026-05-01T18:30:00Z"), SHANGHAI)).isEmpty();
    }

    @Test
    void theNightNewYorkMovesItsClocksForwardIsAnHourShorter() {
        // 23:00 EST on 7 March 2026; the clocks jump from 02:00 to 03:00 on 8 March
        var due = at("2026-03-08T04:00:00Z");

        var until = night.heldUntil(due, NEW_YORK).orElseThrow();

        assertThat(until).isEqualTo(at("2026-03-08T12:00:00Z")); // 08:00 EDT
        assertThat(Duration.between(due, until)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void theNightNewYorkMovesItsClocksBackIsAnHourLonger() {
        // 23:00 EDT on 31 October 2026; the clocks fall back from 02:00 to 01:00 on 1 November
        var due = at("2026-11-01T03:00:00Z");

        var until = night.heldUntil(due, NEW_YORK).orElseThrow();

        assertThat(until).isEqualTo(at("2026-11-01T13:00:00Z")); // 08:00 EST
        assertThat(Duration.between(due, until)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void anEndInTheSkippedHourIsTheFirstMomentAfterIt() {
        var lateNight = quiet("22:00", "02:30");

        // 23:00 EST on 7 March; 02:30 does not exist on 8 March, 03:30 EDT comes instead
        assertThat(lateNight.heldUntil(at("2026-03-08T04:00:00Z"), NEW_YORK)).hasValue(at("2026-03-08T07:30:00Z"));
    }

    @Test
    void anEndInTheRepeatedHourIsNeverInThePast() {
        var earlyHours = quiet("00:00", "01:30");

        // 01:15 EDT, the first pass of the repeated hour: held until 01:30 EDT
        assertThat(earlyHours.heldUntil(at("2026-11-01T05:15:00Z"), NEW_YORK)).hasValue(at("2026-11-01T05:30:00Z"));
        // 01:15 EST, its second pass: held until 01:30 EST, not until the 01:30 EDT that is already over
        assertThat(earlyHours.heldUntil(at("2026-11-01T06:15:00Z"), NEW_YORK)).hasValue(at("2026-11-01T06:30:00Z"));
    }

    @Test
    void equalStartAndEndHoldNothing() {
        assertThat(quiet("21:00", "21:00").heldUntil(at("2026-05-01T13:30:00Z"), SHANGHAI))
                .isEmpty();
    }
}
