package io.siyu.messaging.internal.templates;

import org.jspecify.annotations.Nullable;

/**
 * What a template version says: a subject, an HTML body (e-mail, inbox) and a plain-text body, all Handlebars sources;
 * for SMS and WeChat the provider's template it names; and for the inbox and WeChat template messages the link the
 * message opens. An SMS or WeChat template's text is the approved template's wording, with the parameters written
 * {@code ${name}}: it shows people what the customer reads.
 */
public record TemplateContent(
        String subject,
        @Nullable String html,
        String text,
        @Nullable SmsContent sms,
        @Nullable WechatContent wechat,
        @Nullable String link) {

    public TemplateContent(String subject, @Nullable String html, String text) {
        this(subject, html, text, null, null, null);
    }

    public TemplateContent(String subject, @Nullable String html, String text, @Nullable SmsContent sms) {
        this(subject, html, text, sms, null, null);
    }
}
