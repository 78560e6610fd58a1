package io.siyu.journeys.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.journeys.internal.graph.JourneyGraph.Trigger.DateAttribute;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateTriggerTests {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    private static DateAttribute birthday(int offsetDays) {
        return new DateAttribute("birthday", offsetDays, NINE);
    }

    @Test
    void aBirthdayFallsOnItsMonthAndDayEveryYearButNotOnTheDayOfBirth() {
        var born = LocalDate.of(1990, 5, 17);

        assertThat(DateTrigger.falls(birthday(0), born, LocalDate.of(2026, 5, 17)))
                .isTrue();
        assertThat(DateTrigger.falls(birthday(0), born, LocalDate.of(2026, 5, 18)))
                .isFalse();
        assertThat(DateTrigger.falls(birthday(0), born, born)).isFalse();
    }

    @Test
    void aLeapDayHasItsAnniversaryOnFebruary28thInOtherYears() {
        var leap = LocalDate.of(2000, 2, 29);

        assertThat(DateTrigger.falls(birthday(0), leap, LocalDate.of(2027, 2, 28)))
                .isTrue();
        assertThat(DateTrigger.falls(birthday(0), leap, LocalDate.of(2028, 2, 28)))
                .isFalse();
        assertThat(DateTrigger.falls(birthday(0), leap, LocalDate.of(2028, 2, 29)))
                .isTrue();
        assertThat(DateTrigger.anniversaries(LocalDate.of(2027, 2, 28)))
                .containsExactly(MonthDay.of(2, 28), MonthDay.of(2, 29));
        assertThat(DateTrigger.anniversaries(LocalDate.of(2028, 2, 28))).containsExactly(MonthDay.of(2, 28));
    }

    @Test
    void anOffsetMovesTheDayAcrossMonthsAndYears() {
        var born = LocalDate.of(1990, 1, 2);

        assertThat(DateTrigger.falls(birthday(-7), born, LocalDate.of(2026, 12, 26)))
                .isTrue();
        assertThat(DateTrigger.falls(birthday(3), born, LocalDate.of(2027, 1, 5)))
                .isTrue();
        assertThat(DateTrigger.anchor(birthday(-7), LocalDate.of(2026, 12, 26))).isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void daysAfterTheLastOrderCountFromItsDayOnce() {
        var trigger = new DateAttribute(DateTrigger.LAST_ORDER, 30, NINE);
        var ordered = LocalDate.of(2026, 11, 7);

        assertThat(DateTrigger.falls(trigger, ordered, LocalDate.of(2026, 12, 7)))
                .isTrue();
        assertThat(DateTrigger.falls(trigger, ordered, LocalDate.of(2027, 12, 7)))
                .isFalse();
    }

    @Test
    void theDayComesAtTheTimeOfDayInTheCustomersOwnZone() {
        var day = LocalDate.of(2026, 5, 17);

        assertThat(DateTrigger.firing(birthday(0), day, ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2026-05-17T01:00:00Z"));
        assertThat(DateTrigger.firing(birthday(0), day, ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2026-05-17T13:00:00Z"));
    }

    @Test
    void everyDateThatIsTodaySomewhereIsAskedFor() {
        assertThat(DateTrigger.daysOnEarth(Instant.parse("2026-05-17T11:00:00Z")))
                .containsExactly(LocalDate.of(2026, 5, 16), LocalDate.of(2026, 5, 17), LocalDate.of(2026, 5, 18));
        assertThat(DateTrigger.daysOnEarth(Instant.parse("2026-05-17T13:00:00Z")))
                .containsExactly(LocalDate.of(2026, 5, 17), LocalDate.of(2026, 5, 18));
        var span = DateTrigger.spanOnEarth(LocalDate.of(2026, 5, 17));
        assertThat(span[0]).isEqualTo(Instant.parse("2026-05-16T10:00:00Z"));
        assertThat(span[1]).isEqualTo(Instant.parse("2026-05-18T12:00:00Z"));
    }

    @Test
    void aDayIsAskedForOnlyWhileItsTimeComesSomewhere() {
        var day =
                LocalDate.of(2026, 5, 17); // 09:00 comes from 2026-05-16T19:00Z (UTC+14) to 2026-05-17T21:00Z (UTC−12)

        assertThat(DateTrigger.mayFireWithin(
                        birthday(0), day, Instant.parse("2026-05-16T18:00:00Z"), Instant.parse("2026-05-16T19:00:00Z")))
                .isTrue();
        assertThat(DateTrigger.mayFireWithin(
                        birthday(0), day, Instant.parse("2026-05-16T17:00:00Z"), Instant.parse("2026-05-16T18:59:00Z")))
                .isFalse();
        assertThat(DateTrigger.mayFireWithin(
                        birthday(0), day, Instant.parse("2026-05-17T21:00:00Z"), Instant.parse("2026-05-17T22:00:00Z")))
                .isFalse();
    }
}
