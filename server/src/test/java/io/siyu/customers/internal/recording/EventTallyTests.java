package io.siyu.customers.internal.recording;

import static io.siyu.customers.TouchFixtures.identify;
import static io.siyu.customers.TouchFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siyu.customers.internal.profiles.ProfileStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a batch adds to the event counters of profiles and to the brand's daily activity. */
class EventTallyTests {

    final EventTally tally = new EventTally(ZoneId.of("Asia/Shanghai"));

    @Test
    void oneCustomersEventsOfOneNameAddUpWithTheirEarliestAndLatestTimes() {
        tally.add(7, track("Viewed").at("2026-03-02T10:00:00Z").build());
        tally.add(7, track("Viewed").at("2026-03-03T10:00:00Z").build());
        tally.add(7, track("Viewed").at("2026-03-01T10:00:00Z").build());

        assertThat(tally.counts()).singleElement().satisfies(count -> {
            assertThat(count.count()).isEqualTo(3);
            assertThat(count.firstAt()).isEqualTo("2026-03-01T10:00:00Z");
            assertThat(count.lastAt()).isEqualTo("2026-03-03T10:00:00Z");
        });
    }

    @Test
    void eventsAreCountedPerCustomerAndName() {
        tally.add(7, track("Viewed").build());
        tally.add(7, track("Added").build());
        tally.add(8, track("Viewed").build());

        assertThat(tally.counts())
                .extracting(ProfileStore.EventCount::customerId, ProfileStore.EventCount::name)
                .containsExactly(tuple(7L, "Viewed"), tuple(7L, "Added"), tuple(8L, "Viewed"));
    }

    @Test
    void anIdentifyIsCountedUnderItsTypesName() {
        tally.add(7, identify().build());

        assertThat(tally.counts()).extracting(ProfileStore.EventCount::name).containsExactly("$identify");
    }

    @Test
    void activityIsCountedByTheBrandsDay() {
        // 17:00 UTC is one in the morning of the next day in Shanghai
        tally.add(7, track("Viewed").at("2026-03-01T15:00:00Z").build());
        tally.add(8, track("Viewed").at("2026-03-01T17:00:00Z").build());

        assertThat(tally.perDay())
                .isEqualTo(Map.of(LocalDate.parse("2026-03-01"), 1L, LocalDate.parse("2026-03-02"), 1L));
    }
}
