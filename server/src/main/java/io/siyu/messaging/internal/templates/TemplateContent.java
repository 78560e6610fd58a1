package io.siyu.messaging.internal.templates;

import org.jspecify.annotations.Nullable;

/** What a template version says: a subject, an HTML body (e-mail) and a plain-text body, all Handlebars sources. */
public record TemplateContent(String subject, @Nullable String html, String text) {}
