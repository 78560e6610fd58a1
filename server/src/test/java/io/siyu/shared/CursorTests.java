package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void aCursorGivesBackItsKeysByType() {
        var keys = Cursor.decode("cursor", Cursor.encode(Instant.parse("2026-05-01T08:30:00Z"), 42L), 2);
        assertThat(keys.instant(0)).isEqualTo(Instant.parse("2026-05-01T08:30:00Z"));
        assertThat(keys.number(1)).isEqualTo(42L);
        assertThat(Cursor.decode("cursor", Cursor.encode("HJ-SK001"), 1).text(0))
                .isEqualTo("HJ-SK001");
    }

    @Test
    void aBrokenCursorIsInvalidInputNamingTheParameter() {
        for (var broken : new String[] {
            "!!!", "abc", encode("1\u001f2\u001f3"), encode("a\u0000"), "a".repeat(5_000), bytes(0xff, 0xfe)
        }) {
            assertThatThrownBy(() -> Cursor.decode("cursor", broken, 2))
                    .as(broken)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.violations().getFirst().field()).isEqualTo("cursor"));
        }
    }

    @Test
    void aKeyOfTheWrongTypeIsABrokenCursor() {
        var text = Cursor.decode("cursor", encode("abc"), 1);
        assertThatThrownBy(() -> text.number(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> text.instant(0)).isInstanceOf(InvalidInputException.class);
        var huge = Cursor.decode("cursor", encode("99999999999999999999"), 1);
        assertThatThrownBy(() -> huge.number(0)).isInstanceOf(InvalidInputException.class);
        var beyondInt = Cursor.decode("cursor", encode("4294967296"), 1);
        assertThatThrownBy(() -> beyondInt.smallNumber(0)).isInstanceOf(InvalidInputException.class);
        var farFuture = Cursor.decode("cursor", encode("+1000000000-01-01T00:00:00Z"), 1);
        assertThatThrownBy(() -> farFuture.instant(0)).isInstanceOf(InvalidInputException.class);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String bytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
