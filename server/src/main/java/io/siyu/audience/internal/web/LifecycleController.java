package io.siyu.audience.internal.web;

import io.siyu.audience.internal.lifecycle.CustomerStanding;
import io.siyu.audience.internal.lifecycle.LifecycleModels;
import io.siyu.audience.internal.lifecycle.RfmOverview;
import io.siyu.audience.internal.lifecycle.StageHistory;
import io.siyu.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Lifecycle models, RFM and a customer's place in them, in the operator API. */
@RestController
class LifecycleController {

    private final LifecycleModels models;
    private final StageHistory history;
    private final RfmOverview rfm;
    private final CustomerStanding standing;
    private final Clock clock;

    LifecycleController(
            LifecycleModels models, StageHistory history, RfmOverview rfm, CustomerStanding standing, Clock clock) {
        this.models = models;
        this.history = history;
        this.rfm = rfm;
        this.standing = standing;
        this.clock = clock;
    }

    record ModelRequest(
            @Schema(description = "at most 120 characters") @Nullable
            String label,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "2 to 12 stages; every stage but the last has a condition",
                    example = STAGES)
            JsonNode stages) {}

    private static final String STAGES = "[{\"value\": \"active\", \"label\": \"Active\", \"condition\": {\"type\": "
            + "\"fact\", \"fact\": \"last_seen_at\", \"operator\": \"within_last_days\", \"days\": 30}}, "
            + "{\"value\": \"dormant\", \"label\": \"Dormant\"}]";

    record RfmSettings(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "7 to 3650")
            Integer windowDays,

            @Schema(
                    description = "the day scores are computed as of; today when absent",
                    format = "date",
                    example = "2026-05-01")
            @Nullable
            String referenceDate) {}

    @GetMapping("/api/v1/lifecycle/models")
    @PreAuthorize("hasAuthority('audience:read')")
    List<LifecycleModels.ModelView> models() {
        return models.models();
    }

    @GetMapping("/api/v1/lifecycle/models/{name}")
    @PreAuthorize("hasAuthority('audience:read')")
    LifecycleModels.ModelView model(@PathVariable String name) {
        return models.model(name);
    }

    @PutMapping("/api/v1/lifecycle/models/{name}")
    @PreAuthorize("hasAuthority('audience:write')")
    LifecycleModels.ModelView save(@PathVariable String name, @RequestBody ModelRequest request) {
        return models.save(name, request.label(), request.stages());
    }

    @GetMapping("/api/v1/lifecycle/models/{name}/distribution")
    @PreAuthorize("hasAuthority('audience:read')")
    List<StageHistory.DistributionPoint> distribution(
            @PathVariable String name, @RequestParam(defaultValue = "90") int days) {
        if (days < 1 || days > 730) {
            throw new InvalidInputException("days", "range", "must be between 1 and 730");
        }
        return history.distribution(name, days);
    }

    @GetMapping("/api/v1/lifecycle/models/{name}/flows")
    @PreAuthorize("hasAuthority('audience:read')")
    List<StageHistory.Flow> flows(
            @PathVariable String name,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        var end = to == null ? clock.instant() : to;
        var start = from == null ? end.minus(Duration.ofDays(30)) : from;
        return history.flows(name, start, end);
    }

    @GetMapping("/api/v1/rfm")
    @PreAuthorize("hasAuthority('audience:read')")
    RfmOverview.RfmView rfm() {
        return rfm.rfm();
    }

    @PutMapping("/api/v1/rfm/settings")
    @PreAuthorize("hasAuthority('audience:write')")
    RfmOverview.RfmView rfmSettings(@RequestBody RfmSettings request) {
        LocalDate referenceDate = null;
        if (request.referenceDate() != null) {
            try {
                referenceDate = LocalDate.parse(request.referenceDate());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("referenceDate", "date", "must be a date such as 2026-05-01");
            }
        }
        return rfm.saveRfmSettings(request.windowDays(), referenceDate);
    }

    @GetMapping("/api/v1/customers/{id}/audience")
    @PreAuthorize("hasAuthority('audience:read')")
    CustomerStanding.CustomerAudience customer(@PathVariable long id) {
        return standing.customer(id);
    }
}
