package io.siyu.messaging.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Messages;
import io.siyu.messaging.internal.ledger.SendHistory;
import io.siyu.messaging.internal.ledger.SendState;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Slice;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sending messages through the API and reading the ledger. */
@RestController
class MessageController {

    private final Messages messages;
    private final SendHistory history;
    private final Profiles profiles;
    private final AuditLog audit;

    MessageController(Messages messages, SendHistory history, Profiles profiles, AuditLog audit) {
        this.messages = messages;
        this.history = history;
        this.profiles = profiles;
        this.audit = audit;
    }

    record SendRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "order-shipped")
            String template,

            @Schema(description = "values for {{data.*}} in the template") @Nullable
            Map<String, Object> data,

            @Schema(
                    description = "the business reason, unique per message meant (e.g. order-shipped:A1001); the same"
                            + " reason again queues nothing new; none makes every request a new message")
            @Nullable
            String reason) {}

    @PostMapping("/api/v1/messages")
    @PreAuthorize("hasAuthority('messages:send')")
    ResponseEntity<Messages.Queued> send(@RequestBody SendRequest body) {
        if (body.reason() != null) {
            InputRules.requireMaxLength("reason", body.reason(), 200);
            if (body.reason().isBlank()) {
                throw new InvalidInputException("reason", "required", "must not be blank when given");
            }
        }
        if (body.template() == null) {
            throw new InvalidInputException("template", "required", "must not be null");
        }
        var customer = liveCustomer(profiles, body.customerId());
        var reason = "api:" + (body.reason() == null ? UUID.randomUUID().toString() : body.reason());
        var queued = messages.enqueue(List.of(new Messages.SendRequest(
                        reason, "api", customer, body.template(), TemplateController.data(body.data()), null)))
                .getFirst();
        audit.record("message.queued", "message:" + queued.sendId(), Map.of("template", body.template()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(queued);
    }

    @GetMapping("/api/v1/messages")
    @PreAuthorize("hasAuthority('messages:read')")
    Slice<SendHistory.SendRow> page(
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return history.page(customerId, state(state), cursor, limit(limit));
    }

    @GetMapping("/api/v1/messages/{id}")
    @PreAuthorize("hasAuthority('messages:read')")
    SendHistory.SendRow get(@PathVariable long id) {
        return history.get(id);
    }

    /** The live customer a request names by {@code customerId}, or the rule it breaks. */
    static CustomerId liveCustomer(Profiles profiles, @Nullable Long id) {
        if (id == null) {
            throw new InvalidInputException("customerId", "required", "must not be null");
        }
        return profiles.live(CustomerId.of(id))
                .orElseThrow(() -> new InvalidInputException("customerId", "exists", "no such customer"));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 500");
        }
        return limit;
    }

    private static @Nullable SendState state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(SendState.values())
                .filter(s -> s.value().equals(state.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "state",
                        "one-of",
                        "must be one of "
                                + Arrays.stream(SendState.values())
                                        .map(SendState::value)
                                        .toList()));
    }
}
