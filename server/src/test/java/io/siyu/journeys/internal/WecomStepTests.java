package io.siyu.journeys.internal;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.TestWecomServer;
import io.siyu.messaging.internal.MessagingFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A journey's WeCom step: the message is a task for the staff member who owns the relationship, and the customer waits
 * at the node for its outcome; sent, they go on; not confirmed in time, the task is cancelled and the fallback e-mail
 * goes, once.
 */
@SiyuIntegrationTest
class WecomStepTests {

    @Autowired
    SiyuUnderTest siyu;

    record Customer(JourneyFixtures.Customer customer, String contact) {}

    private Customer customer() {
        var user = "wecom-step-" + UUID.randomUUID();
        var email = "w-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        var contact = TestWecomServer.freshContact();
        var sent = siyu.shop().post("/v1/batch", """
                {"batch":[{"type":"identify","userId":"%s","traits":{"first_name":"Mei","email":"%s","wecom_owner":"lisi"},
                  "context":{"externalIds":[{"id":"%s","type":"wecom_external_userid"}],
                             "consent":{"categoryPreferences":{"email":true,"wecom":true}}}}]}""".formatted(user, email, contact));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        TestWecomServer.get().befriend("lisi", contact);
        return new Customer(new JourneyFixtures.Customer(user, siyu.customerId("user_id:" + user), email), contact);
    }

    private String wecomTemplate() {
        return new MessagingFixtures(siyu).wecomTemplate("{{customer.first_name}}，会员日到了");
    }

    private long journey(String timeout, String event) {
        return journey(timeout, event, wecomTemplate());
    }

    private long journey(String timeout, String event, String wecomTemplate) {
        return new JourneyFixtures(siyu).published("""
                {"trigger":{"type":"event","event":"%s"},"first":"wecom","nodes":[
                  {"id":"wecom","type":"action","action":"send_message",
                   "config":{"template":"%s","awaitResult":{"timeout":"%s","fallbackTemplate":"%s"}},"next":"bye"},
                  {"id":"bye","type":"exit"}]}""".formatted(
                        event, wecomTemplate, timeout, new MessagingFixtures(siyu).marketingTemplate()));
    }

    @Test
    void aWaitThatDoesNotReadIsRefusedNamingItsField() {
        var wecom = wecomTemplate();
        var mail = new MessagingFixtures(siyu).marketingTemplate();
        var cases = java.util.Map.of(
                "{\"template\":\"%s\",\"awaitResult\":{\"timeout\":\"soon\",\"fallbackTemplate\":\"%s\"}}"
                        .formatted(wecom, mail),
                "draft.nodes[0].config.awaitResult.timeout",
                "{\"template\":\"%s\",\"awaitResult\":{\"timeout\":\"PT1H\",\"fallbackTemplate\":\"%s\"}}"
                        .formatted(wecom, wecom),
                "draft.nodes[0].config.awaitResult.fallbackTemplate",
                "{\"template\":\"%s\",\"awaitResult\":{\"timeout\":\"PT1H\",\"fallbackTemplate\":\"%s\"}}"
                        .formatted(mail, mail),
                "draft.nodes[0].config.awaitResult");
        cases.forEach((config, field) -> {
            var refused = siyu.admin().post("/api/v1/journeys", """
                    {"name":"Refused %s","draft":{"trigger":{"type":"event","event":"X"},"first":"w","nodes":[
                      {"id":"w","type":"action","action":"send_message","config":%s}]}}""".formatted(UUID.randomUUID(), config));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(field);
        });
    }

    @Test
    void aConfirmedTaskMovesTheCustomerOnWithoutTheFallback() {
        var fixtures = new JourneyFixtures(siyu);
        var event = "Member Day " + UUID.randomUUID();
        var journey = journey("PT1H", event);
        var customer = customer();

        fixtures.track(customer.customer(), event, "{}");
        var task = TestWecomServer.get().await(customer.contact(), 1).getFirst();
        fixtures.report(journey, r -> state(r, "waiting") == 1);
        TestWecomServer.get().confirm(task.msgid());
        new MessagingFixtures(siyu).timelineEvent(customer.customer().id(), "WeCom Message Sent");

        fixtures.report(journey, r -> state(r, "exited") + state(r, "completed") == 1);
        assertThat(task.cancels().get()).isZero();
        assertThat(TestMailServer.to(customer.customer().email())).isEmpty();
    }

    @Test
    void aTaskNobodyConfirmsIsCancelledAtTheTimeoutAndTheFallbackGoesOnce() {
        var fixtures = new JourneyFixtures(siyu);
        var event = "Member Day " + UUID.randomUUID();
        var journey = journey("PT2S", event);
        var customer = customer();

        fixtures.track(customer.customer(), event, "{}");
        var task = TestWecomServer.get().await(customer.contact(), 1).getFirst();

        assertThat(TestMailServer.await(customer.customer().email(), 1)).hasSize(1);
        fixtures.report(journey, r -> state(r, "exited") + state(r, "completed") == 1);
        var notSent =
                new MessagingFixtures(siyu).timelineEvent(customer.customer().id(), "WeCom Message Not Sent");
        assertThat(notSent.get("properties").get("reason").asString()).isEqualTo("cancelled");
        assertThat(task.cancels().get()).isEqualTo(1);
        TestWecomServer.get().confirm(task.msgid());
        siyu.applyQueued();
        assertThat(TestMailServer.to(customer.customer().email())).hasSize(1);
        assertThat(siyu.admin()
                        .get("/api/v1/customers/" + customer.customer().id() + "/events?name=WeCom%20Message%20Sent")
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void eachJourneyWaitsForTheOutcomeOfItsOwnMessage() {
        var fixtures = new JourneyFixtures(siyu);
        var first = "Member Day " + UUID.randomUUID();
        var second = "Store Visit " + UUID.randomUUID();
        var firstJourney = journey("PT1H", first, new MessagingFixtures(siyu).wecomTemplate("会员日到了"));
        var secondJourney = journey("PT1H", second, new MessagingFixtures(siyu).wecomTemplate("门店活动"));
        var customer = customer();

        fixtures.track(customer.customer(), first, "{}");
        fixtures.track(customer.customer(), second, "{}");
        var tasks = TestWecomServer.get().await(customer.contact(), 2);
        fixtures.report(firstJourney, r -> state(r, "waiting") == 1);
        fixtures.report(secondJourney, r -> state(r, "waiting") == 1);
        var firstTask =
                tasks.stream().filter(t -> t.text().contains("会员日")).findFirst().orElseThrow();
        TestWecomServer.get().confirm(firstTask.msgid());
        new MessagingFixtures(siyu).timelineEvent(customer.customer().id(), "WeCom Message Sent");

        fixtures.report(firstJourney, r -> state(r, "exited") + state(r, "completed") == 1);
        // the other journey's message has no outcome yet: its customer still waits for it
        var stillWaiting = fixtures.report(secondJourney, r -> true);
        assertThat(state(stillWaiting, "waiting")).isEqualTo(1);
        assertThat(TestMailServer.to(customer.customer().email())).isEmpty();
    }
}
