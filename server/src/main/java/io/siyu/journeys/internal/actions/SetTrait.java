package io.siyu.journeys.internal.actions;

import io.siyu.customers.Profiles;
import io.siyu.ingest.Ingestion;
import io.siyu.journeys.JourneyAction;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Sets a trait on the customer ({@code {"trait": "welcome_done", "value": true}}), as an identify message through
 * ingestion whose message id is the call's idempotency key: the profile, the timeline and segments see it like any
 * other trait, and a retried step is a duplicate message that changes nothing.
 */
@Component
class SetTrait implements JourneyAction {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final Ingestion ingestion;
    private final Profiles profiles;

    SetTrait(Ingestion ingestion, Profiles profiles) {
        this.ingestion = ingestion;
        this.profiles = profiles;
    }

    @Override
    public String type() {
        return "set_trait";
    }

    @Override
    public String describe() {
        return "Set a trait on the customer";
    }

    @Override
    public List<Violation> check(JsonNode config) {
        var violations = new ArrayList<Violation>();
        if (!NAME.matcher(config.path("trait").asString("")).matches()) {
            violations.add(new Violation(
                    "trait", "pattern", "must be 1 to 64 letters, digits or '_', not starting with a digit"));
        }
        var value = config.path("value");
        if (!value.isValueNode() || (value.isString() && value.asString().length() > 500)) {
            violations.add(
                    new Violation("value", "type", "must be a text (at most 500 characters), number or boolean"));
        }
        return violations;
    }

    @Override
    public void apply(List<Call> calls) {
        var contacts = profiles.contactPoints(calls.stream().map(Call::customer).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.customerId(), c -> c.addressedAs()));
        var messages = new ArrayList<JsonNode>();
        for (var call : calls) {
            var identifier = contacts.get(call.customer());
            if (identifier == null) {
                continue;
            }
            var message = JsonNodeFactory.instance.objectNode();
            message.put("type", "identify");
            message.put("messageId", call.key());
            identifier.address(message);
            message.putObject("traits")
                    .set(call.config().path("trait").asString(), call.config().path("value"));
            message.withObject("context").putObject("library").put("name", "siyu-journeys");
            messages.add(message);
        }
        if (!messages.isEmpty()) {
            ingestion.accept(messages);
        }
    }
}
