package io.siyu.loyalty.internal.web;

import io.siyu.access.ConsumerCaller;
import io.siyu.customers.Profiles;
import io.siyu.loyalty.Points;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's own points in the consumer API: the balance and the newest lines of the ledger, so the shop's app can
 * show why the balance is what it is. A customer Siyu has not met yet has no points.
 */
@RestController
@SecurityRequirement(name = "consumerToken")
class ConsumerPointsController {

    /** Lines the member sees at once. */
    static final int LINES = 50;

    private final Profiles profiles;
    private final Points points;

    ConsumerPointsController(Profiles profiles, Points points) {
        this.profiles = profiles;
        this.points = points;
    }

    /** The member's balance and newest lines, newest first. */
    record MyPoints(long balance, List<MemberLine> lines) {}

    /** A line as the member sees it: no internal keys. */
    record MemberLine(
            String kind,
            long points,
            long balanceAfter,
            String reason,
            java.time.@org.jspecify.annotations.Nullable Instant expiresAt,
            java.time.Instant at) {}

    @GetMapping("/consumer/v1/points")
    @Operation(summary = "The calling member's points balance and the newest lines of their ledger")
    MyPoints mine(@AuthenticationPrincipal ConsumerCaller caller) {
        return profiles.ownedBy(caller.subject())
                .map(customer -> new MyPoints(
                        points.balance(customer),
                        points.ledger(customer, LINES).stream()
                                .map(l -> new MemberLine(
                                        l.kind(), l.points(), l.balanceAfter(), l.reason(), l.expiresAt(), l.at()))
                                .toList()))
                .orElse(new MyPoints(0, List.of()));
    }
}
