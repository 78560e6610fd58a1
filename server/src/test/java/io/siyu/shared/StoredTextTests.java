package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTests {

    @Test
    void textWithoutNulOrLoneSurrogatesIsStorableAsItIs() {
        assertThat(StoredText.storable("拼团 😀 ok")).isTrue();
        assertThat(StoredText.clean("拼团 😀 ok")).isEqualTo("拼团 😀 ok");
    }

    @Test
    void nulAndUnpairedSurrogatesAreReplaced() {
        assertThat(StoredText.storable("a\u0000b")).isFalse();
        assertThat(StoredText.storable("a\uD83Db")).isFalse();
        assertThat(StoredText.storable("a\uDE00b")).isFalse();
        assertThat(StoredText.clean("a\u0000b\uD83Dc\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    }

    @Test
    void aLongTextIsCutWithAnEllipsisWithinItsLimit() {
        assertThat(StoredText.cut("abcdef", 6)).isEqualTo("abcdef");
        assertThat(StoredText.cut("abcdefg", 6)).isEqualTo("abcde…").hasSize(6);
        assertThat(StoredText.cut(null, 6)).isNull();
    }

    @Test
    void aCutThroughASurrogatePairLeavesNoHalfOfIt() {
        assertThat(StoredText.cut("abcd😀x", 6)).isEqualTo("abcd\uFFFD…");
    }
}
