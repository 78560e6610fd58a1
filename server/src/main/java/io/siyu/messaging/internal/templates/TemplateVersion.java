package io.siyu.messaging.internal.templates;

import java.time.Instant;

/** One saved version of a template: what it said, when and by whom it was saved. */
public record TemplateVersion(long templateId, int version, TemplateContent content, Instant savedAt, String savedBy) {}
