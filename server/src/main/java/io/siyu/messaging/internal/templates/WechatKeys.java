package io.siyu.messaging.internal.templates;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of value a mini-program subscribe message's key holds, named by its prefix ({@code thing1},
 * {@code amount2}), and the most characters WeChat takes in each: a value longer or of the wrong form is refused with
 * error 47003, and the message is lost.
 */
public final class WechatKeys {

    /** A kind of value and the most characters WeChat takes in it. */
    public record Kind(String key, int maxLength) {}

    private static final Pattern KEY = Pattern.compile("([a-z_]+?)([0-9]{1,2})");

    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("thing", 20),
            Map.entry("number", 32),
            Map.entry("letter", 32),
            Map.entry("symbol", 5),
            Map.entry("character_string", 32),
            Map.entry("time", 32),
            Map.entry("date", 32),
            Map.entry("amount", 16),
            Map.entry("phone_number", 17),
            Map.entry("car_number", 8),
            Map.entry("name", 10),
            Map.entry("phrase", 5));

    private WechatKeys() {}

    /** The kind of a key, or empty when WeChat has no such kind. */
    public static Optional<Kind> kind(String key) {
        var matcher = KEY.matcher(key == null ? "" : key);
        if (!matcher.matches() || !LIMITS.containsKey(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new Kind(matcher.group(1), LIMITS.get(matcher.group(1))));
    }
}
