package io.siyu.messaging.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Viewer;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.respect.ChannelPolicy;
import io.siyu.messaging.internal.respect.FrequencyCap;
import io.siyu.messaging.internal.respect.QuietHours;
import io.siyu.messaging.internal.respect.RespectSettings;
import io.siyu.messaging.internal.respect.RespectSettingsStore;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brand's quiet hours, frequency caps and per-channel policies: what protects every customer from too much
 * marketing.
 */
@RestController
class RespectSettingsController {

    private final RespectSettingsStore store;
    private final AuditLog audit;

    RespectSettingsController(RespectSettingsStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    record QuietHoursSetting(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "off: marketing goes out at any hour")
            Boolean enabled,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "21:00",
                    description = "on the customer's clock")
            String start,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "08:00",
                    description = "on the customer's clock")
            String end) {}

    record FrequencyCapSetting(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2", description = "1 to 1,000 messages")
            Integer limit,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "24",
                    description = "the rolling window, 1 to 2,160 hours (90 days)")
            Integer windowHours,

            @Schema(description = "count only this channel's messages; none: every channel's", example = "email")
            @Nullable
            String channel) {}

    record ChannelPolicySetting(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sms")
            String channel,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "wait",
                    description = "a marketing message in the customer's quiet hours: wait until they end, or skip it")
            String whenQuiet,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "skip",
                    description = "a marketing message over a frequency cap: skip it, or wait until the cap frees")
            String whenCapped) {}

    record RespectSettingsRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            QuietHoursSetting quietHours,

            @Schema(description = "at most 10; none or empty: no caps") @Nullable
            List<FrequencyCapSetting> caps,

            @Schema(
                    description = "per channel, what a quiet or capped message does; a channel not named keeps the"
                            + " default: " + ChannelPolicy.DEFAULT)
            @Nullable
            List<ChannelPolicySetting> policies) {}

    record RespectSettingsView(
            QuietHoursSetting quietHours,
            List<FrequencyCapSetting> caps,

            @Schema(description = "every channel's policy in force, the default where none was saved")
            List<ChannelPolicySetting> policies,

            @Schema(description = "when an operator last saved them; none: the defaults apply") @Nullable
            Instant updatedAt,

            @Nullable String updatedBy) {}

    @GetMapping("/api/v1/respect-settings")
    @PreAuthorize("hasAuthority('messages:read')")
    RespectSettingsView get() {
        return view(store.current());
    }

    @PutMapping("/api/v1/respect-settings")
    @PreAuthorize("hasAuthority('respect:write')")
    RespectSettingsView put(@RequestBody RespectSettingsRequest body) {
        var settings = settings(body).checked();
        store.save(settings, Viewer.name());
        var quiet = settings.quietHours();
        audit.record(
                "respect-settings.changed",
                "respect-settings",
                Map.of(
                        "quietHours",
                        quiet.enabled() ? quiet.start() + "-" + quiet.end() : "off",
                        "caps",
                        settings.caps().size(),
                        "policies",
                        settings.policies().size()));
        return view(store.current());
    }

    /** The settings a request names, or every rule its fields break. */
    private static RespectSettings settings(RespectSettingsRequest body) {
        var violations = new ArrayList<Violation>();
        var quiet = body.quietHours();
        QuietHours quietHours = null;
        if (quiet == null) {
            violations.add(new Violation("quietHours", "required", "must not be null"));
        } else {
            if (quiet.enabled() == null) {
                violations.add(new Violation("quietHours.enabled", "required", "must not be null"));
            }
            var start = timeOfDay("quietHours.start", quiet.start(), violations);
            var end = timeOfDay("quietHours.end", quiet.end(), violations);
            if (quiet.enabled() != null && start != null && end != null) {
                quietHours = new QuietHours(quiet.enabled(), start, end);
            }
        }
        var caps = new ArrayList<FrequencyCap>();
        var given = body.caps() == null ? List.<FrequencyCapSetting>of() : body.caps();
        for (int i = 0; i < given.size(); i++) {
            var cap = given.get(i);
            var field = "caps[" + i + "]";
            if (cap == null) {
                violations.add(new Violation(field, "required", "must not be null"));
                continue;
            }
            if (cap.limit() == null) {
                violations.add(new Violation(field + ".limit", "required", "must not be null"));
            }
            if (cap.windowHours() == null) {
                violations.add(new Violation(field + ".windowHours", "required", "must not be null"));
            }
            Channel channel = null;
            if (cap.channel() != null) {
                try {
                    channel = Channel.parse(field + ".channel", cap.channel());
                } catch (InvalidInputException e) {
                    violations.addAll(e.violations());
                }
            }
            if (cap.limit() != null && cap.windowHours() != null) {
                caps.add(new FrequencyCap(cap.limit(), cap.windowHours(), channel));
            }
        }
        var policies = policies(body.policies(), violations);
        if (!violations.isEmpty() || quietHours == null) {
            throw new InvalidInputException(violations);
        }
        return new RespectSettings(quietHours, caps, policies);
    }

    private static List<ChannelPolicy> policies(
            @Nullable List<ChannelPolicySetting> given, List<Violation> violations) {
        var policies = new ArrayList<ChannelPolicy>();
        if (given == null) {
            return policies;
        }
        for (int i = 0; i < given.size(); i++) {
            var policy = given.get(i);
            var field = "policies[" + i + "]";
            if (policy == null) {
                violations.add(new Violation(field, "required", "must not be null"));
                continue;
            }
            var channel = parsed(violations, () -> Channel.parse(field + ".channel", required(policy.channel())));
            var quiet = parsed(
                    violations, () -> ChannelPolicy.Action.parse(field + ".whenQuiet", required(policy.whenQuiet())));
            var capped = parsed(
                    violations, () -> ChannelPolicy.Action.parse(field + ".whenCapped", required(policy.whenCapped())));
            if (channel != null && quiet != null && capped != null) {
                policies.add(new ChannelPolicy(channel, quiet, capped));
            }
        }
        return policies;
    }

    private static String required(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static <T> @Nullable T parsed(List<Violation> violations, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    private static @Nullable LocalTime timeOfDay(String field, @Nullable String text, List<Violation> violations) {
        if (text == null) {
            violations.add(new Violation(field, "required", "must not be null"));
            return null;
        }
        if (text.matches("\\d\\d:\\d\\d")) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException outOfRange) {
                // 24:00 or 12:60: refused as any other text
            }
        }
        violations.add(new Violation(field, "time-of-day", "must be a time of day as HH:MM, such as 21:00"));
        return null;
    }

    private static RespectSettingsView view(RespectSettingsStore.Current current) {
        var settings = current.settings();
        var quiet = settings.quietHours();
        return new RespectSettingsView(
                new QuietHoursSetting(
                        quiet.enabled(), quiet.start().toString(), quiet.end().toString()),
                settings.caps().stream()
                        .map(cap -> new FrequencyCapSetting(
                                cap.limit(),
                                cap.windowHours(),
                                cap.channel() == null ? null : cap.channel().category()))
                        .toList(),
                java.util.Arrays.stream(Channel.values())
                        .map(settings::policy)
                        .map(policy -> new ChannelPolicySetting(
                                policy.channel().category(),
                                policy.whenQuiet().value(),
                                policy.whenCapped().value()))
                        .toList(),
                current.updatedAt(),
                current.updatedBy());
    }
}
