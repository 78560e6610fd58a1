package io.siyu.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
    public static final class MalformedException extends IOException {

        private final long offset;

        MalformedException(long offset) {
            super("not well-formed UTF-8 at byte " + offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }

        /** The violation to answer with. */
        public Violation violation() {
            return Utf8.violation(offset);
        }
    }

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

    /** A stream that passes bytes through unchanged and throws {@link MalformedException} at the first bad one. */
    public static InputStream strict(InputStream in) {
        return new StrictStream(in);
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

    private static final class StrictStream extends FilterInputStream {
        private final Decoder decoder = new Decoder();
        private long offset;

        StrictStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            var b = super.read();
            if (b < 0) {
                end();
            } else {
                take(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            var count = super.read(buffer, from, length);
            if (count < 0) {
                end();
            }
            for (int i = 0; i < count; i++) {
                take(buffer[from + i] & 0xFF);
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes must be checked too, so they are read
            var skipped = 0L;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void take(int b) throws MalformedException {
            if (!decoder.accept(b)) {
                throw new MalformedException(offset);
            }
            offset++;
        }

        private void end() throws MalformedException {
            if (!decoder.complete()) {
                throw new MalformedException(offset);
            }
        }
    }
}
