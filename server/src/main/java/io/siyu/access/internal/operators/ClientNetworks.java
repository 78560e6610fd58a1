package io.siyu.access.internal.operators;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Client addresses as limits count them: one subscriber is usually given a whole IPv6 /64 network, so an IPv6 client
 * is counted by its /64, and an IPv4 client by its address.
 */
public final class ClientNetworks {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientNetworks() {}

    /**
     * The network an address is counted by: an IPv6 address by its /64, an IPv4 address (also one written as IPv4-mapped
     * IPv6) by itself. Only IP literals are parsed, so nothing here ever asks DNS.
     */
    public static String of(String client) {
        if (client == null
                || client.indexOf(':') < 0
                || !IP_LITERAL.matcher(client).matches()) {
            return client;
        }
        try {
            var address = InetAddress.getByName(client);
            if (address instanceof Inet4Address) {
                return address.getHostAddress();
            }
            return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return client;
        }
    }
}
