package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestWecomServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WeCom through the real application to a stand-in of WeCom's API: a message becomes a mass-message task for the staff
 * member who owns the relationship (or the default sender), its task id kept; the task's outcome comes onto the
 * customer's timeline once; a customer who is not the sender's contact is refused; an expired token is fetched again;
 * a task nobody confirms is reminded once, then cancelled and recorded as not sent.
 */
@SiyuIntegrationTest
class WecomDeliveryTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.siyu.messaging.Messages messages;

    @Autowired
    io.siyu.messaging.internal.dispatch.Dispatcher dispatcher;

    record Customer(long id, String contact) {}

    /** A customer reached on WeCom by a fresh external_userid, owned by {@code owner} (or nobody), consenting to it. */
    Customer customer(String owner) {
        var contact = TestWecomServer.freshContact();
        var user = "wecom-" + UUID.randomUUID();
        var traits = HttpFixtures.JSON.createObjectNode().put("first_name", "Lan");
        if (owner != null) {
            traits.put("wecom_owner", owner);
        }
        var sent = siyu.shop().post("/v1/batch", """
                        {"batch":[{"type":"identify","userId":"%s","traits":%s,
                          "context":{"externalIds":[{"id":"%s","type":"wecom_external_userid"}],
                                     "consent":{"categoryPreferences":{"wecom":true}}}}]}""".formatted(user, traits, contact));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return new Customer(siyu.customerId("user_id:" + user), contact);
    }

    String template() {
        return new MessagingFixtures(siyu).wecomTemplate("{{customer.first_name}}，新品到店了，回复即可预约试穿");
    }

    long send(Customer customer) {
        return new MessagingFixtures(siyu)
                .send(customer.id(), template(), null)
                .get("sendId")
                .asLong();
    }

    @Test
    void aMessageIsATaskForTheOwnerAndItsConfirmationComesOntoTheTimelineOnce() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = customer("lisi");
        TestWecomServer.get().befriend("lisi", customer.contact());

        var row = fixtures.settled(send(customer));

        var task = TestWecomServer.get().await(customer.contact(), 1).getFirst();
        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(row.get("channel").asString()).isEqualTo("wecom");
        assertThat(row.get("provider").asString()).isEqualTo("wecom");
        assertThat(row.get("providerMessageId").asString()).isEqualTo(task.msgid());
        assertThat(row.get("address").asString()).doesNotContain(customer.contact());
        assertThat(task.sender()).isEqualTo("lisi");
        assertThat(task.text()).isEqualTo("Lan，新品到店了，回复即可预约试穿");
        fixtures.timelineEvent(customer.id(), "WeCom Message Task Created");

        TestWecomServer.get().confirm(task.msgid());

        var sent = fixtures.timelineEvent(customer.id(), "WeCom Message Sent");
        assertThat(sent.get("properties").get("sender").asString()).isEqualTo("lisi");
        assertThat(events(customer.id(), "WeCom Message Sent")).isEqualTo(1);
        assertThat(events(customer.id(), "WeCom Message Not Sent")).isZero();
    }

    @Test
    void aCustomerWithoutOwnerGetsTheDefaultSenderAndAReasonWhenWecomDoesNotSend() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = customer(null);
        TestWecomServer.get().befriend(TestWecomServer.DEFAULT_SENDER, customer.contact());
        fixtures.settled(send(customer));
        var task = TestWecomServer.get().await(customer.contact(), 1).getFirst();
        assertThat(task.sender()).isEqualTo(TestWecomServer.DEFAULT_SENDER);

        TestWecomServer.get().outcome(task.msgid(), 3);

        var notSent = fixtures.timelineEvent(customer.id(), "WeCom Message Not Sent");
        assertThat(notSent.get("properties").get("reason").asString()).isEqualTo("limit");
    }

    @Test
    void aCustomerWhoIsNotTheSendersContactIsRefused() {
        var customer = customer("lisi");

        var row = new MessagingFixtures(siyu).settled(send(customer));

        assertThat(row.get("state").asString()).isEqualTo("failed");
        assertThat(row.get("outcome").asString()).contains("not a contact");
    }

    @Test
    void anOwnerWecomDoesNotKnowParksTheMessage() {
        var customer = customer("wangwu");

        var row = new MessagingFixtures(siyu).settled(send(customer));

        assertThat(row.get("state").asString()).isEqualTo("parked");
        assertThat(row.get("outcome").asString()).contains("wangwu");
    }

    @Test
    void aFifthMarketingMessageInThirtyDaysIsSkippedAsWecomAllowsFourAMonth() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = customer("lisi");
        TestWecomServer.get().befriend("lisi", customer.contact());
        for (int i = 0; i < 4; i++) {
            assertThat(fixtures.settled(send(customer)).get("state").asString()).isEqualTo("sent");
        }

        var fifth = fixtures.settled(send(customer));

        assertThat(fifth.get("state").asString()).isEqualTo("skipped");
        assertThat(fifth.get("outcome").asString()).isEqualTo("frequency-cap");
        assertThat(TestWecomServer.get().tasksFor(customer.contact())).hasSize(4);
    }

    @Test
    void anExpiredTokenIsFetchedAgainAndTheMessageGoes() {
        var customer = customer("lisi");
        TestWecomServer.get().befriend("lisi", customer.contact());
        new MessagingFixtures(siyu).settled(send(customer));
        var before = TestWecomServer.get().tokensGiven();
        TestWecomServer.get().expireTokens();
        var other = customer("lisi");
        TestWecomServer.get().befriend("lisi", other.contact());

        var row = new MessagingFixtures(siyu).settled(send(other));

        assertThat(row.get("state").asString()).isEqualTo("sent");
        assertThat(TestWecomServer.get().tokensGiven()).isGreaterThan(before);
    }

    @Test
    void aTaskNobodyConfirmsIsRemindedOnceThenCancelledAndNotSent() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = customer("lisi");
        TestWecomServer.get().befriend("lisi", customer.contact());
        var sendId = send(customer);
        fixtures.settled(sendId);
        var task = TestWecomServer.get().await(customer.contact(), 1).getFirst();

        age(sendId, Duration.ofHours(5));
        await(() -> task.reminders().get() >= 1, "a reminder");
        age(sendId, Duration.ofDays(4));

        var notSent = fixtures.timelineEvent(customer.id(), "WeCom Message Not Sent");
        assertThat(notSent.get("properties").get("reason").asString()).isEqualTo("expired");
        assertThat(task.cancels().get()).isEqualTo(1);
        assertThat(task.reminders().get()).isEqualTo(1);
        assertThat(events(customer.id(), "WeCom Message Not Sent")).isEqualTo(1);
    }

    /** Makes a task as old as if it had been created {@code age} ago, and due to be checked. */
    private void age(long sendId, Duration age) {
        jdbc.update(
                "update messaging.wecom_task set created_at = now() - ?::interval, check_at = now() where send_id = ?",
                age.toSeconds() + " seconds",
                sendId);
    }

    private int events(long customerId, String name) {
        siyu.applyQueued();
        return siyu.admin()
                .get("/api/v1/customers/" + customerId + "/events?name="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .get("items")
                .size();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no " + what);
    }

    @Test
    void aMessageCancelledBeforeAnyDispatcherTookItIsWithdrawnAndNeverBecomesATask() {
        var customer = customer("lisi");
        TestWecomServer.get().befriend("lisi", customer.contact());
        var key = template();
        var reason = "journey:test:wecom:" + UUID.randomUUID();
        // queued for tomorrow, as a message held by the quiet hours is when its journey's wait times out
        jdbc.update("""
                insert into messaging.send (reason, origin, customer_id, channel, purpose, template_id, template_version,
                                            variables, state, due_at, queued_at)
                select ?, 'test', ?, 'wecom', 'marketing', id, version, '{}'::jsonb, 'queued', now() + interval '1 day', now()
                  from messaging.template where key = ?""", reason, customer.id(), key);

        messages.cancelWecom(reason);

        var row = jdbc.queryForMap("select state, outcome from messaging.send where reason = ?", reason);
        assertThat(row).containsEntry("state", "skipped").containsEntry("outcome", "cancelled");
        jdbc.update("update messaging.send set due_at = now() where reason = ?", reason);
        dispatcher.drain();
        assertThat(TestWecomServer.get().tasksFor(customer.contact())).isEmpty();
    }
}
