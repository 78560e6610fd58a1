package io.siyu.messaging.internal.providers;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.MessagingProperties;
import io.siyu.messaging.internal.providers.ProviderSettingsStore.Saved;
import io.siyu.messaging.internal.push.PushSettings;
import io.siyu.messaging.internal.wechat.WechatProperties;
import io.siyu.messaging.internal.wecom.WecomProperties;
import io.siyu.shared.InvalidInputException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each channel's provider settings in force: those operators saved in the console for the channel, else the
 * environment's ({@code siyu.messaging.*}). A secret operators never gave in the console is the environment's; one
 * they gave is theirs until they give another or delete the channel's settings. Saved settings are read once per
 * {@code siyu.messaging.providers.refresh} and at once after a change on this node, so providers, which ask for their
 * settings whenever they call out, follow a change without a restart.
 */
@Component
public class ProviderSettings {

    /** Where a channel's settings in force come from. */
    public enum Source {
        CONSOLE,
        ENVIRONMENT,
        SANDBOX;

        @JsonValue
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A secret field as people may see it: whether it is set and since when, never its value. */
    public record SecretState(
            String name, boolean set, @Nullable Instant changedAt) {}

    /**
     * A channel's provider settings as the console shows them.
     *
     * @param fields the fields that are not secret, as in force
     * @param secrets the secret fields: set or not, never their values
     * @param unreadable whether credentials saved in the console cannot be opened with the provider keys
     */
    public record View(
            ProviderForm form,
            Source source,
            Map<String, @Nullable Object> fields,
            List<SecretState> secrets,
            boolean unreadable,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    private record Cached(Optional<Saved> saved, Instant readAt) {}

    private final ProviderSettingsStore store;
    private final Clock clock;
    private final MessagingProperties messaging;
    private final WechatProperties wechat;
    private final WecomProperties wecom;
    private final PushSettings push;
    private final Duration refresh;
    private final Map<Channel, Cached> cache = new ConcurrentHashMap<>();
    /** Counts changes on this node, so that settings read before a change are not kept after it. */
    private final AtomicLong changes = new AtomicLong();

    ProviderSettings(
            ProviderSettingsStore store,
            Clock clock,
            MessagingProperties messaging,
            WechatProperties wechat,
            WecomProperties wecom,
            PushSettings push,
            ProvidersProperties properties) {
        this.store = store;
        this.clock = clock;
        this.messaging = messaging;
        this.wechat = wechat;
        this.wecom = wecom;
        this.push = push;
        this.refresh = properties.refresh();
    }

    private Optional<Saved> saved(Channel channel) {
        if (ProviderForm.of(channel).isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var cached = cache.get(channel);
        if (cached == null || !now.isBefore(cached.readAt().plus(refresh))) {
            var before = changes.get();
            cached = new Cached(store.load(channel), now);
            if (changes.get() == before) {
                cache.put(channel, cached);
            }
        }
        return cached.saved();
    }

    /** Changes whenever the channel's saved settings change: providers made from settings are made anew then. */
    public Object version(Channel channel) {
        return saved(channel).map(Saved::updatedAt);
    }

    public MessagingProperties.Email email() {
        var env = messaging.email();
        return saved(Channel.EMAIL)
                .map(s -> new MessagingProperties.Email(
                        orElse(text(s, "from"), env.from()),
                        text(s, "replyTo"),
                        env.unsubscribeMailto(),
                        new MessagingProperties.Smtp(
                                text(s, "host"),
                                s.fields().get("port") instanceof Number port
                                        ? port.intValue()
                                        : env.smtp().port(),
                                text(s, "username"),
                                secret(s, "password", env.smtp().password()),
                                flag(s, "startTls", env.smtp().startTls()),
                                flag(s, "ssl", env.smtp().ssl()),
                                duration(s, "timeout", env.smtp().timeout()))))
                .orElse(env);
    }

    public MessagingProperties.Sms sms() {
        var env = messaging.sms();
        return saved(Channel.SMS)
                .map(s -> new MessagingProperties.Sms(
                        text(s, "accessKeyId"),
                        secret(s, "accessKeySecret", env.accessKeySecret()),
                        address(s, "endpoint", env.endpoint()),
                        text(s, "signName"),
                        env.optOut(),
                        env.unsubscribeKeywords(),
                        secret(s, "callbackToken", env.callbackToken()),
                        duration(s, "timeout", env.timeout()),
                        env.batch()))
                .orElse(env);
    }

    public WechatProperties wechat() {
        var subscribe = saved(Channel.WECHAT_SUBSCRIBE);
        var template = saved(Channel.WECHAT_TEMPLATE);
        if (subscribe.isEmpty() && template.isEmpty()) {
            return wechat;
        }
        return new WechatProperties(
                subscribe
                        .map(s -> new WechatProperties.MiniProgram(
                                text(s, "appId"),
                                secret(s, "appSecret", wechat.miniProgram().appSecret()),
                                secret(s, "pushToken", wechat.miniProgram().pushToken()),
                                secret(s, "encodingAesKey", wechat.miniProgram().encodingAesKey())))
                        .orElse(wechat.miniProgram()),
                template.map(s -> new WechatProperties.OfficialAccount(
                                text(s, "appId"),
                                secret(s, "appSecret", wechat.officialAccount().appSecret()),
                                text(s, "miniProgramAppId"),
                                secret(s, "pushToken", wechat.officialAccount().pushToken()),
                                secret(
                                        s,
                                        "encodingAesKey",
                                        wechat.officialAccount().encodingAesKey())))
                        .orElse(wechat.officialAccount()),
                wechat.endpoint(),
                subscribe
                        .map(s -> orElse(text(s, "miniprogramState"), wechat.miniprogramState()))
                        .orElse(wechat.miniprogramState()),
                subscribe.map(s -> orElse(text(s, "lang"), wechat.lang())).orElse(wechat.lang()),
                wechat.timeout());
    }

    /** The API address and timeout of the app's channel: WeChat's mini-program and official account may differ. */
    public WechatProperties.Api wechatApi(WechatProperties.App app) {
        var channel = app instanceof WechatProperties.MiniProgram ? Channel.WECHAT_SUBSCRIBE : Channel.WECHAT_TEMPLATE;
        return saved(channel)
                .map(s -> new WechatProperties.Api(
                        address(s, "endpoint", wechat.endpoint()), duration(s, "timeout", wechat.timeout())))
                .orElseGet(() -> new WechatProperties.Api(wechat.endpoint(), wechat.timeout()));
    }

    public WecomProperties wecom() {
        return saved(Channel.WECOM)
                .map(s -> new WecomProperties(
                        text(s, "corpId"),
                        secret(s, "secret", wecom.secret()),
                        address(s, "endpoint", wecom.endpoint()),
                        text(s, "defaultSender"),
                        duration(s, "remindAfter", wecom.remindAfter()),
                        duration(s, "resultTimeout", wecom.resultTimeout()),
                        duration(s, "pollEvery", wecom.pollEvery()),
                        duration(s, "timeout", wecom.timeout())))
                .orElse(wecom);
    }

    public PushSettings push() {
        return saved(Channel.PUSH)
                .map(s -> new PushSettings(
                        text(s, "appKey"),
                        secret(s, "masterSecret", push.masterSecret()),
                        address(s, "endpoint", push.endpoint()),
                        flag(s, "apnsProduction", push.apnsProduction()),
                        duration(s, "timeToLive", push.timeToLive()),
                        duration(s, "timeout", push.timeout())))
                .orElse(push);
    }

    /** Whether the channel's provider can send with the settings in force; else its messages go to the sandbox. */
    public boolean configured(Channel channel) {
        return switch (channel) {
            case EMAIL -> email().smtp().configured();
            case SMS -> sms().configured();
            case WECHAT_SUBSCRIBE -> wechat().miniProgram().configured();
            case WECHAT_TEMPLATE -> wechat().officialAccount().configured();
            case PUSH -> push().configured();
            case WECOM -> wecom().configured();
            case INBOX -> true;
        };
    }

    /** Every field of the channel's form as in force, secrets included (for checks only; never shown). */
    private Map<String, @Nullable Object> values(Channel channel) {
        var values = new LinkedHashMap<String, @Nullable Object>();
        switch (channel) {
            case EMAIL -> {
                var email = email();
                var smtp = email.smtp();
                values.put("host", smtp.host());
                values.put("port", smtp.port());
                values.put("username", smtp.username());
                values.put("password", smtp.password());
                values.put("startTls", smtp.startTls());
                values.put("ssl", smtp.ssl());
                values.put("from", email.from());
                values.put("replyTo", email.replyTo());
                values.put("timeout", ProviderForm.formatDuration(smtp.timeout()));
            }
            case SMS -> {
                var sms = sms();
                values.put("accessKeyId", sms.accessKeyId());
                values.put("accessKeySecret", sms.accessKeySecret());
                values.put("endpoint", sms.endpoint().toString());
                values.put("signName", sms.signName());
                values.put("callbackToken", sms.callbackToken());
                values.put("timeout", ProviderForm.formatDuration(sms.timeout()));
            }
            case WECHAT_SUBSCRIBE -> {
                var settings = wechat();
                values.put("appId", settings.miniProgram().appId());
                values.put("appSecret", settings.miniProgram().appSecret());
                values.put("miniprogramState", settings.miniprogramState());
                values.put("lang", settings.lang());
                putApi(values, wechatApi(settings.miniProgram()));
                values.put("pushToken", settings.miniProgram().pushToken());
                values.put("encodingAesKey", settings.miniProgram().encodingAesKey());
            }
            case WECHAT_TEMPLATE -> {
                var account = wechat().officialAccount();
                values.put("appId", account.appId());
                values.put("appSecret", account.appSecret());
                values.put("miniProgramAppId", account.miniProgramAppId());
                putApi(values, wechatApi(account));
                values.put("pushToken", account.pushToken());
                values.put("encodingAesKey", account.encodingAesKey());
            }
            case PUSH -> {
                var settings = push();
                values.put("appKey", settings.appKey());
                values.put("masterSecret", settings.masterSecret());
                values.put("endpoint", settings.endpoint().toString());
                values.put("apnsProduction", settings.apnsProduction());
                values.put("timeToLive", ProviderForm.formatDuration(settings.timeToLive()));
                values.put("timeout", ProviderForm.formatDuration(settings.timeout()));
            }
            case WECOM -> {
                var settings = wecom();
                values.put("corpId", settings.corpId());
                values.put("secret", settings.secret());
                values.put("endpoint", settings.endpoint().toString());
                values.put("defaultSender", settings.defaultSender());
                values.put("pollEvery", ProviderForm.formatDuration(settings.pollEvery()));
                values.put("remindAfter", ProviderForm.formatDuration(settings.remindAfter()));
                values.put("resultTimeout", ProviderForm.formatDuration(settings.resultTimeout()));
                values.put("timeout", ProviderForm.formatDuration(settings.timeout()));
            }
            case INBOX -> {
                // Siyu's own: nothing to set
            }
        }
        values.replaceAll((name, value) -> value instanceof String text && text.isBlank() ? null : value);
        return values;
    }

    private static void putApi(Map<String, @Nullable Object> values, WechatProperties.Api api) {
        values.put("endpoint", api.endpoint().toString());
        values.put("timeout", ProviderForm.formatDuration(api.timeout()));
    }

    /** The channel's settings as the console shows them; empty for the inbox, which has no provider to set. */
    public Optional<View> view(Channel channel) {
        return ProviderForm.of(channel).map(form -> {
            var saved = saved(channel);
            var values = values(channel);
            var fields = new LinkedHashMap<String, @Nullable Object>();
            var secrets = new ArrayList<SecretState>();
            for (var field : form.fields()) {
                if (field.secret()) {
                    secrets.add(new SecretState(
                            field.name(),
                            values.get(field.name()) != null,
                            saved.map(s -> s.secretsChanged().get(field.name())).orElse(null)));
                } else {
                    fields.put(field.name(), values.get(field.name()));
                }
            }
            var source = saved.isPresent() ? Source.CONSOLE : configured(channel) ? Source.ENVIRONMENT : Source.SANDBOX;
            return new View(
                    form,
                    source,
                    fields,
                    secrets,
                    saved.map(Saved::sealedUnreadable).orElse(false),
                    saved.map(Saved::updatedAt).orElse(null),
                    saved.map(Saved::updatedBy).orElse(null));
        });
    }

    /**
     * Saves the channel's settings as given: every field that is not secret as given (an optional one left out is
     * none), each secret as given, or kept when left out; an empty secret clears an optional one.
     *
     * @throws InvalidInputException naming every field that breaks its rule
     */
    public View save(Channel channel, Map<String, Object> given, String by) {
        var form = ProviderForm.of(channel)
                .orElseThrow(() -> new InvalidInputException(
                        "channel", "has-provider", "the " + channel.category() + " channel has no provider to set"));
        cache.remove(channel);
        var current = values(channel);
        var violations = form.check(given, name -> current.get(name) != null);
        if (channel == Channel.EMAIL && given.get("username") == null) {
            var password = given.containsKey("password") ? given.get("password") : current.get("password");
            if (password instanceof String text && !text.isEmpty()) {
                // JavaMail would sign in as the system's user name
                violations.add(new io.siyu.shared.Violation(
                        "username", "required-with-password", "must be given with a password"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var previous = saved(channel).filter(s -> !s.sealedUnreadable());
        var fields = new LinkedHashMap<String, Object>();
        var secrets = new HashMap<String, String>(previous.map(Saved::secrets).orElse(Map.of()));
        var changed =
                new HashMap<String, Instant>(previous.map(Saved::secretsChanged).orElse(Map.of()));
        var now = clock.instant();
        for (var field : form.fields()) {
            var value = given.get(field.name());
            if (value == null) {
                continue;
            }
            if (field.secret()) {
                secrets.put(field.name(), (String) value);
                changed.put(field.name(), now);
            } else {
                fields.put(field.name(), value instanceof String text ? text.strip() : value);
            }
        }
        store.save(channel, new Saved(fields, secrets, changed, false, now, by));
        changes.incrementAndGet();
        cache.remove(channel);
        return view(channel).orElseThrow();
    }

    /** Deletes the channel's saved settings: the environment's hold again (or the sandbox, without any). */
    public boolean delete(Channel channel) {
        var deleted = store.delete(channel);
        changes.incrementAndGet();
        cache.remove(channel);
        return deleted;
    }

    private static @Nullable String text(Saved saved, String name) {
        return saved.fields().get(name) instanceof String text && !text.isBlank() ? text : null;
    }

    private static String orElse(@Nullable String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static boolean flag(Saved saved, String name, boolean otherwise) {
        return saved.fields().get(name) instanceof Boolean flag ? flag : otherwise;
    }

    private static URI address(Saved saved, String name, URI otherwise) {
        var text = text(saved, name);
        return text == null ? otherwise : URI.create(text);
    }

    private static Duration duration(Saved saved, String name, Duration otherwise) {
        var text = text(saved, name);
        var parsed = text == null ? null : ProviderForm.parseDuration(text);
        return parsed == null ? otherwise : parsed;
    }

    /** The secret saved in the console, else the environment's; none when the saved ones cannot be opened. */
    private static @Nullable String secret(Saved saved, String name, @Nullable String environment) {
        if (saved.sealedUnreadable()) {
            return null;
        }
        if (saved.secrets().containsKey(name)) {
            var value = saved.secrets().get(name);
            return value == null || value.isBlank() ? null : value;
        }
        return environment;
    }
}
