package io.siyu.journeys.internal.graph;

import static io.siyu.journeys.internal.graph.GraphFixtures.TERMS;
import static io.siyu.journeys.internal.graph.GraphFixtures.triggered;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.journeys.internal.graph.JourneyGraph.Trigger;
import io.siyu.shared.Violation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTriggerTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static List<String> broken(String trigger) {
        return GraphReader.check(triggered(trigger), TERMS).stream()
                .map(v -> v.field() + " " + v.rule())
                .toList();
    }

    private static Trigger.Schedule read(String trigger) {
        return (Trigger.Schedule)
                GraphReader.read(triggered(trigger), TERMS, "draft").trigger();
    }

    @Test
    void aOneOffBroadcastReadsItsTimeWithItsOffset() {
        var schedule = read("""
                {"type":"schedule","segment":12,"at":"2026-12-24T10:00:00+08:00"}""");

        assertThat(schedule.at()).isEqualTo(Instant.parse("2026-12-24T02:00:00Z"));
        assertThat(schedule.cron()).isNull();
        assertThat(Broadcasts.next(schedule, Instant.parse("2026-12-07T02:00:00Z"), SHANGHAI))
                .contains(Instant.parse("2026-12-24T02:00:00Z"));
        assertThat(Broadcasts.next(schedule, Instant.parse("2026-12-24T02:00:00Z"), SHANGHAI))
                .isEmpty();
    }

    @Test
    void aRecurringBroadcastFiresAtTheCronTimesOfItsZoneOrElseTheBrands() {
        var brands = read("""
                {"type":"schedule","segment":12,"cron":"0 0 10 * * MON"}""");
        var newYork = read("""
                {"type":"schedule","segment":12,"cron":"0 0 10 * * MON","zone":"America/New_York"}""");
        var monday = Instant.parse("2026-12-07T02:00:00Z"); // 10:00 on Monday in Shanghai

        assertThat(Broadcasts.next(brands, monday.minusSeconds(1), SHANGHAI)).contains(monday);
        assertThat(Broadcasts.next(brands, monday, SHANGHAI)).contains(Instant.parse("2026-12-14T02:00:00Z"));
        assertThat(Broadcasts.next(newYork, monday, SHANGHAI)).contains(Instant.parse("2026-12-07T15:00:00Z"));
    }

    @Test
    void aBadCronAPastTimeAnUnknownSegmentOrBothTimesAreRefusedNamingTheField() {
        assertThat(broken("""
                {"type":"schedule","segment":12,"cron":"every monday"}""")).containsExactly("trigger.cron cron");
        assertThat(broken("""
                {"type":"schedule","segment":12,"cron":"0 0 10 * * FUNDAY"}""")).containsExactly("trigger.cron cron");
        assertThat(broken("""
                {"type":"schedule","segment":12,"at":"2026-12-01T10:00:00+08:00"}""")).containsExactly("trigger.at future");
        assertThat(broken("""
                {"type":"schedule","segment":12,"at":"next tuesday"}""")).containsExactly("trigger.at instant");
        assertThat(broken("""
                {"type":"schedule","segment":99,"at":"2026-12-24T10:00:00+08:00"}""")).containsExactly("trigger.segment exists");
        assertThat(broken("""
                {"type":"schedule","segment":12,"at":"2026-12-24T10:00:00+08:00","cron":"0 0 10 * * MON"}""")).containsExactly("trigger.at one-of");
        assertThat(broken("""
                {"type":"schedule","segment":12,"cron":"0 0 10 * * MON","zone":"Mars/Olympus"}""")).containsExactly("trigger.zone time-zone");
    }

    @Test
    void aPublishedOneOffLoadsAfterItsTimeHasPassed() {
        var published = triggered("""
                {"type":"schedule","segment":99,"at":"2020-01-01T10:00:00+08:00"}""");

        assertThat(GraphReader.load(published, GraphFixtures.ACTIONS).trigger()).isInstanceOf(Trigger.Schedule.class);
    }

    @Test
    void aDateTriggerIsReadWithItsDefaults() {
        var trigger = (Trigger.DateAttribute)
                GraphReader.read(triggered("""
                        {"type":"date","attribute":"birthday"}"""), TERMS, "draft").trigger();

        assertThat(trigger.offsetDays()).isZero();
        assertThat(trigger.at()).hasToString("09:00");
        assertThat(broken("""
                {"type":"date","attribute":"","offsetDays":1.5,"at":"9 o'clock"}"""))
                .containsExactly("trigger.attribute required", "trigger.offsetDays range", "trigger.at time");
        assertThat(broken("""
                {"type":"date","attribute":"last_order","offsetDays":-3}""")).containsExactly("trigger.offsetDays range");
        assertThat(GraphReader.check(triggered("""
                {"type":"date","attribute":"member_since","offsetDays":-7,"at":"20:30"}"""), TERMS))
                .extracting(Violation::field)
                .isEmpty();
    }
}
