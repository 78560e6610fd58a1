package io.siyu.webhooks.internal.endpoints;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an endpoint may reach: not Siyu's own machine or network (loopback, private, link-local such as the
 * cloud metadata service at 169.254.169.254, unique-local, shared, multicast, unspecified), unless an operator allowed
 * the network ({@code siyu.webhooks.allowed-networks}). Without this anyone who may register an endpoint could make
 * Siyu call, and report on, services that trust its network (server-side request forgery).
 *
 * <p>A host name is checked for every address it resolves to when the endpoint is saved, and by the delivery client's
 * resolver each time it connects: the connection goes only to addresses checked then, so a name pointed at an internal
 * address later, even between a check and a connection (DNS rebinding), reaches nothing.
 */
public final class AddressPolicy {

    /** Networks no endpoint reaches by default, beyond those {@link InetAddress} names (loopback, site-local, ...). */
    private static final List<Network> INTERNAL = List.of(
            Network.parse("0.0.0.0/8"),
            Network.parse("100.64.0.0/10"),
            Network.parse("192.0.0.0/24"),
            Network.parse("198.18.0.0/15"),
            Network.parse("240.0.0.0/4"),
            Network.parse("fc00::/7"),
            Network.parse("64:ff9b::/96"));

    private final List<Network> allowed;

    public AddressPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream()
                .filter(n -> !n.isBlank())
                .map(Network::parse)
                .toList();
    }

    /** Why the address may not be called, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(n -> n.contains(address))) {
            return Optional.empty();
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(address.getHostAddress() + " is a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(address.getHostAddress() + " is a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(address.getHostAddress() + " is a private address");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(address.getHostAddress() + " is not an address of one host");
        }
        if (INTERNAL.stream().anyMatch(n -> n.contains(address))) {
            return Optional.of(address.getHostAddress() + " is an internal or reserved address");
        }
        return Optional.empty();
    }

    /**
     * Why the host may not be called, checking every address it resolves to; empty when it may. Throws
     * {@link UnknownHostException} when the name does not resolve.
     */
    public Optional<String> refusal(String host) throws UnknownHostException {
        return refusal(host, InetAddress.getAllByName(host));
    }

    /** Why the host, resolved to {@code addresses}, may not be called, naming the first address refused; empty when it may. */
    public Optional<String> refusal(String host, InetAddress[] addresses) {
        for (var address : addresses) {
            var refusal = refusal(address);
            if (refusal.isPresent()) {
                return refusal.map(reason -> host.equals(address.getHostAddress()) ? reason : host + ": " + reason);
            }
        }
        return Optional.empty();
    }

    /** A block of addresses in CIDR notation. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            var slash = cidr.strip().indexOf('/');
            try {
                var text = slash < 0 ? cidr.strip() : cidr.strip().substring(0, slash);
                if (!text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*")) {
                    throw new IllegalArgumentException();
                }
                var address = InetAddress.getByName(text).getAddress();
                var bits = slash < 0
                        ? address.length * 8
                        : Integer.parseInt(cidr.strip().substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new Network(address, bits);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalStateException(
                        "siyu.webhooks.allowed-networks: '" + cidr + "' is not a network such as 10.0.0.0/8", e);
            }
        }

        boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            if (bytes.length != prefix.length
                    || (address instanceof Inet4Address) != (prefix.length == 4)
                    || (address instanceof Inet6Address) != (prefix.length == 16)) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                var mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
