package io.siyu.shared;

/**
 * The bounds every text a caller sends must keep, and the field rules built on them.
 *
 * <p>Two backstops hold for the whole operator API, whatever the endpoint: a query parameter has at most
 * {@value #MAX_PARAMETER_LENGTH} characters and a JSON text (a value or a property name) at most
 * {@value #MAX_TEXT_LENGTH}, and neither may contain NUL characters, which no PostgreSQL text can hold. Fields with a
 * meaning get tighter rules of their own: names at most {@value #MAX_NAME_LENGTH} characters, descriptions at most
 * {@value #MAX_DESCRIPTION_LENGTH}.
 */
public final class InputRules {

    public static final int MAX_PARAMETER_LENGTH = 2_000;
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_NAME_LENGTH = 120;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    private InputRules() {}

    /** The rule a caller's text breaks, or {@code null} when it keeps them. */
    public static Violation check(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            return new Violation(field, "max-length", "must have at most " + maxLength + " characters");
        }
        if (text.indexOf('\u0000') >= 0) {
            return new Violation(field, "text", "must not contain NUL characters");
        }
        return null;
    }

    /**
     * The one of {@code choices} whose name is {@code value} (compared without case or surrounding space), or an
     * {@link InvalidInputException} naming the field: {@code required} for null, {@code one-of} listing the names.
     */
    public static <T> T oneOf(String field, String value, T[] choices, java.util.function.Function<T, String> name) {
        if (value == null) {
            throw new InvalidInputException(field, "required", "must not be null");
        }
        var wanted = value.strip().toLowerCase(java.util.Locale.ROOT);
        for (var choice : choices) {
            if (name.apply(choice).equals(wanted)) {
                return choice;
            }
        }
        throw new InvalidInputException(
                field,
                "one-of",
                "must be one of " + java.util.Arrays.stream(choices).map(name).toList());
    }

    /** Refuses an optional text longer than {@code maxLength} characters; {@code null} passes. */
    public static void requireMaxLength(String field, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            throw new InvalidInputException(field, "max-length", "must have at most " + maxLength + " characters");
        }
    }
}
