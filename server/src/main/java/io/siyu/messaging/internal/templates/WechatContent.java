package io.siyu.messaging.internal.templates;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a WeChat template says to WeChat. Like an SMS, a WeChat message is not free text: the brand picks a template in
 * its mini-program's or official account's back office, and a message names it by its id and fills its keys.
 *
 * @param templateId the template's id in the mini-program or official account
 * @param page the mini-program page the message opens ({@code pages/order/detail?id=...}), a Handlebars source; for an
 *     official-account message, the page of the configured mini-program, if any
 * @param parameters the template's keys ({@code thing1}, {@code time2}, {@code amount3}...), each a Handlebars source
 *     rendered for the customer
 */
public record WechatContent(String templateId, @Nullable String page, Map<String, String> parameters) {

    public WechatContent {
        parameters = parameters == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    }
}
