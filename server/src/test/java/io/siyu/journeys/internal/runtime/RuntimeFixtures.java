package io.siyu.journeys.internal.runtime;

import java.time.ZoneId;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** What the interpreter is told about a customer, for tests. */
final class RuntimeFixtures {

    private RuntimeFixtures() {}

    /** A customer in the segments {@code segments} accepts, meeting the conditions {@code conditions} accepts. */
    static Interpreter.Facts facts(LongPredicate segments, Predicate<JsonNode> conditions) {
        return facts(segments, conditions, ZoneId.of("Asia/Shanghai"), new double[BestHour.HOURS]);
    }

    /** A customer living in {@code zone}, as responsive per hour of the week as {@code responsiveness} says. */
    static Interpreter.Facts facts(ZoneId zone, double[] responsiveness) {
        return facts(segment -> false, condition -> false, zone, responsiveness);
    }

    private static Interpreter.Facts facts(
            LongPredicate segments, Predicate<JsonNode> conditions, ZoneId zone, double[] responsiveness) {
        return new Interpreter.Facts() {
            @Override
            public boolean inSegment(long segment) {
                return segments.test(segment);
            }

            @Override
            public boolean meets(JsonNode condition) {
                return conditions.test(condition);
            }

            @Override
            public ZoneId timeZone() {
                return zone;
            }

            @Override
            public double[] responsiveness() {
                return responsiveness;
            }
        };
    }
}
