package io.siyu.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.TestWecomServer;
import io.siyu.audience.CustomerEnteredSegment;
import io.siyu.customers.CustomerId;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A visitor inside a journey signs in, and their profile merges into the shop's account: the run is the account's, at
 * the same node, waiting for the same event, and what the account does next moves it on and converts it. Where both
 * were inside the journey, the account's run goes on and the visitor's ends as merged.
 */
@SiyuIntegrationTest
class JourneyMergeTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private void send(String message) {
        var sent = siyu.shop().post("/v1/batch", "{\"batch\":[" + message + "]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
    }

    /** The journey's runs, oldest first: customer, state, node, end reason. */
    private List<Map<String, Object>> runs(long journey) {
        return jdbc.queryForList(
                "select customer_id, state, node, wait_event, end_reason from journeys.run where journey_id = ? order by id",
                journey);
    }

    private List<Map<String, Object>> runsUntil(long journey, Predicate<List<Map<String, Object>>> until) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var runs = runs(journey);
            if (until.test(runs)) {
                return runs;
            }
            assertThat(System.nanoTime())
                    .as("the runs of journey %d: %s", journey, runs)
                    .isLessThan(deadline);
            JourneyFixtures.pause();
        }
    }

    private static boolean all(List<Map<String, Object>> runs, int count, String state) {
        return runs.size() == count && runs.stream().allMatch(r -> state.equals(r.get("state")));
    }

    @Test
    void theAccountsOrderMovesOnAndConvertsTheRunTheVisitorWaitedIn() {
        var fixtures = new JourneyFixtures(siyu);
        var started = "Browsed " + UUID.randomUUID();
        var journey = fixtures.messageThenOrder(started, new MessagingFixtures(siyu).marketingTemplate());
        var device = "dev-" + UUID.randomUUID();
        var account = fixtures.customer();
        send("""
                {"type":"track","anonymousId":"%s","event":"%s","properties":{}}""".formatted(device, started));
        var visitor = siyu.customerId("anonymous_id:" + device);
        runsUntil(journey, runs -> all(runs, 1, "waiting"));

        send("""
                {"type":"identify","userId":"%s","anonymousId":"%s"}""".formatted(account.user(), device));

        var moved = runs(journey).getFirst();
        assertThat(((Number) moved.get("customer_id")).longValue()).isEqualTo(account.id());
        assertThat(moved.get("node")).isEqualTo("order");
        assertThat(moved.get("wait_event")).isEqualTo("Order Completed");
        assertThat(account.id()).isNotEqualTo(visitor);

        fixtures.track(account, "Order Completed", "{\"order_id\":\"" + UUID.randomUUID() + "\",\"total\":20}");

        runsUntil(journey, runs -> all(runs, 1, "converted"));
    }

    @Test
    void whenBothWereInsideTheAccountsRunGoesOnAndTheVisitorsEndsAsMerged() {
        var fixtures = new JourneyFixtures(siyu);
        var started = "Browsed " + UUID.randomUUID();
        var journey = fixtures.messageThenOrder(started, new MessagingFixtures(siyu).marketingTemplate());
        var device = "dev-" + UUID.randomUUID();
        send("""
                {"type":"track","anonymousId":"%s","event":"%s","properties":{}}""".formatted(device, started));
        var account = fixtures.customer();
        fixtures.track(account, started, "{}");
        runsUntil(journey, runs -> all(runs, 2, "waiting"));

        send("""
                {"type":"identify","userId":"%s","anonymousId":"%s"}""".formatted(account.user(), device));

        var runs = runs(journey);
        assertThat(runs).allMatch(r -> ((Number) r.get("customer_id")).longValue() == account.id());
        assertThat(runs.get(0).get("state")).isEqualTo("exited");
        assertThat(runs.get(0).get("end_reason")).isEqualTo("merged");
        assertThat(runs.get(1).get("state")).isEqualTo("waiting");

        fixtures.track(account, "Order Completed", "{\"order_id\":\"" + UUID.randomUUID() + "\",\"total\":20}");

        var ended = runsUntil(journey, r -> "converted".equals(r.get(1).get("state")));
        assertThat(ended.get(0).get("state")).isEqualTo("exited");
    }

    @Test
    void aSegmentEntryHeardAfterItsCustomerMergedEntersNobody() {
        var fixtures = new JourneyFixtures(siyu);
        var run = UUID.randomUUID().toString().substring(0, 8);
        fixtures.identify(fixtures.customer(), "late_" + run, "no");
        siyu.admin().awaitAudienceIndex();
        var created = siyu.admin().post("/api/v1/segments", """
                {"name":"Late %1$s","definition":{"version":1,"condition":{"type":"trait","trait":"late_%1$s",
                 "operator":"equals","value":"yes"}}}""".formatted(run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var segment = created.json().path("id").asLong();
        var journey = fixtures.published("""
                {"trigger":{"type":"segment_entered","segment":%d},"first":"hello","nodes":[
                  {"id":"hello","type":"action","action":"send_message","config":{"template":"%s"},"next":null}]}""".formatted(segment, new MessagingFixtures(siyu).marketingTemplate()));
        var device = "dev-" + UUID.randomUUID();
        send("""
                {"type":"track","anonymousId":"%s","event":"Viewed","properties":{}}""".formatted(device));
        var visitor = siyu.customerId("anonymous_id:" + device);
        var account = fixtures.customer();
        send("""
                {"type":"identify","userId":"%s","anonymousId":"%s"}""".formatted(account.user(), device));

        // the audience announces the visitor's entry late, after the merge
        transactions.executeWithoutResult(status -> events.publishEvent(
                new CustomerEnteredSegment(segment, CustomerId.of(visitor), java.time.Instant.now())));
        var pending = "select count(*) from event_publication where completion_date is null"
                + " and event_type like '%CustomerEnteredSegment' and serialized_event like ?";
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject(pending, Long.class, "%\"segmentId\":" + segment + "%") > 0) {
            assertThat(System.nanoTime()).as("the late entry heard").isLessThan(deadline);
            JourneyFixtures.pause();
        }

        assertThat(jdbc.queryForObject(
                        "select count(*) from journeys.trigger_inbox where customer_id = ?", Long.class, visitor))
                .isZero();
        assertThat(runs(journey)).isEmpty();
    }

    @Test
    void aWecomMessageTheVisitorWasSentIsCancelledWhenTheAccountsFallbackGoes() {
        var fixtures = new JourneyFixtures(siyu);
        var messaging = new MessagingFixtures(siyu);
        var event = "Member Day " + UUID.randomUUID();
        var journey = fixtures.published("""
                {"trigger":{"type":"event","event":"%s"},"first":"wecom","nodes":[
                  {"id":"wecom","type":"action","action":"send_message",
                   "config":{"template":"%s","awaitResult":{"timeout":"PT1H","fallbackTemplate":"%s"}},"next":"bye"},
                  {"id":"bye","type":"exit"}]}""".formatted(
                event, messaging.wecomTemplate("{{customer.first_name}}，会员日到了"), messaging.marketingTemplate()));
        var device = "dev-" + UUID.randomUUID();
        var contact = TestWecomServer.freshContact();
        send("""
                {"type":"identify","anonymousId":"%s","traits":{"first_name":"Mei","wecom_owner":"lisi"},
                 "context":{"externalIds":[{"id":"%s","type":"wecom_external_userid"}],
                            "consent":{"categoryPreferences":{"wecom":true}}}}""".formatted(device, contact));
        TestWecomServer.get().befriend("lisi", contact);
        send("""
                {"type":"track","anonymousId":"%s","event":"%s","properties":{}}""".formatted(device, event));
        var account = fixtures.customer();
        var task = TestWecomServer.get().await(contact, 1).getFirst();
        runsUntil(journey, runs -> all(runs, 1, "waiting"));

        send("""
                {"type":"identify","userId":"%s","anonymousId":"%s"}""".formatted(account.user(), device));
        // nobody confirms the task: its hour is over
        jdbc.update("update journeys.run set due_at = now() where journey_id = ? and state = 'waiting'", journey);

        assertThat(TestMailServer.await(account.email(), 1)).hasSize(1);
        runsUntil(
                journey,
                runs -> runs.size() == 1 && !"waiting".equals(runs.getFirst().get("state")));
        assertThat(task.cancels().get()).isEqualTo(1);
    }
}
