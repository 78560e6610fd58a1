package io.siyu.messaging.internal.templates;

import org.jspecify.annotations.Nullable;

/**
 * What a template version says: a subject, an HTML body (e-mail) and a plain-text body, all Handlebars sources, and for
 * SMS the provider's template it names. An SMS template's text is the approved template's wording, with the
 * parameters as the provider writes them ({@code ${name}}): it shows people what the customer reads.
 */
public record TemplateContent(
        String subject,
        @Nullable String html,
        String text,
        @Nullable SmsContent sms) {

    public TemplateContent(String subject, @Nullable String html, String text) {
        this(subject, html, text, null);
    }
}
