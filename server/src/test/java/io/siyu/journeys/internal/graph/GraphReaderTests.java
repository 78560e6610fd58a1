package io.siyu.journeys.internal.graph;

import static io.siyu.journeys.internal.graph.GraphFixtures.ACTIONS;
import static io.siyu.journeys.internal.graph.GraphFixtures.TERMS;
import static io.siyu.journeys.internal.graph.GraphFixtures.graph;
import static io.siyu.journeys.internal.graph.GraphFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Violation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphReaderTests {

    private static List<String> broken(String first, String nodes) {
        return GraphReader.check(graph(first, nodes), TERMS).stream()
                .map(v -> v.field() + " " + v.rule())
                .toList();
    }

    @Test
    void theWelcomeSeriesReads() {
        var graph = GraphFixtures.read("hello", GraphFixtures.WELCOME);

        assertThat(graph.first()).isEqualTo("hello");
        assertThat(graph.nodes()).hasSize(6);
        assertThat(graph.node("order")).isInstanceOfSatisfying(JourneyGraph.Node.WaitEvent.class, wait -> {
            assertThat(wait.timeout()).isEqualTo(Duration.ofDays(3));
            assertThat(wait.onTimeout()).isEqualTo("remind");
        });
        assertThat(graph.reentry().mode()).isEqualTo(JourneyGraph.Reentry.Mode.ONCE);
    }

    @Test
    void referencesMustLeadToNodes() {
        assertThat(broken("a", """
                {"id":"a","type":"wait","duration":"PT1H","next":"nowhere"}""")).containsExactly("nodes[0].next exists");
        assertThat(broken("missing", """
                {"id":"a","type":"exit"}""")).contains("first exists");
    }

    @Test
    void aReferenceThatIsNoIdIsNamedOnItsNode() {
        assertThat(broken("a", """
                {"id":"a","type":"wait","duration":"PT1H","next":{}},
                {"id":"r","type":"split_random","branches":[{"percent":50,"next":7},{"percent":50,"next":null}]}""")).contains("nodes[0].next type", "nodes[1].branches[0].next type");
    }

    @Test
    void everyNodeMustBeReachable() {
        assertThat(broken("a", """
                {"id":"a","type":"exit"},{"id":"lost","type":"exit"}""")).containsExactly("nodes[1] reachable");
    }

    @Test
    void aLoopMustWaitSomewhere() {
        assertThat(broken("a", """
                {"id":"a","type":"action","action":"nothing","config":{},"next":"b"},
                {"id":"b","type":"split_segment","segment":1,"yes":"a","no":null}""")).containsExactly("nodes no-instant-loop");
        assertThat(broken("a", """
                {"id":"a","type":"action","action":"nothing","config":{},"next":"w"},
                {"id":"w","type":"wait","duration":"P7D","next":"a"}""")).isEmpty();
    }

    @Test
    void randomSplitsAddUpToAHundred() {
        assertThat(broken("r", """
                {"id":"r","type":"split_random","branches":[{"percent":30,"next":"x"},{"percent":60,"next":"x"}]},
                {"id":"x","type":"exit"}""")).containsExactly("nodes[0].branches sum");
    }

    @Test
    void aWaitUntilATimeOfDayReadsItsTimeAndDays() {
        var graph = GraphFixtures.read("a", """
                {"id":"a","type":"wait_until","time":"09:30","days":["MON","FRI"],"next":"b"},
                {"id":"b","type":"wait_until","time":"23:59"}""");

        assertThat(graph.node("a"))
                .isEqualTo(new JourneyGraph.Node.WaitUntil(
                        "a", LocalTime.of(9, 30), Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "b"));
        assertThat(graph.node("b"))
                .isEqualTo(new JourneyGraph.Node.WaitUntil("b", LocalTime.of(23, 59), Set.of(), null));
    }

    @Test
    void aWaitUntilRefusesBadTimesAndDaysNamingTheField() {
        assertThat(broken("a", """
                {"id":"a","type":"wait_until","time":"24:00","next":"b"},
                {"id":"b","type":"wait_until","time":"9:30","next":"c"},
                {"id":"c","type":"wait_until","next":"d"},
                {"id":"d","type":"wait_until","time":"09:30","days":["MON","Funday","MON"],"next":"e"},
                {"id":"e","type":"wait_until","time":"09:30","days":[]}"""))
                .containsExactly(
                        "nodes[0].time time",
                        "nodes[1].time time",
                        "nodes[2].time time",
                        "nodes[3].days[1] one-of",
                        "nodes[3].days[2] unique",
                        "nodes[4].days type");
    }

    @Test
    void aBestHourWaitLooksWithinAnHourToAWeek() {
        var graph = GraphFixtures.read("a", """
                {"id":"a","type":"wait_best_hour","within":"P1D"}""");
        assertThat(graph.node("a")).isEqualTo(new JourneyGraph.Node.WaitBestHour("a", Duration.ofDays(1), null));

        assertThat(broken("a", """
                {"id":"a","type":"wait_best_hour","within":"PT30M","next":"b"},
                {"id":"b","type":"wait_best_hour","within":"P8D","next":"c"},
                {"id":"c","type":"wait_best_hour","within":"tomorrow"}"""))
                .containsExactly("nodes[0].within range", "nodes[1].within range", "nodes[2].within duration");
    }

    @Test
    void aLoopThroughATimedWaitWaits() {
        assertThat(broken("a", """
                {"id":"a","type":"action","action":"nothing","config":{},"next":"w"},
                {"id":"w","type":"wait_best_hour","within":"P1D","next":"u"},
                {"id":"u","type":"wait_until","time":"08:00","next":"a"}""")).isEmpty();
    }

    @Test
    void durationsAreIsoAndPositive() {
        assertThat(broken("a", """
                {"id":"a","type":"wait","duration":"1 day"},{"id":"b","type":"wait","duration":"PT0S","next":"a"}""")).contains("nodes[0].duration duration", "nodes[1].duration range");
    }

    @Test
    void actionsMustExistAndLikeTheirSettings() {
        assertThat(broken("a", """
                {"id":"a","type":"action","action":"launch_rocket","config":{}}""")).containsExactly("nodes[0].action one-of");
        assertThat(broken("a", """
                {"id":"a","type":"action","action":"nothing","config":{"bad":true}}""")).containsExactly("nodes[0].config.bad test");
    }

    @Test
    void aPublishedGraphLoadsWithoutAskingItsActionsAgain() {
        var published = graph("a", """
                {"id":"a","type":"action","action":"nothing","config":{"bad":true}}""");

        assertThat(GraphReader.load(published, ACTIONS).first()).isEqualTo("a");
    }

    @Test
    void triggersAndEntryRulesAreChecked() {
        var violations = GraphReader.check(json("""
                        {"trigger":{"type":"event","event":"Viewed","where":[{"property":"total","operator":"at_least",
                         "value":"much"}]},"reentry":{"mode":"sometimes"},"controlPercent":80,
                         "goal":{"event":"Order Completed","withinDays":0},"start":"2026-12-24T00:00:00Z",
                         "end":"2026-12-01T00:00:00Z","first":"x","nodes":[{"id":"x","type":"exit"}]}"""), TERMS);

        assertThat(violations)
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "trigger.where[0].value", "reentry.mode", "controlPercent", "goal.withinDays", "end");
    }

    private static List<String> brokenTrigger(String trigger) {
        return GraphReader.check(
                        json("{\"trigger\":" + trigger
                                + ",\"first\":\"x\",\"nodes\":[{\"id\":\"x\",\"type\":\"exit\"}]}"),
                        TERMS)
                .stream()
                .map(v -> v.field() + " " + v.rule())
                .toList();
    }

    @Test
    void leavingASegmentAndMovingToALifecycleStageAreTriggers() {
        var left = GraphReader.read(json("""
                        {"trigger":{"type":"segment_left","segment":12},"first":"x","nodes":[{"id":"x","type":"exit"}]}"""), TERMS, "draft");
        var dormant = GraphReader.read(json("""
                        {"trigger":{"type":"stage_changed","model":"value","to":"dormant"},"first":"x",
                         "nodes":[{"id":"x","type":"exit"}]}"""), TERMS, "draft");
        var anyStage = GraphReader.read(json("""
                        {"trigger":{"type":"stage_changed","model":"value"},"first":"x",
                         "nodes":[{"id":"x","type":"exit"}]}"""), TERMS, "draft");

        assertThat(left.trigger()).isEqualTo(new JourneyGraph.Trigger.SegmentLeft(12));
        assertThat(dormant.trigger()).isEqualTo(new JourneyGraph.Trigger.StageChanged("value", "dormant"));
        assertThat(anyStage.trigger()).isEqualTo(new JourneyGraph.Trigger.StageChanged("value", null));
    }

    @Test
    void aStageTriggerNamesAModelAndAStageThatExist() {
        assertThat(brokenTrigger("{\"type\":\"segment_left\",\"segment\":\"twelve\"}"))
                .containsExactly("trigger.segment type");
        assertThat(brokenTrigger("{\"type\":\"stage_changed\"}")).containsExactly("trigger.model required");
        assertThat(brokenTrigger("{\"type\":\"stage_changed\",\"model\":\"membership\"}"))
                .containsExactly("trigger.model exists");
        assertThat(brokenTrigger("{\"type\":\"stage_changed\",\"model\":\"value\",\"to\":\"sleeping\"}"))
                .containsExactly("trigger.to exists");
        assertThat(brokenTrigger("{\"type\":\"stage_changed\",\"model\":\"value\",\"to\":7}"))
                .containsExactly("trigger.to type");
    }

    @Test
    void aConditionSplitReadsItsConditionAndTheConditionsMistakesAreNamedOnTheNode() {
        var graph = GraphFixtures.read("c", """
                {"id":"c","type":"split_condition","condition":{"type":"tag","tag":"VIP"},"yes":"x","no":null},
                {"id":"x","type":"exit"}""");

        assertThat(graph.node("c")).isInstanceOfSatisfying(JourneyGraph.Node.SplitCondition.class, split -> {
            assertThat(split.condition().path("tag").asString()).isEqualTo("VIP");
            assertThat(split.yes()).isEqualTo("x");
        });
        assertThat(broken("x", """
                {"id":"x","type":"wait","duration":"PT1H","next":"c"},
                {"id":"c","type":"split_condition","condition":{"type":"bogus"},"yes":null,"no":"x"}""")).containsExactly("nodes[1].condition.type one-of");
        assertThat(broken("c", """
                {"id":"c","type":"split_condition","condition":"vip","yes":null,"no":null}""")).containsExactly("nodes[0].condition required");
    }

    @Test
    void aPublishedGraphLoadsWithoutAskingTheConditionLanguageAgain() {
        var published = graph("c", """
                {"id":"c","type":"split_condition","condition":{"type":"bogus"},"yes":null,"no":null}""");

        assertThat(GraphReader.load(published, ACTIONS).node("c")).isInstanceOf(JourneyGraph.Node.SplitCondition.class);
    }

    @Test
    void anExperimentsVariantsAreNamedOnceAndAddUpToAHundred() {
        var graph = GraphFixtures.read("ab", """
                {"id":"ab","type":"split_experiment","variants":[{"name":"plain","percent":50,"next":"x"},
                 {"name":"coupon","percent":50,"next":null}]},{"id":"x","type":"exit"}""");

        assertThat(graph.experiment())
                .hasValueSatisfying(split -> assertThat(split.variants())
                        .containsExactly(
                                new JourneyGraph.Variant("plain", 50, "x"),
                                new JourneyGraph.Variant("coupon", 50, null)));
        assertThat(broken("ab", """
                {"id":"ab","type":"split_experiment","variants":[{"name":"a","percent":40,"next":null},
                 {"name":"a","percent":40,"next":"nowhere"}]}"""))
                .containsExactlyInAnyOrder(
                        "nodes[0].variants[1].name unique",
                        "nodes[0].variants sum",
                        "nodes[0].variants[1].next exists");
        assertThat(broken("ab", """
                {"id":"ab","type":"split_experiment","variants":[{"name":"only","percent":100}]}""")).containsExactly("nodes[0].variants size");
    }

    @Test
    void aJourneyHasAtMostOneExperiment() {
        assertThat(broken("one", """
                {"id":"one","type":"split_experiment","variants":[{"name":"a","percent":50,"next":"two"},
                 {"name":"b","percent":50,"next":"two"}]},
                {"id":"two","type":"split_experiment","variants":[{"name":"c","percent":50,"next":null},
                 {"name":"d","percent":50,"next":null}]}""")).containsExactly("nodes[1].type one-experiment");
    }
}
