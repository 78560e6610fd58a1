package io.siyu.loyalty.internal.journeys;

import io.siyu.journeys.JourneyAction;
import io.siyu.loyalty.Points;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The journeys' "grant points" action ({@code {"points": 200, "reason": "birthday gift", "expiresInDays": 365}}): each
 * customer passing the node is granted the points in the step's transaction, under the call's idempotency key, so a
 * step retried after a crash grants nothing twice. Customers are granted in the order of their ids, so two steps
 * granting to the same customers at once take their accounts' locks in one order.
 */
@Component
class GrantPoints implements JourneyAction {

    static final long MAX_POINTS = 1_000_000;
    static final int MAX_DAYS = 3_650;

    private final Points points;
    private final Clock clock;

    GrantPoints(Points points, Clock clock) {
        this.points = points;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "grant_points";
    }

    @Override
    public String describe() {
        return "Grant the customer points";
    }

    @Override
    public List<Violation> check(JsonNode config) {
        var violations = new ArrayList<Violation>();
        var amount = config.path("points");
        if (!amount.canConvertToLong() || amount.asLong() < 1 || amount.asLong() > MAX_POINTS) {
            violations.add(new Violation("points", "range", "must be a whole number from 1 to " + MAX_POINTS));
        }
        var reason = config.path("reason");
        if (!reason.isMissingNode()
                && (!reason.isString()
                        || reason.asString().isBlank()
                        || reason.asString().length() > 200)) {
            violations.add(new Violation("reason", "max-length", "must be a text of 1 to 200 characters"));
        }
        var days = config.path("expiresInDays");
        if (!days.isMissingNode()
                && !days.isNull()
                && (!days.canConvertToInt() || days.asInt() < 1 || days.asInt() > MAX_DAYS)) {
            violations.add(new Violation("expiresInDays", "range", "must be a whole number from 1 to " + MAX_DAYS));
        }
        return violations;
    }

    @Override
    public void apply(List<Call> calls) {
        var now = clock.instant();
        calls.stream()
                .sorted(Comparator.comparingLong(call -> call.customer().value()))
                .forEach(call -> {
                    var config = call.config();
                    var days = config.path("expiresInDays");
                    points.grant(
                            call.customer(),
                            config.path("points").asLong(),
                            config.path("reason").isString()
                                    ? config.path("reason").asString()
                                    : "journey " + call.journeyId() + ", node " + call.node(),
                            days.canConvertToInt() ? now.plus(Duration.ofDays(days.asInt())) : null,
                            call.key());
                });
    }
}
