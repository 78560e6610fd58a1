package io.siyu.shared;

import java.util.Optional;

/**
 * Strict UTF-8: only the well-formed byte sequences of the Unicode standard (table 3-7) are accepted. Overlong forms
 * ({@code C0 AF} and {@code E0 80 AF} for {@code /}), encoded surrogates, code points beyond U+10FFFF and truncated
 * sequences are refused.
 *
 * <p>JSON readers are lenient here: Jackson decodes {@code C0 AF} to {@code /}, so a text that was checked as bytes
 * (by a proxy, a firewall, a filter looking for {@code ../}) could mean something else once decoded. Every JSON body
 * Siyu reads passes this check before it is decoded.
 */
public final class Utf8 {

    private Utf8() {}

    /** Thrown by a {@link #strict(InputStream) strict stream} at the first byte that breaks the rules. */
    /** The violation of a byte array that is not well-formed UTF-8, if it is not. */
    public static Optional<Violation> check(byte[] bytes) {
        var decoder = new Decoder();
        for (int i = 0; i < bytes.length; i++) {
            if (!decoder.accept(bytes[i] & 0xFF)) {
                return Optional.of(violation(i));
            }
        }
        return decoder.complete() ? Optional.empty() : Optional.of(violation(bytes.length));
    }

    static Violation violation(long offset) {
        return new Violation(
                "body",
                "utf-8",
                "is not well-formed UTF-8 at byte " + offset
                        + " (overlong forms, encoded surrogates and truncated sequences are refused)");
    }

    /**
     * Follows a UTF-8 sequence byte by byte: how many continuation bytes are still due, and the range the next one
     * must lie in (narrower than {@code 80..BF} right after {@code E0}, {@code ED}, {@code F0} and {@code F4}, which is
     * what rules out overlong forms, surrogates and code points beyond U+10FFFF).
     */
    private static final class Decoder {
        private int due;
        private int low = 0x80;
        private int high = 0xBF;

        boolean accept(int b) {
            if (due > 0) {
                if (b < low || b > high) {
                    return false;
                }
                due--;
                low = 0x80;
                high = 0xBF;
                return true;
            }
            if (b < 0x80) {
                return true;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                return expect(1, 0x80, 0xBF);
            }
            if (b == 0xE0) {
                return expect(2, 0xA0, 0xBF);
            }
            if (b == 0xED) {
                return expect(2, 0x80, 0x9F);
            }
            if (b >= 0xE1 && b <= 0xEF) {
                return expect(2, 0x80, 0xBF);
            }
            if (b == 0xF0) {
                return expect(3, 0x90, 0xBF);
            }
            if (b >= 0xF1 && b <= 0xF3) {
                return expect(3, 0x80, 0xBF);
            }
            if (b == 0xF4) {
                return expect(3, 0x80, 0x8F);
            }
            return false;
        }

        private boolean expect(int continuations, int nextLow, int nextHigh) {
            due = continuations;
            low = nextLow;
            high = nextHigh;
            return true;
        }

        boolean complete() {
            return due == 0;
        }
    }
}
