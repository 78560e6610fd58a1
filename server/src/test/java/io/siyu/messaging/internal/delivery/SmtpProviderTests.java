package io.siyu.messaging.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.TestMailServer;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SMTP provider against a real SMTP server, and against none. */
class SmtpProviderTests {

    private static MessagingProperties.Email email(int port) {
        return new MessagingProperties.Email(
                "Brand <news@brand.example>",
                null,
                null,
                new MessagingProperties.Smtp("127.0.0.1", port, null, null, false, false, Duration.ofSeconds(5)));
    }

    private static Outgoing message(long id, String to) {
        return new Outgoing(
                id, to, "m***", new TemplateRenderer.Rendered("Hi", "<p>Hi</p>", "Hi"), Map.of("X-Test", "1"));
    }

    @Test
    void aBatchGoesOutOverOneConnectionWithTheLedgersMessageIds() {
        var provider = new SmtpProvider(email(TestMailServer.port()));
        var first = "smtp-a-" + System.nanoTime() + "@example.com";
        var second = "smtp-b-" + System.nanoTime() + "@example.com";

        var deliveries = provider.send(List.of(message(901, first), message(902, second)));

        assertThat(deliveries).extracting(Delivery::status).containsExactly(Delivery.Status.SENT, Delivery.Status.SENT);
        assertThat(deliveries.getFirst().providerMessageId()).isEqualTo("<siyu.901@brand.example>");
        assertThat(TestMailServer.await(first, 1)).hasSize(1);
        assertThat(TestMailServer.await(second, 1)).hasSize(1);
    }

    @Test
    void anUnreachableServerMeansTryAgainForEveryMessage() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var provider = new SmtpProvider(email(closed));

        var deliveries = provider.send(List.of(message(1, "a@example.com"), message(2, "b@example.com")));

        assertThat(deliveries).extracting(Delivery::status).containsOnly(Delivery.Status.RETRY);
        assertThat(deliveries.getFirst().detail()).isNotBlank();
    }
}
