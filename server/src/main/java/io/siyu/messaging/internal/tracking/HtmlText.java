package io.siyu.messaging.internal.tracking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few HTML character references an attribute value of sanitised HTML holds, read and written. */
final class HtmlText {

    private static final Pattern REFERENCE =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|quot|lt|gt|apos);");

    private HtmlText() {}

    static String decode(String text) {
        var matcher = REFERENCE.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            var name = matcher.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> {
                    var code = name.startsWith("#x") || name.startsWith("#X")
                            ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                    yield Character.isValidCodePoint(code) ? Character.toString(code) : "";
                }
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String encode(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
