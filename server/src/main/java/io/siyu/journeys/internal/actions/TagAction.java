package io.siyu.journeys.internal.actions;

import io.siyu.audience.Audiences;
import io.siyu.customers.CustomerId;
import io.siyu.journeys.JourneyAction;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Gives or takes a manual tag ({@code {"tag": "VIP"}}) through the audience module, in the step's transaction. The
 * tag is checked when the draft is saved; one deleted since is skipped with a warning. Each customer's tag history
 * names the journey, version and node that changed it, and a customer who already holds the tag (or no longer does) is
 * left as they are, so a step retried with the same key changes nothing.
 */
abstract sealed class TagAction implements JourneyAction permits TagAction.AddTag, TagAction.RemoveTag {

    private static final Logger log = LoggerFactory.getLogger(TagAction.class);

    final Audiences audiences;

    TagAction(Audiences audiences) {
        this.audiences = audiences;
    }

    /** Gives or takes the tag. */
    abstract void change(String tag, List<CustomerId> customers, String by);

    @Override
    public List<Violation> check(JsonNode config) {
        var tag = config.path("tag");
        if (!tag.isString() || tag.asString().isBlank()) {
            return List.of(new Violation("tag", "required", "must name a manual tag"));
        }
        if (!audiences.isManualTag(tag.asString())) {
            return List.of(new Violation(
                    "tag",
                    "exists",
                    "there is no manual tag '" + tag.asString() + "' (rule and value tags keep themselves)"));
        }
        return List.of();
    }

    @Override
    public void apply(List<Call> calls) {
        var byNode = new LinkedHashMap<String, List<Call>>();
        calls.forEach(call -> byNode.computeIfAbsent(
                        call.journeyId() + ":v" + call.version() + ":" + call.node() + ":"
                                + call.config().path("tag").asString(),
                        key -> new ArrayList<>())
                .add(call));
        for (var group : byNode.values()) {
            var first = group.getFirst();
            var tag = first.config().path("tag").asString();
            if (!audiences.isManualTag(tag)) {
                log.warn(
                        "journey {} node {} names the tag '{}', which is gone or no longer manual: skipped",
                        first.journeyId(),
                        first.node(),
                        tag);
                continue;
            }
            change(
                    tag,
                    group.stream().map(Call::customer).toList(),
                    "journey " + first.journeyId() + " v" + first.version() + " node " + first.node());
        }
    }

    /** Gives the customer a manual tag. */
    @org.springframework.stereotype.Component
    static final class AddTag extends TagAction {

        AddTag(Audiences audiences) {
            super(audiences);
        }

        @Override
        public String type() {
            return "add_tag";
        }

        @Override
        public String describe() {
            return "Give the customer a manual tag";
        }

        @Override
        void change(String tag, List<CustomerId> customers, String by) {
            audiences.giveTag(tag, customers, by);
        }
    }

    /** Takes a manual tag from the customer. */
    @org.springframework.stereotype.Component
    static final class RemoveTag extends TagAction {

        RemoveTag(Audiences audiences) {
            super(audiences);
        }

        @Override
        public String type() {
            return "remove_tag";
        }

        @Override
        public String describe() {
            return "Take a manual tag from the customer";
        }

        @Override
        void change(String tag, List<CustomerId> customers, String by) {
            audiences.takeTag(tag, customers, by);
        }
    }
}
