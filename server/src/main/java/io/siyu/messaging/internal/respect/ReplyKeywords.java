package io.siyu.messaging.internal.respect;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Whether a customer's reply to an SMS is an unsubscribe keyword ({@code T}, {@code TD}, {@code 退订}, {@code R},
 * {@code N}, {@code STOP} by default): the whole reply, trimmed of spaces and punctuation around it, compared without
 * regard to case or to full-width forms ({@code ｔｄ} is {@code TD}), as phones in China type them. A sentence that
 * merely contains a keyword ("TD is great") is not one.
 */
public final class ReplyKeywords {

    private ReplyKeywords() {}

    public static boolean isUnsubscribe(String reply, List<String> keywords) {
        if (reply == null) {
            return false;
        }
        var text = normalise(reply);
        return !text.isEmpty()
                && keywords.stream().map(ReplyKeywords::normalise).anyMatch(text::equals);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("^[\\p{Z}\\s\\p{P}]+|[\\p{Z}\\s\\p{P}]+$", "")
                .toUpperCase(Locale.ROOT);
    }
}
