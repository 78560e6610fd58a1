package io.siyu.loyalty.internal.web;

import io.siyu.loyalty.internal.points.PointsLiability;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The points the brand owes its members, by month of expiry and in money: what finance asks for. */
@RestController
class LiabilityController {

    private final PointsLiability liability;

    LiabilityController(PointsLiability liability) {
        this.liability = liability;
    }

    @GetMapping("/api/v1/loyalty/points/liability")
    @PreAuthorize("hasAuthority('loyalty:read')")
    @Operation(summary = "Unspent, unexpired points by month of expiry, and their worth in money")
    PointsLiability.Liability liability() {
        return liability.now();
    }
}
