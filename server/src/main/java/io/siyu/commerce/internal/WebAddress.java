package io.siyu.commerce.internal;

import io.siyu.shared.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rule for every address a product carries (its page, its image, attributes named {@code ...url}): an absolute
 * {@code http} or {@code https} URL with a host. The console shows these addresses as links and images, so a
 * {@code javascript:} or {@code data:} address would run or show whatever its author chose in an operator's browser.
 */
final class WebAddress {

    private WebAddress() {}

    /** Whether the text is an absolute http(s) URL with a host. */
    static boolean isWebAddress(String text) {
        return problem("", text).isEmpty();
    }

    /** The rule an address breaks, if any. */
    static Optional<Violation> problem(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return Optional.of(new Violation(field, "url", "is not a URL: " + e.getReason()));
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(new Violation(field, "url-scheme", "must be an absolute http or https URL"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(new Violation(field, "url", "must name a host, as in https://shop.example.com/..."));
        }
        return Optional.empty();
    }

    /** The attributes of a product whose names say they are addresses ({@code video_url}, {@code manualUrl}). */
    static void checkAttributes(Map<String, Object> attributes, java.util.List<Violation> violations) {
        if (attributes == null) {
            return;
        }
        attributes.forEach((name, value) -> {
            if (name != null && name.toLowerCase(Locale.ROOT).endsWith("url")) {
                var field = "attributes." + name;
                if (!(value instanceof String text)) {
                    if (value != null) {
                        violations.add(new Violation(field, "url", "must be an absolute http or https URL"));
                    }
                } else {
                    problem(field, text).ifPresent(violations::add);
                }
            }
        });
    }
}
