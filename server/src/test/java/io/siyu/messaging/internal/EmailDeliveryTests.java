package io.siyu.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestMailServer;
import jakarta.mail.internet.MimeMultipart;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A marketing e-mail queued through the API reaches a real SMTP server once, as RFC 8058 and the ledger want it. */
@SiyuIntegrationTest
class EmailDeliveryTests {

    @Autowired
    SiyuUnderTest siyu;

    @Test
    void aMarketingEmailArrivesPersonalisedWithTextHtmlAndOneClickUnsubscribe() throws Exception {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Mei", "{\"email\":true}");
        var queued = fixtures.send(customer, fixtures.marketingTemplate(), null);

        var message = TestMailServer.await(address, 1).getFirst();

        assertThat(message.getSubject()).isEqualTo("Hello Mei");
        assertThat(message.getMessageID())
                .isEqualTo("<siyu." + queued.get("sendId").asLong() + "@siyu.localhost>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("List-Unsubscribe", null))
                .matches("<http[^>]+/t/u/" + queued.get("sendId").asLong() + "\\.u\\.[A-Za-z0-9_-]{22}>");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        var alternative = (MimeMultipart) message.getContent();
        var text = (String) alternative.getBodyPart(0).getContent();
        var html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("Hi Mei").contains("/t/u/");
        assertThat(html)
                .contains("Hi Mei")
                .doesNotContain("<script")
                .doesNotContain("href=\"https://shop.example.com/new")
                .contains("/t/c/")
                .contains("/t/o/");
    }

    @Test
    void theSameReasonAskedTwiceSendsOneMessage() {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Lan", "{\"email\":true}");
        var template = fixtures.marketingTemplate();
        var reason = "order-" + UUID.randomUUID();

        var first = fixtures.send(customer, template, reason);
        var second = fixtures.send(customer, template, reason);

        assertThat(first.get("alreadyQueued").asBoolean()).isFalse();
        assertThat(second.get("alreadyQueued").asBoolean()).isTrue();
        assertThat(second.get("sendId").asLong()).isEqualTo(first.get("sendId").asLong());
        assertThat(fixtures.settled(first.get("sendId").asLong()).get("state").asString())
                .isEqualTo("sent");
        assertThat(TestMailServer.await(address, 1)).hasSize(1);
    }

    @Test
    void aSentMessageIsAnEventOnTheCustomersTimeline() {
        var fixtures = new MessagingFixtures(siyu);
        var address = MessagingFixtures.freshAddress();
        var customer = fixtures.customer(address, "Bo", "{\"email\":true}");
        var queued = fixtures.send(customer, fixtures.marketingTemplate(), null);
        var row = fixtures.settled(queued.get("sendId").asLong());

        var event = fixtures.timelineEvent(customer, "Email Sent");

        assertThat(row.get("provider").asString()).isEqualTo("smtp");
        assertThat(row.get("address").asString()).isNotEqualTo(address).contains("***");
        assertThat(event.get("properties").get("send_id").asLong())
                .isEqualTo(queued.get("sendId").asLong());
    }
}
