package io.siyu.loyalty.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.loyalty.Points;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's points for operators: the balance and the newest lines of the ledger, and adjustments by hand (a goodwill
 * grant, a correction), each with its reason, audited. An adjustment sent again with the same {@code Idempotency-Key}
 * changes nothing more.
 */
@RestController
class PointsController {

    static final long MAX_POINTS = 1_000_000;

    private final Points points;
    private final Profiles profiles;
    private final AuditLog audit;
    private final Clock clock;

    PointsController(Points points, Profiles profiles, AuditLog audit, Clock clock) {
        this.points = points;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** A customer's points: the balance and the newest lines, newest first. */
    record PointsView(long customerId, long balance, List<Points.Line> lines) {}

    /** An adjustment by hand: positive grants, negative deducts; a grant may expire. */
    record PointsAdjustment(
            @Nullable Long points,
            @Nullable String reason,
            @Nullable Instant expiresAt) {}

    @GetMapping("/api/v1/customers/{id}/points")
    @PreAuthorize("hasAuthority('loyalty:read')")
    @Operation(summary = "A member's points balance and the newest lines of their ledger")
    PointsView view(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 500");
        }
        var customer = live(id);
        return new PointsView(customer.value(), points.balance(customer), points.ledger(customer, limit));
    }

    @PostMapping("/api/v1/customers/{id}/points/adjustments")
    @PreAuthorize("hasAuthority('loyalty:write')")
    @Operation(
            summary = "Grants (positive) or deducts (negative) a member's points by hand, with the reason",
            description = "Answers the ledger line. 409 not-enough-points when a deduction is more than the balance."
                    + " Send an Idempotency-Key to make a retry harmless.")
    ResponseEntity<Points.Line> adjust(
            @PathVariable long id,
            @RequestBody @Nullable PointsAdjustment body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        var adjustment = checked(body);
        var customer = live(id);
        var key = "adjust:"
                + (idempotencyKey == null || idempotencyKey.isBlank()
                        ? UUID.randomUUID().toString()
                        : customer.value() + ":" + idempotencyKey.strip());
        var amount = adjustment.points();
        Points.Line line;
        try {
            line = amount > 0
                    ? points.grant(customer, amount, adjustment.reason().strip(), adjustment.expiresAt(), key)
                    : points.redeem(customer, -amount, adjustment.reason().strip(), key);
        } catch (Points.NotEnoughPoints e) {
            throw new ConflictException("not-enough-points", e.getMessage());
        } catch (Points.KeyReused e) {
            throw new ConflictException("idempotency-key-reused", e.getMessage());
        }
        audit.record(
                "loyalty.points-adjusted", "customer:" + customer.value(), Map.of("points", amount, "line", line.id()));
        return ResponseEntity.status(HttpStatus.CREATED).body(line);
    }

    private CustomerId live(long id) {
        return profiles.live(CustomerId.of(id))
                .orElseThrow(() -> new InvalidInputException("id", "exists", "no such customer"));
    }

    private PointsAdjustment checked(@Nullable PointsAdjustment body) {
        if (body == null) {
            throw new InvalidInputException("body", "required", "must be {\"points\", \"reason\"}");
        }
        var violations = new ArrayList<Violation>();
        if (body.points() == null || body.points() == 0 || Math.abs(body.points()) > MAX_POINTS) {
            violations.add(new Violation(
                    "points", "range", "must be a whole number from -" + MAX_POINTS + " to " + MAX_POINTS + ", not 0"));
        }
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 200) {
            violations.add(new Violation("reason", "required", "must be a text of 1 to 200 characters"));
        }
        if (body.expiresAt() != null) {
            if (body.points() != null && body.points() < 0) {
                violations.add(new Violation("expiresAt", "not-applicable", "only a grant expires"));
            } else if (!body.expiresAt().isAfter(clock.instant())) {
                violations.add(new Violation("expiresAt", "future", "must be in the future"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return body;
    }
}
