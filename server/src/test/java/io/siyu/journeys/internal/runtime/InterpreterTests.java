package io.siyu.journeys.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.journeys.internal.graph.GraphFixtures;
import io.siyu.journeys.internal.runtime.Interpreter.Cause;
import io.siyu.journeys.internal.runtime.Interpreter.Stop;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InterpreterTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Interpreter.Facts NO_SEGMENTS = RuntimeFixtures.facts(segment -> false, condition -> false);

    @Test
    void enteringDoesTheActionsUpToTheFirstWait() {
        var graph = GraphFixtures.read("hello", GraphFixtures.WELCOME);

        var step = Interpreter.arrive(graph, 1, 42, graph.first(), NO_SEGMENTS, NOW);

        assertThat(step.passed()).containsExactly("hello", "day");
        assertThat(step.actions()).extracting(Interpreter.ActionStep::node).containsExactly("hello");
        assertThat(step.stop()).isEqualTo(new Stop.Waiting("day", NOW.plus(Duration.ofDays(1)), null));
    }

    @Test
    void aWaitForAnEventEndsByTheEventOrByItsTimeout() {
        var graph = GraphFixtures.read("hello", GraphFixtures.WELCOME);
        var afterDay = Interpreter.resume(graph, 1, 42, "day", Cause.TIMER, NO_SEGMENTS, NOW);

        var ordered = Interpreter.resume(graph, 1, 42, "order", Cause.EVENT, NO_SEGMENTS, NOW);
        var timedOut = Interpreter.resume(graph, 1, 42, "order", Cause.TIMER, NO_SEGMENTS, NOW);

        assertThat(afterDay.stop())
                .isEqualTo(new Stop.Waiting("order", NOW.plus(Duration.ofDays(3)), "Order Completed"));
        assertThat(ordered.passed()).containsExactly("thanks");
        assertThat(ordered.stop()).isEqualTo(new Stop.Ended("completed"));
        assertThat(timedOut.passed()).containsExactly("remind", "bye");
        assertThat(timedOut.stop()).isEqualTo(new Stop.Ended("exit"));
    }

    @Test
    void aWecomMessageWaitsForItsOutcomeAndFallsBackWhenItIsNotSentOrNotInTime() {
        var graph = io.siyu.journeys.internal.graph.GraphReader.load(
                GraphFixtures.graph("wecom", """
                        {"id":"wecom","type":"action","action":"send_message",
                         "config":{"template":"wecom-1","awaitResult":{"timeout":"PT24H","fallbackTemplate":"mail-1"}},
                         "next":"bye"},
                        {"id":"bye","type":"exit"}"""), java.util.Map.of("send_message", GraphFixtures.NOTHING));

        var sent = Interpreter.arrive(graph, 1, 42, "wecom", NO_SEGMENTS, NOW);
        var confirmed = Interpreter.resume(graph, 1, 42, "wecom", Cause.EVENT, NO_SEGMENTS, NOW);
        var notSent = Interpreter.resume(graph, 1, 42, "wecom", Cause.FAILED, NO_SEGMENTS, NOW);
        var timedOut = Interpreter.resume(graph, 1, 42, "wecom", Cause.TIMER, NO_SEGMENTS, NOW);

        assertThat(sent.actions()).extracting(Interpreter.ActionStep::node).containsExactly("wecom");
        assertThat(sent.stop()).isEqualTo(new Stop.Waiting("wecom", NOW.plus(Duration.ofHours(24)), "wecom-result"));
        assertThat(confirmed.actions()).isEmpty();
        assertThat(confirmed.stop()).isEqualTo(new Stop.Ended("exit"));
        for (var fallback : java.util.List.of(notSent, timedOut)) {
            assertThat(fallback.actions()).hasSize(1);
            assertThat(fallback.actions().getFirst().config().get("template").asString())
                    .isEqualTo("mail-1");
            assertThat(fallback.actions().getFirst().config().get("replacing").asBoolean())
                    .isTrue();
            assertThat(fallback.stop()).isEqualTo(new Stop.Ended("exit"));
        }
    }

    @Test
    void aWaitUntilATimeOfDayIsDueAtTheNextSuchTimeInTheCustomersZone() {
        var graph = GraphFixtures.read("morning", """
                {"id":"morning","type":"wait_until","time":"09:30","next":"hello"},
                {"id":"hello","type":"action","action":"nothing","config":{}}""");
        var shanghai = RuntimeFixtures.facts(ZoneId.of("Asia/Shanghai"), new double[BestHour.HOURS]);
        var newYork = RuntimeFixtures.facts(ZoneId.of("America/New_York"), new double[BestHour.HOURS]);

        // 10:00 UTC is 18:00 in Shanghai and 05:00 in New York
        assertThat(Interpreter.arrive(graph, 1, 42, "morning", shanghai, NOW).stop())
                .isEqualTo(new Stop.Waiting("morning", Instant.parse("2026-12-08T01:30:00Z"), null));
        assertThat(Interpreter.arrive(graph, 1, 42, "morning", newYork, NOW).stop())
                .isEqualTo(new Stop.Waiting("morning", Instant.parse("2026-12-07T14:30:00Z"), null));
        assertThat(Interpreter.resume(graph, 1, 42, "morning", Cause.TIMER, shanghai, NOW)
                        .actions())
                .extracting(Interpreter.ActionStep::node)
                .containsExactly("hello");
    }

    @Test
    void aBestHourWaitIsDueAtTheCustomersBestHourInItsWindow() {
        var graph = GraphFixtures.read("best", """
                {"id":"best","type":"wait_best_hour","within":"P1D","next":"hello"},
                {"id":"hello","type":"action","action":"nothing","config":{}}""");
        var responsiveness = new double[BestHour.HOURS];
        responsiveness[20] = 1; // Monday 20:00
        var customer = RuntimeFixtures.facts(ZoneId.of("Asia/Shanghai"), responsiveness);

        // Monday 2026-12-07 18:00 in Shanghai: due at 20:00, 12:00 UTC
        assertThat(Interpreter.arrive(graph, 1, 42, "best", customer, NOW).stop())
                .isEqualTo(new Stop.Waiting("best", Instant.parse("2026-12-07T12:00:00Z"), null));
        assertThat(Interpreter.resume(graph, 1, 42, "best", Cause.TIMER, customer, NOW)
                        .passed())
                .containsExactly("hello");
    }

    @Test
    void aSegmentSplitAsksAboutTheCustomerAtThatMoment() {
        var graph = GraphFixtures.read("split", """
                {"id":"split","type":"split_segment","segment":7,"yes":"vip","no":"rest"},
                {"id":"vip","type":"action","action":"nothing","config":{}},
                {"id":"rest","type":"exit"}""");

        var member = Interpreter.arrive(
                graph, 1, 42, "split", RuntimeFixtures.facts(segment -> segment == 7, c -> false), NOW);
        var other = Interpreter.arrive(graph, 1, 42, "split", NO_SEGMENTS, NOW);

        assertThat(member.passed()).containsExactly("split", "vip");
        assertThat(other.passed()).containsExactly("split", "rest");
    }

    @Test
    void aRandomSplitSendsEachCustomerTheSameWayAndTheCrowdByItsPercentages() {
        var graph = GraphFixtures.read("split", """
                {"id":"split","type":"split_random","branches":[{"percent":20,"next":"a"},{"percent":80,"next":"b"}]},
                {"id":"a","type":"exit"},{"id":"b","type":"exit"}""");
        var toA = 0;
        for (long customer = 1; customer <= 10_000; customer++) {
            var first = Interpreter.arrive(graph, 9, customer, "split", NO_SEGMENTS, NOW)
                    .passed();
            var again = Interpreter.arrive(graph, 9, customer, "split", NO_SEGMENTS, NOW)
                    .passed();
            assertThat(again).isEqualTo(first);
            if (first.get(1).equals("a")) {
                toA++;
            }
        }

        // 20 % of 10,000 with a binomial standard deviation of 40: six deviations either way
        assertThat(toA).isBetween(1_760, 2_240);
    }

    @Test
    void theControlGroupTakesItsShareAndKeepsItsCustomers() {
        var graph =
                io.siyu.journeys.internal.graph.GraphReader.read(GraphFixtures.json("""
                        {"trigger":{"type":"api"},"controlPercent":10,"first":"x","nodes":[{"id":"x","type":"exit"}]}"""), GraphFixtures.TERMS, "draft");
        var control = 0;
        for (long customer = 1; customer <= 10_000; customer++) {
            var held = Interpreter.inControlGroup(graph, 3, customer);
            assertThat(Interpreter.inControlGroup(graph, 3, customer)).isEqualTo(held);
            control += held ? 1 : 0;
        }

        // 10 % of 10,000 with a standard deviation of 30: six deviations either way
        assertThat(control).isBetween(820, 1_180);
    }

    @Test
    void aConditionSplitAsksWhetherTheCustomerMeetsItsConditionAtThatMoment() {
        var graph = GraphFixtures.read("split", """
                {"id":"split","type":"split_condition","condition":{"type":"tag","tag":"VIP"},"yes":"vip","no":"rest"},
                {"id":"vip","type":"action","action":"nothing","config":{}},
                {"id":"rest","type":"exit"}""");
        var vip = RuntimeFixtures.facts(
                segment -> false, condition -> condition.path("tag").asString().equals("VIP"));

        var meets = Interpreter.arrive(graph, 1, 42, "split", vip, NOW);
        var other = Interpreter.arrive(graph, 1, 42, "split", NO_SEGMENTS, NOW);

        assertThat(meets.passed()).containsExactly("split", "vip");
        assertThat(other.passed()).containsExactly("split", "rest");
        assertThat(other.stop()).isEqualTo(new Stop.Ended("exit"));
    }

    @Test
    void anExperimentGivesEachCustomerOneVariantOfTheJourneyAndTheCrowdItsPercentages() {
        var graph = GraphFixtures.read("ab", """
                {"id":"ab","type":"split_experiment","variants":[{"name":"plain","percent":30,"next":"a"},
                 {"name":"coupon","percent":70,"next":"b"}]},
                {"id":"a","type":"wait","duration":"P1D"},{"id":"b","type":"exit"}""");
        var plain = 0;
        for (long customer = 1; customer <= 10_000; customer++) {
            var step = Interpreter.arrive(graph, 5, customer, "ab", NO_SEGMENTS, NOW);
            var again = Interpreter.arrive(graph, 5, customer, "ab", NO_SEGMENTS, NOW);
            assertThat(again.variant()).isEqualTo(step.variant());
            assertThat(step.passed().get(1)).isEqualTo(step.variant().equals("plain") ? "a" : "b");
            plain += step.variant().equals("plain") ? 1 : 0;
        }

        // 30 % of 10,000 with a binomial standard deviation of 46: six deviations either way
        assertThat(plain).isBetween(2_725, 3_275);
    }

    @Test
    void aStepThatPassesNoExperimentRecordsNoVariant() {
        var graph = GraphFixtures.read("hello", GraphFixtures.WELCOME);

        assertThat(Interpreter.arrive(graph, 1, 42, graph.first(), NO_SEGMENTS, NOW)
                        .variant())
                .isNull();
    }

    @Test
    void theExperimentsVariantDoesNotFollowTheControlGroup() {
        var graph =
                io.siyu.journeys.internal.graph.GraphReader.read(GraphFixtures.json("""
                        {"trigger":{"type":"api"},"controlPercent":50,"first":"ab","nodes":[
                          {"id":"ab","type":"split_experiment","variants":[{"name":"a","percent":50,"next":null},
                           {"name":"b","percent":50,"next":null}]}]}"""), GraphFixtures.TERMS, "draft");
        var treatedA = 0;
        var treated = 0;
        for (long customer = 1; customer <= 10_000; customer++) {
            if (!Interpreter.inControlGroup(graph, 8, customer)) {
                treated++;
                treatedA += "a"
                                .equals(Interpreter.arrive(graph, 8, customer, "ab", NO_SEGMENTS, NOW)
                                        .variant())
                        ? 1
                        : 0;
            }
        }

        // about half the treated customers get each variant: six standard deviations of about 35 either way
        assertThat(treatedA).isBetween(treated / 2 - 215, treated / 2 + 215);
    }
}
