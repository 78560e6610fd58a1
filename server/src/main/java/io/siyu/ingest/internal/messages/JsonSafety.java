package io.siyu.ingest.internal.messages;

import io.siyu.shared.StoredText;
import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a parsed JSON document can be stored and read back exactly: bounded nesting, no NUL characters or
 * unpaired surrogates in strings and names (PostgreSQL's jsonb refuses both), and numbers a JSON reader anywhere can
 * represent (finite as a double, at most 100 digits).
 */
final class JsonSafety {

    static final int MAX_DEPTH = 32;
    private static final int MAX_DIGITS = 100;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1.7976931348623157E308");
    private static final int MAX_REPORTED = 5;

    private JsonSafety() {}

    static void check(JsonNode node, String path, List<Violation> violations) {
        walk(node, path, 1, violations);
    }

    private static void walk(JsonNode node, String path, int depth, List<Violation> violations) {
        if (violations.size() >= MAX_REPORTED) {
            return;
        }
        if (depth > MAX_DEPTH) {
            violations.add(new Violation(path, "max-depth", "nests deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        if (node.isObject()) {
            for (var entry : node.properties()) {
                var child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (!StoredText.storable(entry.getKey())) {
                    violations.add(new Violation(
                            path, "unicode", "has a property name with a NUL character or an unpaired surrogate"));
                    return;
                }
                walk(entry.getValue(), child, depth + 1, violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", depth + 1, violations);
            }
        } else if (node.isString()) {
            if (!StoredText.storable(node.asString())) {
                violations.add(new Violation(path, "unicode", "contains a NUL character or an unpaired surrogate"));
            }
        } else if (node.isNumber()) {
            var value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
            if (value.precision() > MAX_DIGITS
                    || value.abs().compareTo(MAX_MAGNITUDE) > 0
                    || (value.signum() != 0 && value.abs().compareTo(BigDecimal.ONE.movePointLeft(300)) < 0)) {
                violations.add(new Violation(
                        path,
                        "number",
                        "is too large, too small or too long a number (at most 100 digits, |x| < 1.8e308)"));
            }
        }
    }
}
