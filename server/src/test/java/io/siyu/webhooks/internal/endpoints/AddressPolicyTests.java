package io.siyu.webhooks.internal.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTests {

    static final AddressPolicy BY_DEFAULT = new AddressPolicy(List.of());

    @Test
    void internalAddressesAreRefusedByDefault() throws Exception {
        for (var address : List.of(
                "127.0.0.1",
                "127.8.9.10",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "::",
                "fe80::1",
                "fd00::1",
                "::ffff:10.0.0.1",
                "224.0.0.1")) {
            assertThat(BY_DEFAULT.refusal(InetAddress.getByName(address)))
                    .as(address)
                    .isPresent();
        }
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        for (var address : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111")) {
            assertThat(BY_DEFAULT.refusal(InetAddress.getByName(address)))
                    .as(address)
                    .isEmpty();
        }
    }

    @Test
    void anAllowedNetworkOpensExactlyItsAddresses() throws Exception {
        var policy = new AddressPolicy(List.of("10.20.0.0/16", "::1"));

        assertThat(policy.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("10.21.0.1"))).isPresent();
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
    }

    @Test
    void aHostIsRefusedWhenItResolvesToARefusedAddress() throws Exception {
        assertThat(BY_DEFAULT.refusal("localhost")).isPresent();
        assertThat(BY_DEFAULT.refusal("169.254.169.254")).hasValue("169.254.169.254 is a link-local address");
    }

    @Test
    void aMistypedNetworkStopsTheStart() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("10.0.0.0/33")))
                .hasMessageContaining("siyu.webhooks.allowed-networks");
        assertThatThrownBy(() -> new AddressPolicy(List.of("intranet")))
                .hasMessageContaining("siyu.webhooks.allowed-networks");
    }
}
