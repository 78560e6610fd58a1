package io.siyu.webhooks.internal.delivery;

import io.siyu.webhooks.internal.endpoints.AddressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves an endpoint's host for the connection itself and answers only addresses the {@link AddressPolicy} lets
 * Siyu call: the connection goes to the very addresses that were checked. A name that leads anywhere Siyu may not call
 * is refused as a whole ({@link Refused}), so a name that answers a public address to the check before the attempt and
 * an internal one a moment later (DNS rebinding) reaches nothing.
 */
final class CheckedResolver implements DnsResolver {

    private final AddressPolicy policy;

    CheckedResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    /** The host leads somewhere Siyu may not call; the reason names the address. */
    static final class Refused extends UnknownHostException {
        Refused(String reason) {
            super(reason);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        var addresses = InetAddress.getAllByName(host);
        var refusal = policy.refusal(host, addresses);
        if (refusal.isPresent()) {
            throw new Refused(refusal.get());
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // only used for Kerberos-style authentication, which webhooks never do: the name as given
        return host;
    }
}
