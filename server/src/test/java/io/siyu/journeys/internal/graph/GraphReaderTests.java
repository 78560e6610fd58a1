package io.siyu.journeys.internal.graph;

import static io.siyu.journeys.internal.graph.GraphFixtures.ACTIONS;
import static io.siyu.journeys.internal.graph.GraphFixtures.graph;
import static io.siyu.journeys.internal.graph.GraphFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphReaderTests {

    private static List<String> broken(String first, String nodes) {
        return GraphReader.check(graph(first, nodes), ACTIONS).stream()
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
                         "end":"2026-12-01T00:00:00Z","first":"x","nodes":[{"id":"x","type":"exit"}]}"""), ACTIONS);

        assertThat(violations)
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "trigger.where[0].value", "reentry.mode", "controlPercent", "goal.withinDays", "end");
    }
}
