package io.siyu.journeys.internal.runtime;

import io.siyu.journeys.internal.graph.JourneyGraph.PropertyFilter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Whether an event's properties pass a trigger's filters. */
final class Triggers {

    private Triggers() {}

    static boolean matches(List<PropertyFilter> filters, JsonNode properties) {
        return filters.stream().allMatch(filter -> matches(filter, properties.path(filter.property())));
    }

    static boolean matches(PropertyFilter filter, JsonNode value) {
        var wanted = filter.value();
        return switch (filter.operator()) {
            case "equals" -> same(value, wanted);
            case "not_equals" -> !same(value, wanted);
            case "at_least" -> value.isNumber() && value.decimalValue().compareTo(wanted.decimalValue()) >= 0;
            case "at_most" -> value.isNumber() && value.decimalValue().compareTo(wanted.decimalValue()) <= 0;
            default -> false;
        };
    }

    private static boolean same(JsonNode value, JsonNode wanted) {
        if (value.isNumber() && wanted.isNumber()) {
            return value.decimalValue().compareTo(wanted.decimalValue()) == 0;
        }
        return value.isValueNode() && !value.isNull() && value.asString().equals(wanted.asString());
    }
}
