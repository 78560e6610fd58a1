package io.siyu.journeys.internal.actions;

import io.siyu.journeys.JourneyAction;
import io.siyu.messaging.Channel;
import io.siyu.messaging.Messages;
import io.siyu.shared.Violation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends a message from a template ({@code {"template": "welcome-1"}}): queued in messaging's send ledger under the
 * call's idempotency key, in the step's transaction, so a step retried after a crash finds it queued. Consent,
 * suppression and the channel are messaging's concern; the values of the event that let the customer in are the
 * template's {@code data}. A WeCom message may wait for its outcome ({@code "awaitResult": {"timeout": "PT24H",
 * "fallbackTemplate": "welcome-mail"}}, see {@link io.siyu.journeys.internal.graph.JourneyGraph.AwaitResult}); its
 * fallback is a call with {@code replacing}, which cancels the WeCom task of the step before and sends the fallback
 * under its own key, so it is sent once however often the step is retried.
 */
@Component
class SendMessage implements JourneyAction {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SendMessage.class);

    private final Messages messages;

    SendMessage(Messages messages) {
        this.messages = messages;
    }

    /**
     * The key of the WeCom message a fallback replaces: the customer was sent it in the step before, at the same node,
     * and a call's key ends with the run's step number.
     */
    static String replacedKey(String key) {
        var colon = key.lastIndexOf(':');
        return key.substring(0, colon + 1) + (Long.parseLong(key.substring(colon + 1)) - 1);
    }

    @Override
    public String type() {
        return "send_message";
    }

    @Override
    public String describe() {
        return "Send a message from a template";
    }

    @Override
    public List<Violation> check(JsonNode config) {
        var template = config.path("template");
        if (!template.isString() || template.asString().isBlank()) {
            return List.of(new Violation("template", "required", "must name a message template by its key"));
        }
        var channel = messages.channelOf(template.asString());
        if (channel.isEmpty()) {
            return List.of(new Violation("template", "exists", "no template with this key that is not archived"));
        }
        return config.has("awaitResult") ? checkAwait(config.path("awaitResult"), channel.get()) : List.of();
    }

    /** The longest a customer may wait for a WeCom message's outcome: WeCom's tasks are not meant to wait longer. */
    static final Duration LONGEST_AWAIT = Duration.ofDays(30);

    private List<Violation> checkAwait(JsonNode await, Channel channel) {
        if (channel != Channel.WECOM) {
            return List.of(new Violation(
                    "awaitResult", "channel", "only a WeCom message has an outcome to wait for; remove awaitResult"));
        }
        if (!await.isObject()) {
            return List.of(new Violation("awaitResult", "type", "must be an object with timeout and fallbackTemplate"));
        }
        var violations = new ArrayList<Violation>();
        try {
            var timeout = Duration.parse(await.path("timeout").asString(""));
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_AWAIT) > 0) {
                violations.add(
                        new Violation("awaitResult.timeout", "range", "must be longer than 0 and at most 30 days"));
            }
        } catch (DateTimeParseException e) {
            violations.add(new Violation(
                    "awaitResult.timeout", "duration", "must be an ISO-8601 duration such as PT24H or P2D"));
        }
        var fallback = await.path("fallbackTemplate");
        if (!fallback.isString() || fallback.asString().isBlank()) {
            violations.add(new Violation(
                    "awaitResult.fallbackTemplate",
                    "required",
                    "must name the template sent when WeCom does not send"));
        } else {
            var fallbackChannel = messages.channelOf(fallback.asString());
            if (fallbackChannel.isEmpty()) {
                violations.add(new Violation(
                        "awaitResult.fallbackTemplate", "exists", "no template with this key that is not archived"));
            } else if (fallbackChannel.get() == Channel.WECOM) {
                violations.add(new Violation(
                        "awaitResult.fallbackTemplate", "channel", "must be a template of another channel than WeCom"));
            }
        }
        return violations;
    }

    @Override
    public void apply(List<Call> calls) {
        var usable = new java.util.HashMap<String, Boolean>();
        var sendable = calls.stream()
                .filter(call ->
                        usable.computeIfAbsent(call.config().path("template").asString(), key -> {
                            var exists = messages.hasTemplate(key);
                            if (!exists) {
                                LOG.warn(
                                        "journey {} node {} names template '{}', which is archived or gone: not sent",
                                        call.journeyId(),
                                        call.node(),
                                        key);
                            }
                            return exists;
                        }))
                .toList();
        for (var call : calls) {
            if (call.config().path("replacing").asBoolean(false)) {
                messages.cancelWecom(replacedKey(call.key()));
            }
        }
        if (sendable.isEmpty()) {
            return;
        }
        messages.enqueue(sendable.stream()
                .map(call -> new Messages.SendRequest(
                        call.key(),
                        "journey:" + call.journeyId(),
                        call.customer(),
                        call.config().path("template").asString(),
                        call.data(),
                        null))
                .toList());
    }
}
