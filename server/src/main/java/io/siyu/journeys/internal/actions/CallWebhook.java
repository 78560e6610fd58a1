package io.siyu.journeys.internal.actions;

import io.siyu.journeys.JourneyAction;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import io.siyu.webhooks.Webhooks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Calls a registered webhook endpoint ({@code {"endpoint": 3, "eventType": "journey.welcomed"}}): a signed delivery
 * queued in the webhooks outbox under the call's idempotency key, in the step's transaction, so a step retried after a
 * crash finds it queued and the receiver gets one {@code webhook-id} per customer passing the node. The delivery's
 * data names the customer, the journey, its version and the node, and carries the values of the event that let the
 * customer in.
 */
@Component
class CallWebhook implements JourneyAction {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallWebhook.class);
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_]{1,50}(\\.[A-Za-z0-9_]{1,50}){0,5}");

    private final Webhooks webhooks;

    CallWebhook(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public String type() {
        return "call_webhook";
    }

    @Override
    public String describe() {
        return "Call a webhook endpoint, signed and retried";
    }

    @Override
    public List<Violation> check(JsonNode config) {
        var violations = new ArrayList<Violation>();
        var endpoint = config.path("endpoint");
        if (!endpoint.isIntegralNumber() || !endpoint.canConvertToLong()) {
            violations.add(new Violation("endpoint", "required", "must be the id of a webhook endpoint"));
        } else {
            var found = webhooks.endpoint(endpoint.asLong());
            if (found.isEmpty()) {
                violations.add(new Violation("endpoint", "exists", "no webhook endpoint with this id"));
            } else if (!found.get().enabled()) {
                violations.add(new Violation("endpoint", "enabled", "the webhook endpoint is disabled"));
            }
        }
        if (!EVENT_TYPE.matcher(config.path("eventType").asString("")).matches()) {
            violations.add(new Violation(
                    "eventType",
                    "pattern",
                    "must be names of letters, digits or '_' joined by '.', such as journey.welcomed"));
        }
        return violations;
    }

    @Override
    public void apply(List<Call> calls) {
        var known = new HashMap<Long, Optional<Webhooks.Endpoint>>();
        var deliveries = new ArrayList<Webhooks.Delivery>();
        for (var call : calls) {
            var endpoint = call.config().path("endpoint").asLong(0);
            if (known.computeIfAbsent(endpoint, webhooks::endpoint).isEmpty()) {
                LOG.warn(
                        "journey {} node {} names webhook endpoint {}, which does not exist: not called",
                        call.journeyId(),
                        call.node(),
                        endpoint);
                continue;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("customerId", call.customer().value());
            data.put("journeyId", call.journeyId());
            data.put("version", call.version());
            data.put("node", call.node());
            data.put("data", call.data());
            deliveries.add(new Webhooks.Delivery(
                    endpoint, call.config().path("eventType").asString(), call.key(), data));
        }
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            webhooks.enqueue(deliveries);
        } catch (InvalidInputException refused) {
            // one call's data too large, say: queue the others, so the step still moves every customer on
            for (var delivery : deliveries) {
                try {
                    webhooks.enqueue(List.of(delivery));
                } catch (InvalidInputException one) {
                    LOG.warn(
                            "webhook delivery {} refused, not called: {}", delivery.idempotencyKey(), one.getMessage());
                }
            }
        }
    }
}
