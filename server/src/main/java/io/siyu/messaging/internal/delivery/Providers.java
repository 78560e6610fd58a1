package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.providers.ProviderSettings;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider of each channel: the configured one, else the sandbox outbox. E-mail and SMS are made here from their
 * settings in force, and made anew when operators change them; the other channels' providers are beans of their own,
 * which read their settings in force as they send, used while they say they are configured.
 */
@Component
public class Providers {

    /** A provider made from the settings of one version. */
    private record Made(Object version, Provider provider) {}

    private final ProviderSettings settings;
    private final JsonMapper json;
    private final Map<Channel, Provider> sandboxes = new EnumMap<>(Channel.class);
    private final Map<Channel, Provider> beans = new EnumMap<>(Channel.class);
    private final Map<Channel, Made> made = new ConcurrentHashMap<>();
    private final ProviderRateLimits rateLimits;
    private final Clock clock;

    Providers(
            ProviderSettings settings,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock,
            ObjectProvider<Provider> beans,
            ProviderRateLimits rateLimits) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.rateLimits = rateLimits;
        for (var bean : beans.orderedStream().toList()) {
            this.beans.put(bean.channel(), bean);
        }
        for (var channel : Channel.values()) {
            sandboxes.put(channel, new SandboxProvider(channel, jdbc, json, clock));
        }
    }

    /** Splits a channel's messages into those its provider's rate limit lets through now and those to queue again. */
    public <T> ProviderRateLimits.Allowance<T> allow(Channel channel, List<T> messages, java.time.Instant now) {
        return rateLimits.allow(channel, messages, now);
    }

    public Provider of(Channel channel) {
        return switch (channel) {
            case EMAIL, SMS -> made(channel);
            default -> {
                var bean = beans.get(channel);
                yield bean != null && bean.configured() ? bean : sandboxes.get(channel);
            }
        };
    }

    /** The e-mail or SMS provider of the settings in force, made anew when they changed. */
    private Provider made(Channel channel) {
        var version = settings.version(channel);
        var current = made.get(channel);
        if (current != null && Objects.equals(current.version(), version)) {
            return current.provider();
        }
        var provider = make(channel);
        made.put(channel, new Made(version, provider));
        return provider;
    }

    private Provider make(Channel channel) {
        if (channel == Channel.EMAIL) {
            var email = settings.email();
            return email.smtp().configured() ? new SmtpProvider(email) : sandboxes.get(channel);
        }
        var sms = settings.sms();
        return sms.configured() ? new AlibabaSmsProvider(sms, json, clock) : sandboxes.get(channel);
    }

    /** What each channel is connected to, for the console: the provider's name ({@code sandbox} for the outbox). */
    public Map<Channel, Provider> all() {
        var all = new EnumMap<Channel, Provider>(Channel.class);
        for (var channel : Channel.values()) {
            all.put(channel, of(channel));
        }
        return Map.copyOf(all);
    }
}
