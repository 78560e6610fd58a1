package io.siyu.messaging.internal.templates;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What HTML an e-mail may hold after rendering: the usual layout of marketing e-mail (blocks, inline formatting,
 * tables, images, links and inline styles) and nothing that runs or loads on its own (scripts, forms, frames, event
 * handlers, {@code javascript:} addresses).
 */
final class HtmlPolicy {

    static final PolicyFactory EMAIL = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowStyling()
            .allowElements(
                    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "img", "a", "span", "div", "center", "hr",
                    "html", "body", "head", "title")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href", "title")
            .onElements("a")
            .allowAttributes("src", "alt", "width", "height")
            .onElements("img")
            .allowAttributes(
                    "align",
                    "valign",
                    "width",
                    "height",
                    "bgcolor",
                    "colspan",
                    "rowspan",
                    "cellpadding",
                    "cellspacing",
                    "border",
                    "role")
            .onElements("table", "td", "th", "tr")
            .allowAttributes("align")
            .onElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "center")
            .toFactory();

    private HtmlPolicy() {}

    static String sanitise(String html) {
        return EMAIL.sanitize(html);
    }
}
