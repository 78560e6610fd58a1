package io.siyu.webhooks.internal;

import io.siyu.shared.AfterCommit;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import io.siyu.webhooks.Webhooks;
import io.siyu.webhooks.internal.delivery.Courier;
import io.siyu.webhooks.internal.delivery.WebhookOutbox;
import io.siyu.webhooks.internal.endpoints.Endpoints;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks module's {@link Webhooks}: checks and queues deliveries in the caller's transaction, each body the
 * Standard Webhooks envelope {@code {"type", "timestamp", "data"}}, and wakes the courier after the commit.
 */
@Component
class WebhooksFacade implements Webhooks {

    /** Full-stop delimited names of letters, digits and {@code _}, as the Standard Webhooks specification advises. */
    static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_]{1,50}(\\.[A-Za-z0-9_]{1,50}){0,5}");

    /** What a {@code webhook-id} may hold: no full stop (it delimits the signed content), nothing a header cannot. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_:-]{1,200}");

    /** The largest body a delivery may have, in bytes. */
    static final int MAX_BODY = 64 * 1024;

    private final Endpoints endpoints;
    private final WebhookOutbox outbox;
    private final Courier courier;
    private final JsonMapper json;
    private final Clock clock;

    WebhooksFacade(Endpoints endpoints, WebhookOutbox outbox, Courier courier, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.courier = courier;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Not transactional of its own: one insert statement queues the batch, in the caller's transaction when there
     * is one, and refused input throws before anything is written, so a caller that catches the refusal keeps a
     * transaction it can still commit.
     */
    @Override
    public List<QueuedDelivery> enqueue(List<Delivery> deliveries) {
        var now = clock.instant();
        var known = new HashMap<Long, Boolean>();
        var violations = new ArrayList<Violation>();
        var rows = new ArrayList<WebhookOutbox.NewDelivery>();
        for (int i = 0; i < deliveries.size(); i++) {
            var delivery = deliveries.get(i);
            var at = deliveries.size() == 1 ? "" : "[" + i + "].";
            var before = violations.size();
            if (!known.computeIfAbsent(
                    delivery.endpointId(), id -> endpoints.find(id).isPresent())) {
                violations.add(new Violation(at + "endpointId", "exists", "no webhook endpoint with this id"));
            }
            if (delivery.eventType() == null
                    || !EVENT_TYPE.matcher(delivery.eventType()).matches()) {
                violations.add(new Violation(
                        at + "eventType",
                        "pattern",
                        "must be names of letters, digits or '_' joined by '.', such as journey.step"));
            }
            if (delivery.idempotencyKey() == null
                    || !KEY.matcher(delivery.idempotencyKey()).matches()) {
                violations.add(new Violation(
                        at + "idempotencyKey", "pattern", "must be 1 to 200 letters, digits, '_', '-' or ':'"));
            }
            if (violations.size() > before) {
                continue;
            }
            var envelope = json.createObjectNode();
            envelope.put("type", delivery.eventType());
            envelope.put("timestamp", now.toString());
            envelope.set("data", json.valueToTree(delivery.data() == null ? Map.of() : delivery.data()));
            var body = json.writeValueAsString(envelope);
            if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY) {
                violations.add(
                        new Violation(at + "data", "max-size", "must come to at most " + MAX_BODY + " bytes of JSON"));
                continue;
            }
            rows.add(new WebhookOutbox.NewDelivery(
                    delivery.idempotencyKey(), delivery.endpointId(), delivery.eventType(), body));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var queued = outbox.enqueue(rows, now);
        AfterCommit.run(courier::wake);
        return queued;
    }

    @Override
    public Optional<Endpoint> endpoint(long id) {
        return endpoints.find(id).map(e -> new Endpoint(e.id(), e.name(), e.enabled()));
    }
}
