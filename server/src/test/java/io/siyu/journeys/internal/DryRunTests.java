package io.siyu.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.messaging.internal.MessagingFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dry run of a draft through the real API: who would enter (a segment's members, the customers who did the event
 * lately), and one customer's path with the split their facts decide and the message rendered for them; nothing is
 * written.
 */
@SiyuIntegrationTest
class DryRunTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void aSegmentTriggerCountsTheMembersAndShowsTheFirstOfThem() {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var members = new ArrayList<JourneyFixtures.Customer>();
        for (int i = 0; i < 12; i++) {
            var customer = fixtures.customer();
            fixtures.identify(customer, "plan_" + run, "gold");
            members.add(customer);
        }
        fixtures.identify(fixtures.customer(), "plan_" + run, "silver");
        siyu.admin().awaitAudienceIndex();
        var segment = segment(run);

        var answer = dryRun("""
                {"draft":{"trigger":{"type":"segment_entered","segment":%d},"controlPercent":10,"first":"x",
                 "nodes":[{"id":"x","type":"exit"}]}}""".formatted(segment));

        var entry = answer.get("entry");
        assertThat(entry.get("trigger").asString()).isEqualTo("segment_entered");
        assertThat(entry.get("count").asLong()).isEqualTo(12);
        assertThat(entry.get("expectedControl").asLong()).isEqualTo(1);
        assertThat(ids(entry.get("sample")))
                .hasSize(10)
                .isSubsetOf(members.stream().map(JourneyFixtures.Customer::id).toList());
        assertThat(answer.hasNonNull("walk")).isFalse();
    }

    @Test
    void anEventTriggerCountsTheCustomersWhoDidItLatelyAndPassTheFilters() {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var gold = fixtures.customer();
        var silver = fixtures.customer();
        fixtures.track(gold, "Joined " + run, "{\"plan\":\"gold\"}");
        fixtures.track(gold, "Joined " + run, "{\"plan\":\"gold\"}");
        fixtures.track(silver, "Joined " + run, "{\"plan\":\"silver\"}");

        var entry = dryRun("""
                {"draft":{"trigger":{"type":"event","event":"Joined %s",
                 "where":[{"property":"plan","operator":"equals","value":"gold"}]},"first":"x",
                 "nodes":[{"id":"x","type":"exit"}]}}""".formatted(run)).get("entry");

        assertThat(entry.get("count").asLong()).isEqualTo(1);
        assertThat(ids(entry.get("sample"))).containsExactly(gold.id());
        assertThat(entry.get("applied").toString()).contains("property filters");
    }

    @Test
    void anApiTriggerLeavesEntryToTheCaller() {
        var entry = dryRun("""
                {"draft":{"trigger":{"type":"api"},"first":"x","nodes":[{"id":"x","type":"exit"}]}}""").get("entry");

        assertThat(entry.hasNonNull("count")).isFalse();
        assertThat(entry.get("applied").get(0).asString()).isEqualTo("entry is decided by the caller");
    }

    @Test
    void theCustomersPathFollowsTheirFactsAndRendersTheirMessagesWithoutWritingAnything() {
        var fixtures = new JourneyFixtures(siyu);
        var run = run();
        var customer = fixtures.customer();
        fixtures.identify(customer, "plan_" + run, "gold");
        siyu.admin().awaitAudienceIndex();
        var segment = segment(run);
        var template = new MessagingFixtures(siyu)
                .template("marketing", "Hello {{customer.first_name}}", null, "Gold for {{customer.first_name}}");
        var created = siyu.admin().post("/api/v1/journeys", """
                {"name":"Dry %s","draft":{"trigger":{"type":"api"},"first":"x","nodes":[{"id":"x","type":"exit"}]}}""".formatted(run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var journey = created.json().get("id").asLong();

        var draft = """
                {"trigger":{"type":"api"},"first":"gold","nodes":[
                  {"id":"gold","type":"split_segment","segment":%d,"yes":"hold","no":"bye"},
                  {"id":"hold","type":"wait_event","event":"Order Completed","timeout":"P3D","onEvent":"bye",
                   "onTimeout":"pause"},
                  {"id":"pause","type":"wait","duration":"P1D","next":"mail"},
                  {"id":"mail","type":"action","action":"send_message","config":{"template":"%s"},"next":"bye"},
                  {"id":"bye","type":"exit"}]}""".formatted(segment, template);
        var other = fixtures.customer();

        var walk = walk(journey, customer.id(), draft);
        var otherWalk = walk(journey, other.id(), draft);

        assertThat(walk.get("customerId").asLong()).isEqualTo(customer.id());
        assertThat(nodes(walk)).containsExactly("gold", "hold", "pause", "mail", "bye");
        assertThat(walk.get("path").get(0).get("detail").asString()).isEqualTo("yes → hold");
        assertThat(walk.get("path").get(2).get("detail").asString()).isEqualTo("waits PT24H");
        var message = walk.get("path").get(3).get("message");
        assertThat(message.get("subject").asString()).isEqualTo("Hello Jia");
        assertThat(message.get("text").asString()).isEqualTo("Gold for Jia");
        assertThat(walk.get("end").asString()).isEqualTo("exit");
        assertThat(nodes(otherWalk)).containsExactly("gold", "bye");
        assertThat(otherWalk.get("path").get(0).get("detail").asString()).isEqualTo("no → bye");

        var report = siyu.admin().get("/api/v1/journeys/" + journey + "/report").json();
        assertThat(report.get("nodes")).isEmpty();
        report.get("states").forEach(count -> assertThat(count.asLong()).isZero());
        var messages =
                siyu.admin().get("/api/v1/messages?customerId=" + customer.id()).json();
        assertThat(messages.get("items")).isEmpty();
    }

    @Test
    void aDraftThatCouldNotRunGetsTheProblemsOfTheCheck() {
        var refused = siyu.admin().post("/api/v1/journeys/dry-run", """
                {"draft":{"trigger":{"type":"api"},"first":"x","nodes":[{"id":"x","type":"wait","duration":"P1D",
                 "next":"nowhere"}]}}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("draft.nodes[0].next");
    }

    private JsonNode dryRun(String body) {
        var answer = siyu.admin().post("/api/v1/journeys/dry-run", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode walk(long journey, long customer, String draft) {
        return dryRun("{\"journeyId\":%d,\"customerId\":%d,\"draft\":%s}".formatted(journey, customer, draft))
                .get("walk");
    }

    private long segment(String run) {
        var created = siyu.admin().post("/api/v1/segments", """
                {"name":"Plan %1$s","definition":{"version":1,"condition":{"type":"trait","trait":"plan_%1$s",
                 "operator":"equals","value":"gold"}}}""".formatted(run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        siyu.admin().awaitAudienceIndex();
        return created.json().get("id").asLong();
    }

    private static List<Long> ids(JsonNode sample) {
        var ids = new ArrayList<Long>();
        sample.forEach(entrant -> ids.add(entrant.get("customer").get("id").asLong()));
        return ids;
    }

    private static List<String> nodes(JsonNode walk) {
        var nodes = new ArrayList<String>();
        walk.get("path").forEach(step -> nodes.add(step.get("node").asString()));
        return nodes;
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
