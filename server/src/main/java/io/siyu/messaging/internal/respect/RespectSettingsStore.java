package io.siyu.messaging.internal.respect;

import io.siyu.messaging.Channel;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brand's respect settings: the ones operators saved, else the defaults ({@code SIYU_QUIET_HOURS}, no caps).
 * Read afresh by every dispatcher pass, so a change holds on every node from the next batch on.
 */
@Component
public class RespectSettingsStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RespectSettings defaults;

    RespectSettingsStore(JdbcTemplate jdbc, JsonMapper json, Clock clock, RespectProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.defaults = new RespectSettings(properties.defaultQuietHours(), List.of());
    }

    /** The settings in force, and who saved them when (both null for the defaults). */
    public record Current(
            RespectSettings settings,
            @Nullable Instant updatedAt,
            @Nullable String updatedBy) {}

    public Current current() {
        var saved = jdbc.query(
                "select * from messaging.respect_settings where id = 1",
                (rs, n) -> new Current(
                        new RespectSettings(
                                new QuietHours(
                                        rs.getBoolean("quiet_hours_enabled"),
                                        rs.getObject("quiet_hours_start", java.time.LocalTime.class),
                                        rs.getObject("quiet_hours_end", java.time.LocalTime.class)),
                                caps(json.readTree(rs.getString("caps"))),
                                policies(json.readTree(rs.getString("channel_policies")))),
                        Timestamps.read(rs, "updated_at"),
                        rs.getString("updated_by")));
        return saved.isEmpty() ? new Current(defaults, null, null) : saved.getFirst();
    }

    public RespectSettings settings() {
        return current().settings();
    }

    public void save(RespectSettings settings, String by) {
        var quiet = settings.quietHours();
        jdbc.update(
                """
                insert into messaging.respect_settings (id, quiet_hours_enabled, quiet_hours_start, quiet_hours_end,
                       caps, channel_policies, updated_at, updated_by)
                values (1, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                on conflict (id) do update set quiet_hours_enabled = excluded.quiet_hours_enabled,
                       quiet_hours_start = excluded.quiet_hours_start, quiet_hours_end = excluded.quiet_hours_end,
                       caps = excluded.caps, channel_policies = excluded.channel_policies,
                       updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                quiet.enabled(),
                quiet.start(),
                quiet.end(),
                json.writeValueAsString(settings.caps().stream()
                        .map(cap -> {
                            var stored = new LinkedHashMap<String, Object>();
                            stored.put("limit", cap.limit());
                            stored.put("windowHours", cap.windowHours());
                            stored.put(
                                    "channel",
                                    cap.channel() == null ? null : cap.channel().category());
                            return stored;
                        })
                        .toList()),
                json.writeValueAsString(settings.policies().stream()
                        .map(policy -> Map.of(
                                "channel", policy.channel().category(),
                                "whenQuiet", policy.whenQuiet().value(),
                                "whenCapped", policy.whenCapped().value()))
                        .toList()),
                Timestamps.of(clock.instant()),
                by);
    }

    /** The saved policies; one naming a channel this version does not know is left out. */
    private static List<ChannelPolicy> policies(JsonNode stored) {
        var policies = new ArrayList<ChannelPolicy>();
        for (var policy : stored) {
            try {
                policies.add(new ChannelPolicy(
                        Channel.parse("channel", policy.path("channel").asString()),
                        ChannelPolicy.Action.parse(
                                "whenQuiet", policy.path("whenQuiet").asString()),
                        ChannelPolicy.Action.parse(
                                "whenCapped", policy.path("whenCapped").asString())));
            } catch (io.siyu.shared.InvalidInputException unknown) {
                // a channel or action of a newer version: its default applies
            }
        }
        return policies;
    }

    private static List<FrequencyCap> caps(JsonNode stored) {
        var caps = new ArrayList<FrequencyCap>();
        for (var cap : stored) {
            var channel = cap.path("channel");
            caps.add(new FrequencyCap(
                    cap.path("limit").asInt(),
                    cap.path("windowHours").asInt(),
                    channel.isString() ? Channel.parse("channel", channel.asString()) : null));
        }
        return caps;
    }
}
