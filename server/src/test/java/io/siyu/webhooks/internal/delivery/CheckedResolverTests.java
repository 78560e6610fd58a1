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
}
