package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Consent, suppression and addresses decide who gets a message, whatever asks for it: each refusal is a skipped row
 * with its reason, and nothing reaches the SMTP server.
 */
@SiyuIntegrationTest
class RespectTests {

    @Autowired
    SiyuUnderTest siyu;

    private String outcome(long customer, String template) {
        var fixtures = new MessagingFixtures(siyu);
        var row = fixtures.settled(
                fixtures.send(customer, template, null).get("sendId").asLong());
        return row.get("state").asString()
                + (row.has("outcome") ? ":" + row.get("outcome").asString() : "");
    }

    @Test
    void marketingNeedsTheChannelGranted() {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var undecided = fixtures.customer(address, "Undecided", null);

        assertThat(outcome(undecided, fixtures.marketingTemplate())).isEqualTo("skipped:consent-missing");
        assertThat(TestMailServer.to(address)).isEmpty();
    }

    @Test
    void marketingStopsWhenTheChannelOrMarketingIsDenied() {
        var fixtures = new MessagingFixtures(siyu);
        var template = fixtures.marketingTemplate();
        var deniedEmail = fixtures.customer(MessagingFixtures.freshAddress(), "NoMail", "{\"email\":false}");
        var deniedMarketing =
                fixtures.customer(MessagingFixtures.freshAddress(), "NoAds", "{\"email\":true,\"marketing\":false}");

        assertThat(outcome(deniedEmail, template)).isEqualTo("skipped:consent-denied");
        assertThat(outcome(deniedMarketing, template)).isEqualTo("skipped:consent-denied");
    }

    @Test
    void transactionalMessagesNeedNoConsentButRespectSuppression() {
        var fixtures = new MessagingFixtures(siyu);
        var template = fixtures.template("transactional", "Your order shipped", null, "It is on its way.");
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Buyer", "{\"email\":false}");

        assertThat(outcome(customer, template)).isEqualTo("sent");
        assertThat(TestMailServer.await(address, 1)).hasSize(1);

        var suppressed = siyu.admin()
                .post(
                        "/api/v1/suppressions",
                        "{\"customerId\":" + customer + ",\"channel\":\"email\",\"note\":\"bounced\"}");
        assertThat(suppressed.status()).as(suppressed.body()).isEqualTo(201);
        assertThat(outcome(customer, template)).isEqualTo("skipped:suppressed");
        assertThat(TestMailServer.to(address)).hasSize(1);
    }

    @Test
    void aCustomerWithoutAnAddressIsSkipped() {
        var fixtures = new MessagingFixtures(siyu);
        var customer = fixtures.customer(null, "Nobody", "{\"email\":true}");

        assertThat(outcome(customer, fixtures.marketingTemplate())).isEqualTo("skipped:no-address");
    }
}
