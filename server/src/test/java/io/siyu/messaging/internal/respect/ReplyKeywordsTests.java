package io.siyu.messaging.internal.respect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which replies to an SMS unsubscribe the customer. */
class ReplyKeywordsTests {

    static final List<String> KEYWORDS = List.of("T", "TD", "退订", "R", "N", "STOP");

    @Test
    void aKeywordAloneUnsubscribesWhateverItsCaseSpacesOrWidth() {
        for (var reply : List.of("T", "td", " TD ", "退订", "退订。", "r", "n\n", "Stop", "ｔｄ", "\u3000退订\u3000", "STOP!")) {
            assertThat(ReplyKeywords.isUnsubscribe(reply, KEYWORDS)).as(reply).isTrue();
        }
    }

    @Test
    void aSentenceOrAnotherWordDoesNot() {
        for (var reply : List.of("TD is great", "谢谢", "", "  ", "TDD", "退订了吗 好的", "Y")) {
            assertThat(ReplyKeywords.isUnsubscribe(reply, KEYWORDS)).as(reply).isFalse();
        }
        assertThat(ReplyKeywords.isUnsubscribe(null, KEYWORDS)).isFalse();
    }

    @Test
    void theKeywordsAreTheConfiguredOnes() {
        assertThat(ReplyKeywords.isUnsubscribe("0000", List.of("0000"))).isTrue();
        assertThat(ReplyKeywords.isUnsubscribe("T", List.of("0000"))).isFalse();
    }
}
