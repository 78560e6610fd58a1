package io.siyu.loyalty.internal.web;

import io.siyu.access.ConsumerCaller;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.loyalty.Points;
import io.siyu.loyalty.internal.checkin.CheckIns;
import io.siyu.loyalty.internal.points.LoyaltyProperties;
import io.siyu.shared.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily check-in in the consumer API: the member checks in once a day in their own time zone (checking in again that
 * day answers the first check-in), and sees this month's days, their streak and the rules: the points each day of a
 * streak earns, as the app shows them.
 */
@RestController
@SecurityRequirement(name = "consumerToken")
class ConsumerCheckInController {

    private final Profiles profiles;
    private final CheckIns checkIns;
    private final Points points;
    private final LoyaltyProperties properties;

    ConsumerCheckInController(Profiles profiles, CheckIns checkIns, Points points, LoyaltyProperties properties) {
        this.profiles = profiles;
        this.checkIns = checkIns;
        this.points = points;
        this.properties = properties;
    }

    /** A check-in and the balance after it. */
    record CheckedIn(LocalDate day, int streak, long points, boolean already, long balance) {}

    /** The member's month: today, the streak now, whether today is done, the days checked in, and the rules. */
    record CheckInMonth(
            LocalDate today, int streak, boolean checkedInToday, List<LocalDate> days, List<Long> pointsByStreakDay) {}

    @PostMapping("/consumer/v1/check-ins")
    @Operation(
            summary = "Checks the calling member in for their today; again the same day answers the first check-in",
            description = "Answered 409 customer-unknown when Siyu has not met the member yet (identify them first).")
    CheckedIn checkIn(@AuthenticationPrincipal ConsumerCaller caller) {
        var customer = member(caller);
        var checkIn = checkIns.checkIn(customer);
        return new CheckedIn(
                checkIn.day(), checkIn.streak(), checkIn.points(), checkIn.already(), points.balance(customer));
    }

    @GetMapping("/consumer/v1/check-ins")
    @Operation(summary = "The calling member's check-ins this month, their streak and the points each streak day earns")
    CheckInMonth month(@AuthenticationPrincipal ConsumerCaller caller) {
        var customer = member(caller);
        var today = checkIns.today(customer);
        var recent = checkIns.since(customer, today.withDayOfMonth(1).minusDays(1));
        var last = recent.isEmpty() ? null : recent.getLast();
        var streak = last != null && !last.day().isBefore(today.minusDays(1)) ? last.streak() : 0;
        return new CheckInMonth(
                today,
                streak,
                last != null && last.day().equals(today),
                recent.stream()
                        .map(CheckIns.CheckIn::day)
                        .filter(day -> !day.isBefore(today.withDayOfMonth(1)))
                        .toList(),
                properties.checkInPoints());
    }

    private CustomerId member(ConsumerCaller caller) {
        return profiles.ownedBy(caller.subject())
                .orElseThrow(() -> new ConflictException(
                        "customer-unknown",
                        "Siyu has not met this member yet: identify them through the tracking API first"));
    }
}
