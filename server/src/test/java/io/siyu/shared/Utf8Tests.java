package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Tests {

    static byte[] bytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void wellFormedTextPasses() {
        var text = "ascii, é, 中文, 😀, \u0000, \uFFFF, \uDBFF\uDFFF".getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8.check(text)).isEmpty();
        assertThat(Utf8.check(new byte[0])).isEmpty();
    }

    @Test
    void overlongFormsAreRefused() {
        assertThat(Utf8.check(bytes(0xC0, 0xAF))).isPresent();
        assertThat(Utf8.check(bytes(0xC1, 0xBF))).isPresent();
        assertThat(Utf8.check(bytes(0xE0, 0x80, 0xAF))).isPresent();
        assertThat(Utf8.check(bytes(0xE0, 0x9F, 0xBF))).isPresent();
        assertThat(Utf8.check(bytes(0xF0, 0x80, 0x80, 0xAF))).isPresent();
        assertThat(Utf8.check(bytes(0xF0, 0x8F, 0xBF, 0xBF))).isPresent();
    }

    @Test
    void surrogatesCodePointsBeyondUnicodeAndBrokenSequencesAreRefused() {
        assertThat(Utf8.check(bytes(0xED, 0xA0, 0x80))).as("U+D800").isPresent();
        assertThat(Utf8.check(bytes(0xED, 0xBF, 0xBF))).as("U+DFFF").isPresent();
        assertThat(Utf8.check(bytes(0xF4, 0x90, 0x80, 0x80))).as("U+110000").isPresent();
        assertThat(Utf8.check(bytes(0xF5, 0x80, 0x80, 0x80))).isPresent();
        assertThat(Utf8.check(bytes(0xFF))).isPresent();
        assertThat(Utf8.check(bytes(0x80))).as("a lone continuation byte").isPresent();
        assertThat(Utf8.check(bytes(0xC3, 0x28))).isPresent();
        assertThat(Utf8.check(bytes(0x61, 0xE2, 0x82))).as("cut short").isPresent();
    }

    @Test
    void theViolationNamesTheBodyTheRuleAndTheOffset() {
        var violation = Utf8.check(bytes(0x7B, 0x22, 0xC0, 0xAF)).orElseThrow();

        assertThat(violation.field()).isEqualTo("body");
        assertThat(violation.rule()).isEqualTo("utf-8");
        assertThat(violation.detail()).contains("byte 2");
    }
}
