package io.siyu.webhooks.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Slice;
import io.siyu.webhooks.Webhooks;
import io.siyu.webhooks.internal.delivery.Courier;
import io.siyu.webhooks.internal.delivery.DeliveryStatus;
import io.siyu.webhooks.internal.delivery.WebhookOutbox;
import io.siyu.webhooks.internal.endpoints.Endpoints;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints: registered with a secret shown once, changed, given new secrets; their deliveries, resent. */
@RestController
class WebhookController {

    static final String URL =
            "an http or https URL; by default not one that leads to a private, loopback or link-local" + " address";

    private final Endpoints endpoints;
    private final WebhookOutbox outbox;
    private final Webhooks webhooks;
    private final Courier courier;
    private final AuditLog audit;

    WebhookController(Endpoints endpoints, WebhookOutbox outbox, Webhooks webhooks, Courier courier, AuditLog audit) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.courier = courier;
        this.audit = audit;
    }

    record NewWebhookEndpoint(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Shop backend")
            String name,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "https://shop.example.com/hooks/siyu",
                    description = URL)
            String url,

            @Schema(description = "whether it takes deliveries; true when not given") @Nullable
            Boolean enabled) {}

    record WebhookEndpointChange(
            @Schema(example = "Shop backend") @Nullable String name,

            @Schema(example = "https://shop.example.com/hooks/siyu", description = URL) @Nullable
            String url,

            @Schema(description = "false holds its deliveries queued until it is enabled again") @Nullable
            Boolean enabled) {}

    @GetMapping("/api/v1/webhooks")
    @PreAuthorize("hasAuthority('webhooks:read')")
    List<Endpoints.WebhookEndpoint> list() {
        return endpoints.list();
    }

    @PostMapping("/api/v1/webhooks")
    @PreAuthorize("hasAuthority('webhooks:write')")
    ResponseEntity<Endpoints.WebhookSecret> create(@RequestBody NewWebhookEndpoint body) {
        var created =
                endpoints.create(body.name(), body.url(), body.enabled() == null || body.enabled(), Viewer.name());
        audit.record(
                "webhook.created",
                "webhook:" + created.endpoint().id(),
                Map.of("url", created.endpoint().url()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/api/v1/webhooks/{id}")
    @PreAuthorize("hasAuthority('webhooks:read')")
    Endpoints.WebhookEndpoint get(@PathVariable long id) {
        return endpoints.get(id);
    }

    @PatchMapping("/api/v1/webhooks/{id}")
    @PreAuthorize("hasAuthority('webhooks:write')")
    Endpoints.WebhookEndpoint change(@PathVariable long id, @RequestBody WebhookEndpointChange body) {
        var changed = endpoints.change(id, new Endpoints.Change(body.name(), body.url(), body.enabled()));
        audit.record("webhook.changed", "webhook:" + id, Map.of("url", changed.url(), "enabled", changed.enabled()));
        return changed;
    }

    @PostMapping("/api/v1/webhooks/{id}/rotate-secret")
    @PreAuthorize("hasAuthority('webhooks:write')")
    Endpoints.WebhookSecret rotate(@PathVariable long id) {
        var rotated = endpoints.rotate(id);
        audit.record("webhook.secret-rotated", "webhook:" + id, Map.of());
        return rotated;
    }

    @PostMapping("/api/v1/webhooks/{id}/test-deliveries")
    @PreAuthorize("hasAuthority('webhooks:write')")
    ResponseEntity<Webhooks.QueuedDelivery> test(@PathVariable long id) {
        endpoints.get(id);
        var queued = webhooks.enqueue(
                id,
                "siyu.test",
                "test:" + UUID.randomUUID(),
                Map.of("message", "A test delivery from Siyu", "by", Viewer.name()));
        audit.record("webhook.test-queued", "webhook:" + id, Map.of("delivery", queued.deliveryId()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    @PreAuthorize("hasAuthority('webhooks:read')")
    Slice<WebhookOutbox.WebhookDelivery> deliveries(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        endpoints.get(id);
        var wanted = status == null || status.isBlank()
                ? null
                : InputRules.oneOf("status", status, DeliveryStatus.values(), DeliveryStatus::value);
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 500");
        }
        return outbox.page(id, wanted, cursor, limit);
    }

    @PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    @PreAuthorize("hasAuthority('webhooks:write')")
    WebhookOutbox.WebhookDelivery redeliver(@PathVariable long id, @PathVariable long deliveryId) {
        var row = courier.redeliver(id, deliveryId);
        audit.record("webhook.redelivered", "webhook:" + id, Map.of("delivery", deliveryId));
        return row;
    }
}
