package io.siyu.messaging.internal.templates;

import io.siyu.shared.InputRules;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a template must keep to be saved: a usable key and name, bounded parts that compile. */
public final class TemplateRules {

    public static final int MAX_SUBJECT = 500;
    /** Gmail clips a message beyond 102 KB; the HTML must leave room for headers, the text part and tracking. */
    public static final int MAX_HTML_BYTES = 90_000;

    /** The backstop of the request body for the HTML part, in characters; the rule is {@link #MAX_HTML_BYTES}. */
    public static final int MAX_HTML = 100_000;

    public static final int MAX_TEXT = 50_000;
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{1,59}");

    private TemplateRules() {}

    public static List<Violation> checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return List.of(new Violation(
                    "key",
                    "pattern",
                    "must be 2 to 60 lower-case letters, digits, '-' or '_', starting with a letter"));
        }
        return List.of();
    }

    public static List<Violation> checkName(String name) {
        if (name == null || name.isBlank()) {
            return List.of(new Violation("name", "required", "must not be blank"));
        }
        var violation = InputRules.check("name", name, InputRules.MAX_NAME_LENGTH);
        return violation == null ? List.of() : List.of(violation);
    }

    /** The broken rules of a template's content, with each part's syntax errors. */
    public static List<Violation> checkContent(TemplateContent content) {
        var violations = new ArrayList<Violation>();
        part(violations, "subject", content.subject(), MAX_SUBJECT, true);
        part(violations, "html", content.html(), MAX_HTML, false);
        if (content.html() != null
                && violations.stream().noneMatch(v -> v.field().equals("html"))
                && content.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_HTML_BYTES) {
            violations.add(new Violation(
                    "html",
                    "max-bytes",
                    "must have at most " + MAX_HTML_BYTES + " bytes in UTF-8: mail clients clip longer messages"));
        }
        part(violations, "text", content.text(), MAX_TEXT, true);
        return violations;
    }

    private static void part(List<Violation> violations, String field, String source, int max, boolean required) {
        if (source == null || source.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "required", "must not be blank"));
            }
            return;
        }
        var length = InputRules.check(field, source, max);
        if (length != null) {
            violations.add(length);
            return;
        }
        TemplateEngine.syntaxError(source)
                .ifPresent(error -> violations.add(new Violation(field, "template-syntax", error)));
    }
}
