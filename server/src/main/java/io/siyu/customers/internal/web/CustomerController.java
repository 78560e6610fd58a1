package io.siyu.customers.internal.web;

import io.siyu.customers.internal.directory.CustomerDirectory;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Slice;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers in the operator API: search, profile, timeline. */
@RestController
class CustomerController {

    /** Above any amount a customer can have spent; a bound such as {@code 1e131072} is a mistake. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private final CustomerDirectory directory;
    private final Clock clock;

    CustomerController(CustomerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Finds customers, newest first. {@code q} is a name fragment, an id, an e-mail address or a phone number;
     * {@code identity} is {@code type:value} (e.g. {@code email:ann@example.com}, {@code wechat_openid:o6_bm...});
     * {@code trait} is {@code name:value}. All filters combine with AND.
     */
    @GetMapping("/api/v1/customers")
    @PreAuthorize("hasAuthority('customers:read')")
    Slice<io.siyu.customers.CustomerSummary> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String identity,
            @RequestParam(required = false) String trait,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer minOrders,
            @RequestParam(required = false) BigDecimal minSpent,
            @RequestParam(required = false) Integer seenWithinDays,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        requireRange("limit", limit, 1, 500);
        if (minOrders != null) {
            requireRange("minOrders", minOrders, 0, Integer.MAX_VALUE);
        }
        if (minSpent != null && (minSpent.signum() < 0 || minSpent.compareTo(MAX_AMOUNT) >= 0)) {
            throw new InvalidInputException(
                    "minSpent", "range", "must be from 0 to below " + MAX_AMOUNT.toPlainString());
        }
        if (seenWithinDays != null) {
            requireRange("seenWithinDays", seenWithinDays, 1, 36_500);
        }
        return directory.search(
                new CustomerDirectory.Search(
                        blankToNull(q),
                        blankToNull(identity),
                        blankToNull(trait),
                        blankToNull(channel),
                        minOrders,
                        minSpent,
                        seenWithinDays,
                        blankToNull(cursor),
                        limit),
                clock.instant());
    }

    /** A customer's profile; the id of a merged profile leads to its survivor ({@code id} differs from the one asked). */
    @GetMapping("/api/v1/customers/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    CustomerDirectory.Profile profile(@PathVariable long id) {
        return directory.profile(id);
    }

    /** A customer's events, newest first by the time they happened, with the total count. */
    @GetMapping("/api/v1/customers/{id}/events")
    @PreAuthorize("hasAuthority('customers:read')")
    Slice<CustomerDirectory.TimelineEvent> events(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String name) {
        requireRange("limit", limit, 1, 500);
        return directory.timeline(id, blankToNull(cursor), limit, name);
    }

    /**
     * The latest changes of a customer's consent, newest first by the time they were decided: from which message, or
     * adopted from which merged profile.
     */
    @GetMapping("/api/v1/customers/{id}/consent-changes")
    @PreAuthorize("hasAuthority('customers:read')")
    List<CustomerDirectory.ConsentChange> consentChanges(
            @PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        requireRange("limit", limit, 1, 500);
        return directory.consentChanges(id, limit);
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, "range", "must be between " + min + " and " + max);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
