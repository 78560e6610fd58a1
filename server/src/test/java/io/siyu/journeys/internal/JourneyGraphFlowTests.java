package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The triggers, splits and actions a journey's graph has beyond events and waits, through the real API: leaving a
 * segment and moving to a lifecycle stage let customers in with what happened as their data, a condition split asks the
 * audience about the customer, an experiment split shares customers among variants the report compares, and tag
 * actions give and take manual tags.
 */
@SiyuIntegrationTest
class JourneyGraphFlowTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void leavingASegmentEntersTheCustomerWithTheSegmentAsData() throws Exception {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var customer = fixtures.customer();
        fixtures.identify(customer, "plan_" + run, "gold");
        siyu.admin().awaitAudienceIndex();
        var segment = created(siyu.admin().post("/api/v1/segments", """
                        {"name":"Plan %1$s","definition":{"version":1,"condition":{"type":"trait","trait":"plan_%1$s",
                         "operator":"equals","value":"gold"}}}""".formatted(run)));
        var template = new MessagingFixtures(siyu).template("marketing", "Left {{data.segment}}", null, "We miss you");
        var journey = fixtures.published("""
                {"trigger":{"type":"segment_left","segment":%d},"first":"miss","nodes":[
                  {"id":"miss","type":"action","action":"send_message","config":{"template":"%s"},"next":null}]}""".formatted(segment, template));

        fixtures.identify(customer, "plan_" + run, "silver");

        fixtures.report(journey, r -> state(r, "completed") == 1);
        assertThat(TestMailServer.await(customer.email(), 1).getFirst().getSubject())
                .isEqualTo("Left " + segment);
    }

    @Test
    void movingToALifecycleStageEntersTheCustomerWithTheStagesAsData() throws Exception {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var customer = fixtures.customer();
        fixtures.identify(customer, "tier_" + run, "silver");
        siyu.admin().awaitAudienceIndex();
        var model = "m_" + run;
        var saved = siyu.admin().put("/api/v1/lifecycle/models/" + model, """
                {"label":"Tier %1$s","stages":[
                  {"value":"gold","label":"Gold","condition":{"type":"trait","trait":"tier_%1$s","operator":"equals",
                   "value":"gold"}},
                  {"value":"member","label":"Member"}]}""".formatted(run));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var template = new MessagingFixtures(siyu)
                .template("marketing", "From {{data.from}} to {{data.to}} of {{data.model}}", null, "Welcome to gold");
        var journey = fixtures.published("""
                {"trigger":{"type":"stage_changed","model":"%s","to":"gold"},"first":"gold","nodes":[
                  {"id":"gold","type":"action","action":"send_message","config":{"template":"%s"},"next":null}]}""".formatted(model, template));

        fixtures.identify(customer, "tier_" + run, "gold");

        fixtures.report(journey, r -> state(r, "completed") == 1);
        assertThat(TestMailServer.await(customer.email(), 1).getFirst().getSubject())
                .isEqualTo("From member to gold of " + model);
    }

    @Test
    void aStageTriggerMustNameAModelAndStageThatExist() {
        siyu.admin().awaitAudienceIndex();
        var refused = siyu.admin().post("/api/v1/journeys", """
                {"name":"Stages","draft":{"trigger":{"type":"stage_changed","model":"value","to":"sleeping"},
                 "first":"x","nodes":[{"id":"x","type":"exit"}]}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("draft.trigger.to");
    }

    @Test
    void aConditionSplitSendsCustomersWhoMeetItTheYesWay() {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var tag = tag("vip " + run);
        var vip = fixtures.customer();
        var other = fixtures.customer();
        var assigned =
                siyu.admin().post("/api/v1/tags/" + tag + "/assignments", "{\"customers\":[\"" + vip.id() + "\"]}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"Visit %1$s"},"first":"vip","nodes":[
                  {"id":"vip","type":"split_condition","condition":{"type":"tag","tag":"vip %1$s"},"yes":"treat",
                   "no":"plain"},
                  {"id":"treat","type":"wait","duration":"P30D"},
                  {"id":"plain","type":"wait","duration":"P30D"}]}""".formatted(run));

        fixtures.track(vip, "Visit " + run, "{}");
        var first = fixtures.report(journey, r -> state(r, "waiting") == 1);
        fixtures.track(other, "Visit " + run, "{}");
        var second = fixtures.report(journey, r -> state(r, "waiting") == 2);

        assertThat(passed(first, "treat")).isEqualTo(1);
        assertThat(passed(first, "plain")).isZero();
        assertThat(passed(second, "plain")).isEqualTo(1);
    }

    @Test
    void aDraftWithAConditionThatDoesNotReadIsRefusedOnItsNode() {
        siyu.admin().awaitAudienceIndex();
        var refused = siyu.admin().post("/api/v1/journeys", """
                {"name":"Bad condition","draft":{"trigger":{"type":"api"},"first":"c","nodes":[
                  {"id":"c","type":"split_condition","condition":{"type":"tag","tag":"no such tag %s"},"yes":null,
                   "no":null}]}}""".formatted(run()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).startsWith("draft.nodes[0].condition");
    }

    @Test
    void anExperimentSharesCustomersAmongItsVariantsAndTheReportComparesThemOnTheGoal() {
        var fixtures = new JourneyFixtures(siyu);
        var journey = fixtures.published("""
                {"trigger":{"type":"api"},"goal":{"event":"Order Completed","withinDays":7},"first":"ab","nodes":[
                  {"id":"ab","type":"split_experiment","variants":[{"name":"plain","percent":50,"next":null},
                   {"name":"coupon","percent":50,"next":null}]}]}""");
        var customers = customers(24);
        for (var customer : customers) {
            var entered = siyu.admin()
                    .post("/api/v1/journeys/" + journey + "/entries", "{\"customerId\":" + customer.id() + "}");
            assertThat(entered.status()).as(entered.body()).isEqualTo(202);
        }
        for (var customer : customers.subList(0, 12)) {
            fixtures.track(customer, "Order Completed", "{\"order_id\":\"" + UUID.randomUUID() + "\",\"total\":10}");
        }

        var report = fixtures.report(journey, r -> state(r, "converted") == 12);

        var experiment = report.get("experiment");
        assertThat(experiment.get("node").asString()).isEqualTo("ab");
        var variants = experiment.get("variants");
        assertThat(variants).hasSize(2);
        assertThat(variants.get(0).get("name").asString()).isEqualTo("plain");
        assertThat(variants.get(0).get("customers").asLong()
                        + variants.get(1).get("customers").asLong())
                .isEqualTo(24);
        assertThat(variants.get(0).get("converted").asLong()
                        + variants.get(1).get("converted").asLong())
                .isEqualTo(12);
        assertThat(variants.get(0).hasNonNull("againstFirst")).isFalse();
        if (variants.get(0).get("customers").asLong() > 0
                && variants.get(1).get("customers").asLong() > 0) {
            var rate = variants.get(1).get("converted").asDouble()
                            / variants.get(1).get("customers").asDouble()
                    - variants.get(0).get("converted").asDouble()
                            / variants.get(0).get("customers").asDouble();
            assertThat(variants.get(1)
                            .get("againstFirst")
                            .get("conversion")
                            .get("difference")
                            .asDouble())
                    .isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(experiment.get("sampleRatio").get("p").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void tagActionsGiveAndTakeAManualTagOnceAndTheHistoryNamesTheJourney() {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var tag = tag("welcomed " + run);
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"Joined %1$s"},"reentry":{"mode":"always"},"first":"give","nodes":[
                  {"id":"give","type":"action","action":"add_tag","config":{"tag":"welcomed %1$s"},"next":"again"},
                  {"id":"again","type":"action","action":"add_tag","config":{"tag":"welcomed %1$s"},"next":"quit"},
                  {"id":"quit","type":"wait_event","event":"Quit %1$s","timeout":"P30D","onEvent":"take",
                   "onTimeout":null},
                  {"id":"take","type":"action","action":"remove_tag","config":{"tag":"welcomed %1$s"}}]}""".formatted(run));
        var customer = fixtures.customer();

        fixtures.track(customer, "Joined " + run, "{}");
        fixtures.report(journey, r -> state(r, "waiting") == 1);

        var tags =
                siyu.admin().get("/api/v1/customers/" + customer.id() + "/tags").json();
        assertThat(tags.get("tags").toString()).contains("welcomed " + run);
        assertThat(changes(tags, "welcomed " + run)).containsExactly("ADDED");
        assertThat(tags.get("history").get(0).get("by").asString()).isEqualTo("journey " + journey + " v1 node give");
        awaitMembers(tag, 1);

        fixtures.track(customer, "Quit " + run, "{}");
        fixtures.report(journey, r -> state(r, "completed") == 1);

        var after =
                siyu.admin().get("/api/v1/customers/" + customer.id() + "/tags").json();
        assertThat(after.get("tags").toString()).doesNotContain("welcomed " + run);
        assertThat(changes(after, "welcomed " + run)).containsExactly("REMOVED", "ADDED");
        awaitMembers(tag, 0);
    }

    @Test
    void aTagActionMustNameAManualTagThatExists() {
        siyu.admin().awaitAudienceIndex();
        var refused = siyu.admin().post("/api/v1/journeys", """
                {"name":"Tags","draft":{"trigger":{"type":"api"},"first":"t","nodes":[
                  {"id":"t","type":"action","action":"add_tag","config":{"tag":"no such tag %s"}}]}}""".formatted(run()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("draft.nodes[0].config.tag");
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long tag(String name) {
        siyu.admin().awaitAudienceIndex();
        return created(siyu.admin().post("/api/v1/tags", "{\"name\":\"" + name + "\",\"kind\":\"MANUAL\"}"));
    }

    private static long created(io.siyu.HttpFixtures.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private java.util.List<JourneyFixtures.Customer> customers(int count) {
        var fixtures = new JourneyFixtures(siyu);
        var customers = new ArrayList<JourneyFixtures.Customer>();
        for (int i = 0; i < count; i++) {
            customers.add(fixtures.customer());
        }
        return customers;
    }

    private static long passed(JsonNode report, String node) {
        for (var count : report.get("nodes")) {
            if (count.get("node").asString().equals(node)) {
                return count.get("passed").asLong();
            }
        }
        return 0;
    }

    private static java.util.List<String> changes(JsonNode tags, String name) {
        var changes = new ArrayList<String>();
        for (var change : tags.get("history")) {
            if (change.get("name").asString().equals(name)) {
                changes.add(change.get("change").asString());
            }
        }
        return changes;
    }

    /** Waits until the tag's member count (answered from the index) is {@code count}. */
    private void awaitMembers(long tag, long count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var customers = -1L;
        while (System.nanoTime() < deadline) {
            customers = siyu.admin()
                    .get("/api/v1/tags/" + tag)
                    .json()
                    .get("customers")
                    .asLong();
            if (customers == count) {
                return;
            }
            JourneyFixtures.pause();
        }
        throw new AssertionError("tag " + tag + " has " + customers + " members, not " + count);
    }
}
