package io.siyu.shared;

/**
 * One broken rule in a request: the field it concerns (a dotted path such as {@code batch[3].timestamp}), the rule's
 * short name (such as {@code required} or {@code max-length}) and a sentence for people.
 */
public record Violation(String field, String rule, String detail) {

    public Violation {
        if (field == null || rule == null || detail == null) {
            throw new IllegalArgumentException("field, rule and detail are required");
        }
    }

    public Violation at(String prefix) {
        return new Violation(prefix + (field.startsWith("[") || field.isEmpty() ? "" : ".") + field, rule, detail);
    }
}
