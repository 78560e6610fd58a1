package io.siyu.messaging.internal.delivery;

import io.siyu.messaging.internal.templates.TemplateRenderer;
import java.util.Map;

/**
 * A message ready to hand to a provider: the ledger row it settles (a test send, which has none, a negative number),
 * the address in clear and masked (for the outbox and logs), what was rendered (tracking links already in place) and
 * headers to add.
 */
public record Outgoing(
        long sendId, String to, String maskedTo, TemplateRenderer.Rendered rendered, Map<String, String> headers) {}
