package io.siyu.journeys.internal.runtime;

import static io.siyu.journeys.internal.JourneyFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import io.siyu.TestSmsServer;
import io.siyu.journeys.internal.JourneyFixtures;
import io.siyu.messaging.internal.MessagingFixtures;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A journey walked end to end through a random split whose ways send by different channels: each customer goes the way
 * the split's shares and their own hash name, the same every time, and gets exactly one message, by SMS through the
 * provider's stand-in (which checks the request's signature) or by e-mail through the SMTP server.
 */
@SiyuIntegrationTest
class RandomSplitWalkTests {

    private static final int CUSTOMERS = 20;

    @Autowired
    SiyuUnderTest siyu;

    record Walker(long id, String phone, String email) {}

    @Test
    void eachCustomerGoesTheWayTheirHashNamesAndGetsOneMessageByThatChannel() {
        var journeys = new JourneyFixtures(siyu);
        var messaging = new MessagingFixtures(siyu);
        var sms = messaging.smsTemplate("marketing", "SMS_100000001");
        var mail = messaging.template("marketing", "By mail", null, "Hello by mail");
        var journey = journeys.published("""
                {"trigger":{"type":"api"},"first":"coin","nodes":[
                  {"id":"coin","type":"split_random","branches":[{"percent":30,"next":"text"},
                   {"percent":70,"next":"letter"}]},
                  {"id":"text","type":"action","action":"send_message","config":{"template":"%s"},"next":null},
                  {"id":"letter","type":"action","action":"send_message","config":{"template":"%s"},"next":null}]}""".formatted(sms, mail));
        var walkers = new ArrayList<Walker>();
        for (int i = 0; i < CUSTOMERS; i++) {
            var phone = MessagingFixtures.freshPhone();
            var email = "walk-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            var id = messaging.customerWithPhoneAndEmail(phone, email, "Ying", "{\"email\":true,\"sms\":true}");
            walkers.add(new Walker(id, phone, email));
        }

        for (var walker : walkers) {
            var entered = siyu.admin()
                    .post("/api/v1/journeys/" + journey + "/entries", "{\"customerId\":" + walker.id() + "}");
            assertThat(entered.status()).as(entered.body()).isEqualTo(202);
        }

        journeys.report(journey, r -> state(r, "completed") == CUSTOMERS);
        var texted = 0;
        for (var walker : walkers) {
            var byText = Interpreter.bucket(journey + ":coin:" + walker.id(), 100) < 30;
            if (byText) {
                texted++;
                var accepted = TestSmsServer.get().await(walker.phone().substring(3), 1);
                assertThat(accepted).singleElement().satisfies(a -> {
                    assertThat(a.templateCode()).isEqualTo("SMS_100000001");
                    assertThat(a.parameters().path("name").asString()).isEqualTo("Ying");
                });
            } else {
                assertThat(TestMailServer.await(walker.email(), 1))
                        .singleElement()
                        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("By mail"));
            }
        }
        // every message has been sent by now: nobody got one by the other way too
        for (var walker : walkers) {
            var byText = Interpreter.bucket(journey + ":coin:" + walker.id(), 100) < 30;
            assertThat(TestSmsServer.get().to(walker.phone().substring(3))).hasSize(byText ? 1 : 0);
            assertThat(TestMailServer.to(walker.email())).hasSize(byText ? 0 : 1);
        }
        // the ledger settles a moment after the provider took the message
        var nodes = journeys.report(
                        journey, r -> sent(r.get("nodes"), "text") + sent(r.get("nodes"), "letter") == CUSTOMERS)
                .get("nodes");
        assertThat(node(nodes, "text").path("passed").asLong()).isEqualTo(texted);
        assertThat(node(nodes, "letter").path("passed").asLong()).isEqualTo(CUSTOMERS - texted);
        assertThat(node(nodes, "text").path("messages").path("sent").asLong()).isEqualTo(texted);
        assertThat(node(nodes, "letter").path("messages").path("sent").asLong()).isEqualTo(CUSTOMERS - texted);
    }

    private static long sent(tools.jackson.databind.JsonNode nodes, String id) {
        for (var node : nodes) {
            if (node.path("node").asString().equals(id)) {
                return node.path("messages").path("sent").asLong();
            }
        }
        return 0;
    }

    private static tools.jackson.databind.JsonNode node(tools.jackson.databind.JsonNode nodes, String id) {
        for (var node : nodes) {
            if (node.path("node").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no figures for node " + id + " in " + nodes);
    }
}
