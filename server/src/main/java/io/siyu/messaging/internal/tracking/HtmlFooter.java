package io.siyu.messaging.internal.tracking;

import java.util.regex.Pattern;

/** The unsubscribe line added to a marketing message whose template does not place the link itself. */
public final class HtmlFooter {

    private static final Pattern BODY_END = Pattern.compile("</body>", Pattern.CASE_INSENSITIVE);
    private static final String LINK = "退订 / Unsubscribe";

    private HtmlFooter() {}

    private static String reason(String brand) {
        return "You get this message because you agreed to hear from " + brand + ".";
    }

    public static String text(String text, String unsubscribeUrl, String brand) {
        return text.stripTrailing() + "\n\n--\n" + reason(brand) + "\n" + LINK + ": " + unsubscribeUrl + "\n";
    }

    public static String html(String html, String unsubscribeUrl, String brand) {
        var footer = "<p style=\"font-size:12px;color:#888\">" + HtmlText.encode(reason(brand)) + " <a href=\""
                + HtmlText.encode(unsubscribeUrl) + "\">" + LINK + "</a></p>";
        var end = BODY_END.matcher(html);
        return end.find() ? html.substring(0, end.start()) + footer + html.substring(end.start()) : html + footer;
    }
}
