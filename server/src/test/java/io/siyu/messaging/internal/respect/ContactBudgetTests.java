package io.siyu.messaging.internal.respect;

import static io.siyu.messaging.internal.respect.RespectFixtures.NOW;
import static io.siyu.messaging.internal.respect.RespectFixtures.budget;
import static io.siyu.messaging.internal.respect.RespectFixtures.cap;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.messaging.Channel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A customer's contact budget: how many marketing messages the caps still allow, in rolling windows. */
class ContactBudgetTests {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aCapLetsThroughItsLimitAndRefusesTheNext() {
        var twoADay = cap(2, 24);
        var budget = budget(List.of(twoADay));

        assertThat(budget.spend(Channel.EMAIL, NOW)).isEmpty();
        assertThat(budget.spend(Channel.EMAIL, NOW)).isEmpty();
        assertThat(budget.spend(Channel.EMAIL, NOW)).hasValue(twoADay);
    }

    @Test
    void theWindowRollsRatherThanStartingAtMidnight() {
        var twoADay = cap(2, 24);

        assertThat(budget(List.of(twoADay), HOUR.multipliedBy(23), HOUR.multipliedBy(25))
                        .spend(Channel.EMAIL, NOW))
                .isEmpty();
        assertThat(budget(List.of(twoADay), HOUR.multipliedBy(23), HOUR.multipliedBy(2))
                        .spend(Channel.EMAIL, NOW))
                .hasValue(twoADay);
    }

    @Test
    void aMessageCountedExactlyOneWindowAgoNoLongerCounts() {
        assertThat(budget(List.of(cap(1, 24)), HOUR.multipliedBy(24)).spend(Channel.EMAIL, NOW))
                .isEmpty();
    }

    @Test
    void everyCapMustAllowTheMessage() {
        var twoADay = cap(2, 24);
        var fiveAWeek = cap(5, 24 * 7);
        var days = Duration.ofDays(1);
        var budget = budget(
                List.of(twoADay, fiveAWeek),
                days.multipliedBy(2),
                days.multipliedBy(3),
                days.multipliedBy(4),
                days.multipliedBy(5));

        assertThat(budget.spend(Channel.EMAIL, NOW)).isEmpty();
        assertThat(budget.spend(Channel.EMAIL, NOW)).hasValue(fiveAWeek);
    }

    @Test
    void aRefusedMessageSpendsNothing() {
        var oneAnHour = cap(1, 1);
        var budget = budget(List.of(oneAnHour, cap(3, 24)), Duration.ofMinutes(10));

        assertThat(budget.spend(Channel.EMAIL, NOW)).hasValue(oneAnHour);
        assertThat(budget.spend(Channel.EMAIL, NOW.plus(HOUR))).isEmpty();
        assertThat(budget.spend(Channel.EMAIL, NOW.plus(HOUR.multipliedBy(2)))).isEmpty();
    }

    @Test
    void aCapOnAChannelCountsThatChannel() {
        var oneEmailADay = new FrequencyCap(1, 24, Channel.EMAIL);
        var budget = budget(List.of(oneEmailADay), HOUR);

        assertThat(budget.spend(Channel.EMAIL, NOW)).hasValue(oneEmailADay);
    }

    @Test
    void withoutCapsEveryMessageMayGo() {
        var budget = budget(List.of(), HOUR, HOUR, HOUR);

        assertThat(budget.spend(Channel.EMAIL, NOW)).isEmpty();
    }
}
