package io.siyu.journeys.internal.runtime;

import java.util.function.LongPredicate;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** What the interpreter is told about a customer, for tests. */
final class RuntimeFixtures {

    private RuntimeFixtures() {}

    /** A customer in the segments {@code segments} accepts, meeting the conditions {@code conditions} accepts. */
    static Interpreter.Facts facts(LongPredicate segments, Predicate<JsonNode> conditions) {
        return new Interpreter.Facts() {
            @Override
            public boolean inSegment(long segment) {
                return segments.test(segment);
            }

            @Override
            public boolean meets(JsonNode condition) {
                return conditions.test(condition);
            }
        };
    }
}
