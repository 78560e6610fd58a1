package io.siyu.messaging.internal.providers;

import io.siyu.messaging.Channel;
import io.siyu.shared.Violation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fields operators set for a channel's provider in the console, and the rules each keeps. A duration (timeouts,
 * WeCom's intervals, push's time to live) or WeChat's API address left out is the environment's; settings the
 * environment sets but the console does not (the SMS opt-out wording and unsubscribe keywords, batch sizes, the
 * unsubscribe mailto) stay the environment's.
 *
 * @param provider the provider's name, as the ledger records it
 */
public record ProviderForm(Channel channel, String provider, List<Field> fields) {

    /** What a field holds, and so the rule it keeps. */
    public enum Kind {
        TEXT,
        HOST,
        PORT,
        URL,
        BOOLEAN,
        ADDRESS,
        CHOICE,
        SECRET,
        /**
         * A length of time as the environment writes it: a whole number and {@code ms}, {@code s}, {@code m}, {@code h}
         * or {@code d}.
         */
        DURATION
    }

    /**
     * One field of the form; a secret one is never shown once given.
     *
     * @param minLength the fewest characters a text or secret may have when given; 0 for any
     * @param min the shortest a duration may be
     * @param max the longest a duration may be
     */
    public record Field(
            String name,
            Kind kind,
            boolean required,
            List<String> choices,
            int minLength,
            @Nullable Duration min,
            @Nullable Duration max) {

        Field(String name, Kind kind, boolean required) {
            this(name, kind, required, List.of(), 0, null, null);
        }

        Field(String name, Kind kind, boolean required, List<String> choices) {
            this(name, kind, required, choices, 0, null, null);
        }

        /** An optional duration from {@code min} to {@code max}; left out, the environment's holds. */
        static Field duration(String name, Duration min, Duration max) {
            return new Field(name, Kind.DURATION, false, List.of(), 0, min, max);
        }

        /** A provider's timeout: for connecting, and for its answer. */
        static Field timeout() {
            return duration("timeout", Duration.ofSeconds(1), Duration.ofMinutes(2));
        }

        public boolean secret() {
            return kind == Kind.SECRET;
        }
    }

    /** The form WeChat's back office gives some secrets, by field name: a value of another form never works there. */
    static final Map<String, Violation> SECRET_FORMS = Map.of(
            "pushToken",
            new Violation("pushToken", "wechat-token", "must be 3 to 32 letters or digits, as WeChat's Token (令牌)"),
            "encodingAesKey",
            new Violation(
                    "encodingAesKey",
                    "wechat-encoding-aes-key",
                    "must be 43 letters or digits, as WeChat's EncodingAESKey"));

    private static final Map<String, Pattern> SECRET_PATTERNS = Map.of(
            "pushToken", Pattern.compile("[A-Za-z0-9]{3,32}"),
            "encodingAesKey", Pattern.compile("[A-Za-z0-9]{43}"));

    static final int MAX_TEXT = 200;
    static final int MAX_SECRET = 1_000;

    /** The loopback hosts, for which plain {@code http} is allowed (stand-ins and proxies on the same machine). */
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    static final List<ProviderForm> ALL = List.of(
            new ProviderForm(
                    Channel.EMAIL,
                    "smtp",
                    List.of(
                            new Field("host", Kind.HOST, true),
                            new Field("port", Kind.PORT, true),
                            new Field("username", Kind.TEXT, false),
                            new Field("password", Kind.SECRET, false),
                            new Field("startTls", Kind.BOOLEAN, true),
                            new Field("ssl", Kind.BOOLEAN, true),
                            new Field("from", Kind.ADDRESS, true),
                            new Field("replyTo", Kind.ADDRESS, false),
                            Field.timeout())),
            new ProviderForm(
                    Channel.SMS,
                    "aliyun-sms",
                    List.of(
                            new Field("accessKeyId", Kind.TEXT, true),
                            new Field("accessKeySecret", Kind.SECRET, true),
                            new Field("endpoint", Kind.URL, true),
                            new Field("signName", Kind.TEXT, false),
                            new Field("callbackToken", Kind.SECRET, false, List.of(), 16, null, null),
                            Field.timeout())),
            new ProviderForm(
                    Channel.WECHAT_SUBSCRIBE,
                    "wechat-subscribe",
                    List.of(
                            new Field("appId", Kind.TEXT, true),
                            new Field("appSecret", Kind.SECRET, true),
                            new Field("miniprogramState", Kind.CHOICE, true, List.of("formal", "trial", "developer")),
                            new Field("lang", Kind.CHOICE, true, List.of("zh_CN", "en_US", "zh_HK", "zh_TW")),
                            new Field("endpoint", Kind.URL, false),
                            Field.timeout(),
                            new Field("pushToken", Kind.SECRET, false),
                            new Field("encodingAesKey", Kind.SECRET, false))),
            new ProviderForm(
                    Channel.WECHAT_TEMPLATE,
                    "wechat-template",
                    List.of(
                            new Field("appId", Kind.TEXT, true),
                            new Field("appSecret", Kind.SECRET, true),
                            new Field("miniProgramAppId", Kind.TEXT, false),
                            new Field("endpoint", Kind.URL, false),
                            Field.timeout(),
                            new Field("pushToken", Kind.SECRET, false),
                            new Field("encodingAesKey", Kind.SECRET, false))),
            new ProviderForm(
                    Channel.PUSH,
                    "jpush",
                    List.of(
                            new Field("appKey", Kind.TEXT, true),
                            new Field("masterSecret", Kind.SECRET, true),
                            new Field("endpoint", Kind.URL, true),
                            new Field("apnsProduction", Kind.BOOLEAN, true),
                            Field.duration("timeToLive", Duration.ZERO, Duration.ofDays(10)),
                            Field.timeout())),
            new ProviderForm(
                    Channel.WECOM,
                    "wecom",
                    List.of(
                            new Field("corpId", Kind.TEXT, true),
                            new Field("secret", Kind.SECRET, true),
                            new Field("endpoint", Kind.URL, true),
                            new Field("defaultSender", Kind.TEXT, false),
                            Field.duration("pollEvery", Duration.ofSeconds(10), Duration.ofMinutes(10)),
                            Field.duration("remindAfter", Duration.ofMinutes(1), Duration.ofDays(7)),
                            Field.duration("resultTimeout", Duration.ofMinutes(10), Duration.ofDays(30)),
                            Field.timeout())));

    /** The form of a channel whose provider operators may set: every channel but the inbox, which is Siyu's own. */
    public static Optional<ProviderForm> of(Channel channel) {
        return ALL.stream().filter(form -> form.channel() == channel).findFirst();
    }

    List<Field> secrets() {
        return fields.stream().filter(Field::secret).toList();
    }

    /**
     * Every rule the given fields break: a field of another channel's provider, a value of the wrong kind, a required
     * field missing. A secret left out keeps the one in force ({@code kept}); an empty one clears an optional secret.
     */
    List<Violation> check(Map<String, Object> given, Predicate<String> kept) {
        var violations = new ArrayList<Violation>();
        for (var name : given.keySet()) {
            if (fields.stream().noneMatch(field -> field.name().equals(name))) {
                violations.add(new Violation(
                        name, "not-applicable", "is not a setting of " + channel.category() + "'s provider"));
            }
        }
        for (var field : fields) {
            var value = given.get(field.name());
            if (value == null) {
                if (field.required() && !(field.secret() && kept.test(field.name()))) {
                    violations.add(new Violation(field.name(), "required", "must not be null"));
                }
                continue;
            }
            var broken = broken(field, value);
            if (broken != null) {
                violations.add(broken);
            }
        }
        return violations;
    }

    private static @Nullable Violation broken(Field field, Object value) {
        var name = field.name();
        if (field.kind() == Kind.PORT) {
            if (!(value instanceof Integer port) || port < 1 || port > 65_535) {
                return new Violation(name, "range", "must be a port from 1 to 65535");
            }
            return null;
        }
        if (field.kind() == Kind.BOOLEAN) {
            return value instanceof Boolean ? null : new Violation(name, "type", "must be true or false");
        }
        if (!(value instanceof String text)) {
            return new Violation(name, "type", "must be a text");
        }
        var max = field.secret() ? MAX_SECRET : MAX_TEXT;
        if (text.codePointCount(0, text.length()) > max) {
            return new Violation(name, "max-length", "must have at most " + max + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return new Violation(name, "no-control-characters", "must not contain control characters");
        }
        if (text.isBlank()) {
            return field.required() ? new Violation(name, "required", "must not be blank") : null;
        }
        if (text.strip().length() < field.minLength()) {
            return new Violation(name, "min-length", "must have at least " + field.minLength() + " characters");
        }
        return switch (field.kind()) {
            case HOST ->
                text.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]")
                        ? null
                        : new Violation(name, "host", "must be a host name or an IP address, such as smtp.example.com");
            case URL -> url(name, text);
            case ADDRESS -> address(name, text);
            case DURATION -> duration(field, text);
            case CHOICE ->
                field.choices().contains(text)
                        ? null
                        : new Violation(name, "one-of", "must be one of " + field.choices());
            case SECRET ->
                SECRET_PATTERNS.containsKey(name)
                                && !SECRET_PATTERNS.get(name).matcher(text).matches()
                        ? SECRET_FORMS.get(name)
                        : null;
            default -> null;
        };
    }

    /** A provider's API address: https, or http on this machine only (a local proxy or stand-in). */
    private static @Nullable Violation url(String name, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Violation(name, "url", "must be an absolute URL, such as https://api.example.com");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return new Violation(
                    name, "url", "must be an absolute URL without credentials, such as https://api.example.com");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return new Violation(name, "url", "must have no query or fragment");
        }
        var scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && LOOPBACK.contains(uri.getHost()))) {
            return null;
        }
        return new Violation(name, "https", "must use https (http only for localhost)");
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    /** A duration as the environment writes it ({@code 10s}, {@code 4h}, {@code 3d}), or null. */
    static @Nullable Duration parseDuration(String text) {
        var matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        var amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A duration as the environment writes it, in the largest unit that holds it whole. */
    public static String formatDuration(Duration duration) {
        var millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        for (var unit : List.of(Map.entry("d", 86_400_000L), Map.entry("h", 3_600_000L), Map.entry("m", 60_000L))) {
            if (millis % unit.getValue() == 0) {
                return millis / unit.getValue() + unit.getKey();
            }
        }
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }

    private static @Nullable Violation duration(Field field, String text) {
        var duration = parseDuration(text);
        if (duration == null) {
            return new Violation(field.name(), "duration", "must be a duration such as 10s, 5m, 4h or 3d");
        }
        var min = Objects.requireNonNullElse(field.min(), Duration.ZERO);
        var max = Objects.requireNonNullElse(field.max(), Duration.ofDays(365));
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            return new Violation(
                    field.name(), "range", "must be from " + formatDuration(min) + " to " + formatDuration(max));
        }
        return null;
    }

    private static @Nullable Violation address(String name, String text) {
        try {
            var parsed = InternetAddress.parse(text, true);
            if (parsed.length == 1) {
                parsed[0].validate();
                return null;
            }
        } catch (AddressException e) {
            // refused below
        }
        return new Violation(name, "email-address", "must be one e-mail address, such as Brand <news@brand.example>");
    }
}
