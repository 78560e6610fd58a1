package io.siyu.webhooks.internal.endpoints;

import io.siyu.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * An endpoint's address as Siyu accepts it: an absolute {@code http} or {@code https} URL with a host, no user name or
 * password (they would be stored and shown in clear; the signature is what authenticates Siyu) and no fragment, at most
 * {@value #MAX_LENGTH} characters, whose host is not refused by the {@link AddressPolicy}.
 */
public final class EndpointUrl {

    static final int MAX_LENGTH = 2_000;

    private EndpointUrl() {}

    /** The URL, checked; an {@link InvalidInputException} naming {@code field} when it breaks a rule. */
    static URI check(String field, String url, AddressPolicy policy) {
        var uri = parse(field, url);
        try {
            var refusal = policy.refusal(host(uri));
            if (refusal.isPresent()) {
                throw new InvalidInputException(
                        field,
                        "address",
                        "must not lead to Siyu's own machine or network (" + refusal.get()
                                + "); an operator can allow such networks with siyu.webhooks.allowed-networks");
            }
        } catch (UnknownHostException e) {
            // a name that does not resolve yet: checked again before every attempt
        }
        return uri;
    }

    /** The host to resolve: an IPv6 literal without its brackets. */
    public static String host(URI uri) {
        var host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static URI parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(field, "required", "must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "max-length", "must have at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "url", "must be a URL such as https://shop.example.com/hooks/siyu");
        }
        var scheme = Optional.ofNullable(uri.getScheme())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .orElse("");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(field, "scheme", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException(field, "url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(
                    field, "url", "must not hold a user name or password; receivers check the signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException(field, "url", "must not have a fragment (#...)");
        }
        return uri;
    }
}
