package io.siyu.webhooks.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.webhooks.internal.endpoints.AddressPolicy;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resolver the webhook client connects through answers only addresses Siyu may call: whatever a name answers when
 * the connection is made is checked then, so a name that turns internal after the check before the attempt reaches
 * nothing.
 */
class CheckedResolverTests {

    private final CheckedResolver resolver = new CheckedResolver(new AddressPolicy(List.of()));

    @Test
    void aPublicAddressIsAnsweredAsItIs() throws Exception {
        assertThat(resolver.resolve("93.184.215.14")).containsExactly(InetAddress.getByName("93.184.215.14"));
    }

    @Test
    void aNameOrAddressLeadingInsideIsRefusedNamingTheAddress() {
        assertThatThrownBy(() -> resolver.resolve("localhost"))
                .isInstanceOf(CheckedResolver.Refused.class)
                .hasMessageContaining("localhost: ")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> resolver.resolve("169.254.169.254"))
                .isInstanceOf(CheckedResolver.Refused.class)
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> resolver.resolve("10.1.2.3"))
                .isInstanceOf(CheckedResolver.Refused.class)
                .hasMessageContaining("private");
    }

    @Test
    void aNetworkAnOperatorAllowedIsAnswered() throws Exception {
        var allowing = new CheckedResolver(new AddressPolicy(List.of("127.0.0.0/8")));

        assertThat(allowing.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void theSenderConnectsThroughItSoAnAttemptToAnInternalAddressIsRefusedUnsent() {
        var policy = new AddressPolicy(List.of());
        var properties = new io.siyu.webhooks.internal.WebhooksProperties(
                null,
                List.of(),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                10,
                java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(5),
                java.time.Duration.ofHours(24),
                4,
                20);
        var sender = new Sender(policy, properties, java.time.Clock.systemUTC());

        var attempt = sender.send(
                new io.siyu.webhooks.internal.endpoints.Endpoints.Target(
                        1, java.net.URI.create("http://127.0.0.1:9/hooks"), List.of(new byte[32])),
                new WebhookOutbox.Claimed(1, "msg_" + java.util.UUID.randomUUID(), 1, "{}", 0));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
        assertThat(attempt.verdict().detail()).isEqualTo("not sent: 127.0.0.1 is a loopback address");
    }
}
