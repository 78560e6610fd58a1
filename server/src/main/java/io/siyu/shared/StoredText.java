package io.siyu.shared;

/**
 * Text as PostgreSQL stores it: no NUL characters and no unpaired surrogates (a {@code text} or {@code jsonb} column
 * refuses the first and cannot encode the second), and, where a column keeps only so much, cut with an ellipsis so
 * that a reader sees it was cut.
 */
public final class StoredText {

    private static final char REPLACEMENT = '\uFFFD';
    private static final String CUT = "…";

    private StoredText() {}

    /** Whether the text can be stored exactly as it is. */
    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text with every NUL character and unpaired surrogate replaced by U+FFFD; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null || storable(text)) {
            return text;
        }
        var clean = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> c == 0 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) ? REPLACEMENT : c)
                .forEach(clean::appendCodePoint);
        return clean.toString();
    }

    /**
     * The {@linkplain #clean(String) clean} text in at most {@code max} characters: a longer one keeps its first
     * {@code max - 1} and ends with "…".
     */
    public static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return clean(text.length() > max ? text.substring(0, max - CUT.length()) + CUT : text);
    }
}
