package io.siyu.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An opaque keyset cursor: the sort key values of the last row of a page, joined and URL-safe base64 encoded.
 *
 * <p>Keyset pagination costs the same on page 1 and page 10,000 because the database seeks straight to the key in
 * an index instead of counting skipped rows; the price is that callers can only walk forward from a cursor.
 *
 * <p>A cursor comes back from the caller, so it is input like any other: decoding checks the encoding, the number of
 * keys and each key's type, and refuses anything else as a 400 naming the parameter, never letting a broken cursor
 * reach a query.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";
    private static final Pattern SPLIT = Pattern.compile(SEPARATOR);
    private static final int MAX_LENGTH = 1_000;

    private Cursor() {}

    public static String encode(Object... values) {
        var joined = String.join(
                SEPARATOR, java.util.Arrays.stream(values).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of the expected arity, or throws {@link InvalidInputException} naming the parameter. */
    public static Keys decode(String parameter, String cursor, int arity) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException();
            }
            var text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
                    .toString();
            var parts = List.of(SPLIT.split(text, -1));
            if (parts.size() != arity || text.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException();
            }
            return new Keys(parameter, parts);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw broken(parameter);
        }
    }

    private static InvalidInputException broken(String parameter) {
        return new InvalidInputException(
                parameter, "cursor", "not a cursor returned by this endpoint; start again without it");
    }

    /** The decoded sort keys of a cursor, read by position and type; a key of the wrong type is a broken cursor. */
    public record Keys(String parameter, List<String> values) {

        public String text(int position) {
            return values.get(position);
        }

        public long number(int position) {
            try {
                return Long.parseLong(values.get(position));
            } catch (NumberFormatException e) {
                throw broken(parameter);
            }
        }

        /** A key that is a row number within an int, such as the ids of the audience index. */
        public int smallNumber(int position) {
            var number = number(position);
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw broken(parameter);
            }
            return (int) number;
        }

        public Instant instant(int position) {
            try {
                var instant = Instant.parse(values.get(position));
                if (!Timestamps.accepted(instant)) {
                    throw broken(parameter);
                }
                return instant;
            } catch (DateTimeException e) {
                throw broken(parameter);
            }
        }
    }
}
