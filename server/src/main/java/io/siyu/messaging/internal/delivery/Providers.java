package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.Channel;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider of each channel: the configured one, else the sandbox outbox. E-mail and SMS are made here from their
 * settings; the other channels' providers are beans of their own, used when they say they are configured.
 */
@Component
public class Providers {

    private final Map<Channel, Provider> byChannel = new EnumMap<>(Channel.class);
    private final ProviderRateLimits rateLimits;

    Providers(
            MessagingProperties properties,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock,
            ObjectProvider<Provider> beans,
            ProviderRateLimits rateLimits) {
        this.rateLimits = rateLimits;
        var email = properties.email();
        byChannel.put(
                Channel.EMAIL,
                email.smtp().configured()
                        ? new SmtpProvider(email)
                        : new SandboxProvider(Channel.EMAIL, jdbc, json, clock));
        var sms = properties.sms();
        byChannel.put(
                Channel.SMS,
                sms.configured()
                        ? new AlibabaSmsProvider(sms, json, clock)
                        : new SandboxProvider(Channel.SMS, jdbc, json, clock));
        for (var bean : beans.orderedStream().toList()) {
            if (bean.configured()) {
                byChannel.put(bean.channel(), bean);
            }
        }
        for (var channel : Channel.values()) {
            byChannel.computeIfAbsent(channel, c -> new SandboxProvider(c, jdbc, json, clock));
        }
    }

    /** Splits a channel's messages into those its provider's rate limit lets through now and those to queue again. */
    public <T> ProviderRateLimits.Allowance<T> allow(
            Channel channel, java.util.List<T> messages, java.time.Instant now) {
        return rateLimits.allow(channel, messages, now);
    }

    public Provider of(Channel channel) {
        return byChannel.get(channel);
    }

    /** What each channel is connected to, for the console: the provider's name ({@code sandbox} for the outbox). */
    public Map<Channel, Provider> all() {
        return Map.copyOf(byChannel);
    }
}
