package io.siyu.journeys.internal.actions;

import io.siyu.journeys.JourneyAction;
import io.siyu.messaging.Messages;
import io.siyu.shared.Violation;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends a message from a template ({@code {"template": "welcome-1"}}): queued in messaging's send ledger under the
 * call's idempotency key, in the step's transaction, so a step retried after a crash finds it queued. Consent,
 * suppression and the channel are messaging's concern; the values of the event that let the customer in are the
 * template's {@code data}.
 */
@Component
class SendMessage implements JourneyAction {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SendMessage.class);

    private final Messages messages;

    SendMessage(Messages messages) {
        this.messages = messages;
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
        if (!messages.hasTemplate(template.asString())) {
            return List.of(new Violation("template", "exists", "no template with this key that is not archived"));
        }
        return List.of();
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
