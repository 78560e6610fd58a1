package io.siyu.commerce.internal;

import io.siyu.access.AuditLog;
import io.siyu.commerce.Catalogue;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.siyu.shared.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders and products in the operator API. */
@RestController
class CommerceController {

    private final CommerceQueries queries;
    private final Catalogue catalogue;
    private final Profiles profiles;
    private final AuditLog audit;

    CommerceController(CommerceQueries queries, Catalogue catalogue, Profiles profiles, AuditLog audit) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.profiles = profiles;
        this.audit = audit;
    }

    @GetMapping("/api/v1/orders")
    @PreAuthorize("hasAuthority('commerce:read')")
    Slice<CommerceQueries.OrderSummary> orders(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        limit(limit);
        String normalisedStatus = null;
        if (status != null && !status.isBlank()) {
            normalisedStatus = status.strip().toUpperCase(Locale.ROOT);
            if (!List.of("PENDING", "COMPLETED", "CANCELLED").contains(normalisedStatus)) {
                throw new InvalidInputException("status", "one-of", "must be PENDING, COMPLETED or CANCELLED");
            }
        }
        var customer = customerId == null
                ? null
                : profiles.live(CustomerId.of(customerId))
                        .map(CustomerId::value)
                        .orElseThrow(() -> new NotFoundException("customer", customerId));
        return queries.orders(normalisedStatus, customer, from, to, blankToNull(cursor), limit);
    }

    @GetMapping("/api/v1/orders/{orderId}")
    @PreAuthorize("hasAuthority('commerce:read')")
    CommerceQueries.OrderDetail order(@PathVariable String orderId) {
        return queries.order(orderId);
    }

    @GetMapping("/api/v1/customers/{id}/orders")
    @PreAuthorize("hasAuthority('commerce:read')")
    Slice<CommerceQueries.OrderSummary> customerOrders(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        limit(limit);
        var live = profiles.live(CustomerId.of(id)).orElseThrow(() -> new NotFoundException("customer", id));
        return queries.orders(null, live.value(), null, null, blankToNull(cursor), limit);
    }

    @GetMapping("/api/v1/products")
    @PreAuthorize("hasAuthority('commerce:read')")
    Slice<CommerceQueries.Product> products(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        limit(limit);
        return queries.products(blankToNull(q), blankToNull(category), blankToNull(cursor), limit);
    }

    @GetMapping("/api/v1/products/categories")
    @PreAuthorize("hasAuthority('commerce:read')")
    List<CommerceQueries.Category> categories() {
        return queries.categories();
    }

    @GetMapping("/api/v1/products/{productId}")
    @PreAuthorize("hasAuthority('commerce:read')")
    CommerceQueries.ProductDetail product(@PathVariable String productId) {
        return queries.product(productId);
    }

    @PutMapping("/api/v1/products/{productId}")
    @PreAuthorize("hasAuthority('catalogue:write')")
    CommerceQueries.ProductDetail putProduct(@PathVariable String productId, @RequestBody ProductPayload body) {
        var description = body.description(productId);
        var violations = catalogue.check(description);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        catalogue.upsert(List.of(description));
        audit.record("product.saved", "product:" + productId, Map.of("name", String.valueOf(body.name())));
        return queries.product(productId);
    }

    private static void limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException(List.of(new Violation("limit", "range", "must be between 1 and 500")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
