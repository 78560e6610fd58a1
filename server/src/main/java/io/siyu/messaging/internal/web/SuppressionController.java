package io.siyu.messaging.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.respect.Suppressions;
import io.siyu.shared.InputRules;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The suppression list: customers no message of a channel reaches, whatever their consent says. */
@RestController
class SuppressionController {

    private final Suppressions suppressions;
    private final Profiles profiles;
    private final AuditLog audit;

    SuppressionController(Suppressions suppressions, Profiles profiles, AuditLog audit) {
        this.suppressions = suppressions;
        this.profiles = profiles;
        this.audit = audit;
    }

    record SuppressionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "email")
            String channel,

            @Schema(description = "why, for the people who read the list; at most 2,000 characters") @Nullable
            String note) {}

    @GetMapping("/api/v1/suppressions")
    @PreAuthorize("hasAuthority('messages:read')")
    Slice<Suppressions.Suppression> page(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
        return suppressions.page(cursor, MessageController.limit(limit));
    }

    @PostMapping("/api/v1/suppressions")
    @PreAuthorize("hasAuthority('suppressions:write')")
    ResponseEntity<Map<String, Boolean>> add(@RequestBody SuppressionRequest body) {
        InputRules.requireMaxLength("note", body.note(), InputRules.MAX_DESCRIPTION_LENGTH);
        var channel = Channel.parse("channel", body.channel());
        var customer = MessageController.liveCustomer(profiles, body.customerId());
        var added = suppressions.add(customer, channel, Suppressions.MANUAL, body.note(), Viewer.name());
        audit.record("suppression.added", "customer:" + customer.value(), Map.of("channel", channel.category()));
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("added", added));
    }

    @DeleteMapping("/api/v1/suppressions/{customerId}/{channel}")
    @PreAuthorize("hasAuthority('suppressions:write')")
    ResponseEntity<Void> remove(@PathVariable long customerId, @PathVariable String channel) {
        var parsed = Channel.parse("channel", channel);
        if (!suppressions.remove(CustomerId.of(customerId), parsed)) {
            throw new NotFoundException("suppression", customerId + "/" + channel);
        }
        audit.record("suppression.removed", "customer:" + customerId, Map.of("channel", parsed.category()));
        return ResponseEntity.noContent().build();
    }
}
