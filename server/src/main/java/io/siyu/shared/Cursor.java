package io.siyu.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An opaque keyset cursor: the sort key values of the last row of a page, joined and URL-safe base64 encoded.
 *
 * <p>Keyset pagination costs the same on page 1 and page 10,000 because the database seeks straight to the key in
 * an index instead of counting skipped rows; the price is that callers can only walk forward from a cursor.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";
    private static final Pattern SPLIT = Pattern.compile(SEPARATOR);

    private Cursor() {}

    public static String encode(Object... values) {
        var joined = String.join(
                SEPARATOR, java.util.Arrays.stream(values).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of the expected arity, or throws {@link InvalidInputException} naming the parameter. */
    public static List<String> decode(String parameter, String cursor, int arity) {
        try {
            var parts =
                    List.of(SPLIT.split(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), -1));
            if (parts.size() != arity) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    parameter, "cursor", "not a cursor returned by this endpoint; start again without it");
        }
    }
}
