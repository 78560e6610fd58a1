package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.arm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.audience.Audiences;
import io.siyu.journeys.internal.runtime.Broadcaster;
import io.siyu.journeys.internal.runtime.DateEntries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journeys entered by the calendar: a broadcast to a segment's members, and a date of the customer's own. Time is given
 * to the firing as the scheduler would give it, so the tests wait for no clock.
 */
@SiyuIntegrationTest
class ScheduledEntryTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    Broadcaster broadcaster;

    @Autowired
    DateEntries dates;

    @Autowired
    Audiences audiences;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    io.siyu.audience.internal.index.CurrentIndex currentIndex;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aOneOffBroadcastEntersTheSegmentsMembersOnceHoweverOftenItFires() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var gold = fixtures.customer();
        var alsoGold = fixtures.customer();
        var silver = fixtures.customer();
        fixtures.identify(gold, "tier_" + run, "gold");
        fixtures.identify(alsoGold, "tier_" + run, "gold");
        fixtures.identify(silver, "tier_" + run, "silver");
        var segment = segment("tier_" + run, "gold", 2);
        var at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        var journey = fixtures.published("""
                {"trigger":{"type":"schedule","segment":%d,"at":"%s"},"reentry":{"mode":"always"},"first":"bye",
                 "nodes":[{"id":"bye","type":"exit"}]}""".formatted(segment, at));

        assertThat(jdbc.queryForObject(
                        "select execution_time from platform.scheduled_tasks where task_name = 'journeys-broadcast' and task_instance = ?",
                        Instant.class,
                        "journey-" + journey))
                .isEqualTo(at);

        var first = broadcaster.fire(journey, 1, at);
        var again = broadcaster.fire(journey, 1, at);
        jdbc.update(
                "update journeys.broadcast set after_customer = 0, finished_at = null where journey_id = ?", journey);
        var afterACrash = broadcaster.fire(journey, 1, at);

        assertThat(first.entered()).isEqualTo(2);
        assertThat(first.finished()).isTrue();
        assertThat(again.entered()).isEqualTo(2);
        assertThat(afterACrash.finished()).isTrue();
        assertThat(runs(journey, gold.id())).isEqualTo(1);
        assertThat(runs(journey, alsoGold.id())).isEqualTo(1);
        assertThat(runs(journey, silver.id())).isZero();
        var report = fixtures.report(
                journey,
                r -> arm(r, "treated").path("customers").asLong(0)
                                + arm(r, "control").path("customers").asLong(0)
                        >= 2);
        assertThat(arm(report, "treated").path("customers").asLong(0)
                        + arm(report, "control").path("customers").asLong(0))
                .isEqualTo(2);

        var paused = siyu.admin().post("/api/v1/journeys/" + journey + "/pause", "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from platform.scheduled_tasks where task_name = 'journeys-broadcast' and task_instance = ?",
                        Integer.class,
                        "journey-" + journey))
                .isZero();
    }

    @Test
    void theSchedulerFiresAPlannedBroadcastAndForgetsItOnceItIsDone() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var member = fixtures.customer();
        fixtures.identify(member, "club_" + run, "yes");
        var segment = segment("club_" + run, "yes", 1);
        var journey = fixtures.published(
                """
                {"trigger":{"type":"schedule","segment":%d,"at":"%s"},"first":"bye",
                 "nodes":[{"id":"bye","type":"exit"}]}""".formatted(segment, Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)));

        // the firing falls due now, as if its day had come
        scheduler.reschedule(TaskInstanceId.of("journeys-broadcast", "journey-" + journey), Instant.now());

        fixtures.report(
                journey,
                r -> arm(r, "treated").path("customers").asLong(0)
                                + arm(r, "control").path("customers").asLong(0)
                        == 1);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (planned(journey) > 0) {
            assertThat(System.nanoTime())
                    .as("the finished one-off broadcast is forgotten")
                    .isLessThan(deadline);
            JourneyFixtures.pause();
        }
        assertThat(runs(journey, member.id())).isEqualTo(1);
    }

    private int planned(long journey) {
        return jdbc.queryForObject(
                "select count(*) from platform.scheduled_tasks where task_name = 'journeys-broadcast' and task_instance = ?",
                Integer.class,
                "journey-" + journey);
    }

    @Test
    void aBirthdayEntersTheCustomerWhoseDayHasComeInTheirOwnZone() {
        var fixtures = new JourneyFixtures(siyu);
        var shanghai = fixtures.customer();
        var losAngeles = fixtures.customer();
        var tomorrow = fixtures.customer();
        born(shanghai, "1990-03-10", "Asia/Shanghai");
        born(losAngeles, "1985-03-10", "America/Los_Angeles");
        born(tomorrow, "1990-03-11", "Asia/Shanghai");
        var journey = fixtures.published("""
                {"trigger":{"type":"date","attribute":"birthday","at":"09:00"},"reentry":{"mode":"always"},
                 "first":"bye","nodes":[{"id":"bye","type":"exit"}]}""");
        // 10:00 on March 10 in Shanghai, 18:00 on March 9 in Los Angeles
        var morningInShanghai = Instant.parse("2027-03-10T02:00:00Z");

        dates.enterDue(journey, morningInShanghai);
        dates.enterDue(journey, morningInShanghai);
        jdbc.update("delete from journeys.date_trigger where journey_id = ?", journey);
        dates.enterDue(journey, morningInShanghai);

        assertThat(runs(journey, shanghai.id())).isEqualTo(1);
        assertThat(runs(journey, losAngeles.id())).isZero();
        assertThat(runs(journey, tomorrow.id())).isZero();

        // 10:00 on March 10 in Los Angeles, already March 11 in Shanghai
        dates.enterDue(journey, Instant.parse("2027-03-10T17:00:00Z"));

        assertThat(runs(journey, losAngeles.id())).isEqualTo(1);
        assertThat(runs(journey, shanghai.id())).isEqualTo(1);
        assertThat(runs(journey, tomorrow.id())).isZero();
    }

    @Test
    void aMembershipAnniversaryEntersTheCustomersWhoseAnyDateTraitFallsOnTheDay() {
        var fixtures = new JourneyFixtures(siyu);
        var trait = "member_since_" + UUID.randomUUID().toString().substring(0, 8);
        var dated = fixtures.customer();
        var timed = fixtures.customer();
        var otherDay = fixtures.customer();
        var noDate = fixtures.customer();
        fixtures.identify(dated, trait, "2019-04-21");
        fixtures.identify(timed, trait, "2021-04-21T15:30:00+08:00");
        fixtures.identify(otherDay, trait, "2019-04-22");
        fixtures.identify(noDate, trait, "April 21st");
        var journey = fixtures.published("""
                {"trigger":{"type":"date","attribute":"%s","at":"09:00"},"reentry":{"mode":"always"},
                 "first":"bye","nodes":[{"id":"bye","type":"exit"}]}""".formatted(trait));

        // 10:00 on April 21 in Shanghai, the brand's zone
        dates.enterDue(journey, Instant.parse("2027-04-21T02:00:00Z"));

        assertThat(runs(journey, dated.id())).isEqualTo(1);
        assertThat(runs(journey, timed.id())).isEqualTo(1);
        assertThat(runs(journey, otherDay.id())).isZero();
        assertThat(runs(journey, noDate.id())).isZero();
    }

    private void born(JourneyFixtures.Customer customer, String birthday, String zone) {
        var sent = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"birthday":"%s"},"context":{"timezone":"%s"}}""".formatted(customer.user(), birthday, zone));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }

    private long runs(long journey, long customer) {
        return jdbc.queryForObject(
                "select count(*) from journeys.run where journey_id = ? and customer_id = ?",
                Long.class,
                journey,
                customer);
    }

    /** A segment of the customers whose trait holds the value, once the index holds its {@code members}. */
    @Test
    void aFiringThatFindsTheAudienceIndexBeingBuiltWaitsForItInsteadOfEndingHalfWay() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var first = fixtures.customer();
        var second = fixtures.customer();
        fixtures.identify(first, "wave_" + run, "spring");
        fixtures.identify(second, "wave_" + run, "spring");
        var segment = segment("wave_" + run, "spring", 2);
        var at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        var journey = new JourneyFixtures(siyu).published("""
                {"trigger":{"type":"schedule","segment":%d,"at":"%s"},"first":"bye",
                 "nodes":[{"id":"bye","type":"exit"}]}""".formatted(segment, at));

        // as after a restart: the index is being built and knows no members yet
        currentIndex.startBuild();
        var waiting = broadcaster.fire(journey, 1, at);
        io.siyu.audience.internal.engine.IndexRebuilds.rebuild(context);
        var fired = broadcaster.fire(journey, 1, at);

        assertThat(waiting.waitingForAudience()).isTrue();
        assertThat(waiting.finished()).isFalse();
        assertThat(waiting.entered()).isZero();
        assertThat(fired.finished()).isTrue();
        assertThat(fired.entered()).isEqualTo(2);
        assertThat(runs(journey, first.id()) + runs(journey, second.id())).isEqualTo(2);
    }

    private long segment(String trait, String value, int members) {
        siyu.admin().awaitAudienceIndex();
        var created = siyu.admin().post("/api/v1/segments", """
                        {"name":"%s %s","definition":{"version":1,"condition":{"type":"trait","trait":"%s",
                         "operator":"equals","value":"%s"}}}""".formatted(trait, value, trait, value));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var segment = created.json().get("id").asLong();
        awaitMembers(segment, members);
        return segment;
    }

    private void awaitMembers(long segment, int count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (audiences.members(segment, 0, 10).size() < count) {
            assertThat(System.nanoTime())
                    .as("the segment's members in the index")
                    .isLessThan(deadline);
            siyu.admin().awaitAudienceIndex();
            JourneyFixtures.pause();
        }
    }
}
