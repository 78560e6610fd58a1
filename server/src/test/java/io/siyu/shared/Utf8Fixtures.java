package io.siyu.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bodies that hide an overlong UTF-8 form of a character inside well-formed JSON text. */
public final class Utf8Fixtures {

    /** {@code C0 AF} and {@code E0 80 AF}: overlong forms of "/", which a lenient decoder reads as a slash. */
    public static final List<byte[]> OVERLONG_SLASHES =
            List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF});

    private Utf8Fixtures() {}

    /** The UTF-8 of {@code before}, then the raw bytes, then the UTF-8 of {@code after}. */
    public static byte[] around(String before, byte[] raw, String after) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
