package io.siyu.messaging.internal.providers;

import io.siyu.messaging.Channel;
import io.siyu.shared.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The providers' settings operators saved, one row per channel, their secrets sealed. */
@Component
class ProviderSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSettingsStore.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ProviderSecrets secrets;

    ProviderSettingsStore(JdbcTemplate jdbc, JsonMapper json, ProviderSecrets secrets) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
    }

    /**
     * A channel's saved settings.
     *
     * @param fields the fields that are not secret, by name
     * @param secrets the secret fields, in clear (never logged: see {@link #toString()})
     * @param secretsChanged when each secret was last given
     * @param sealedUnreadable whether the sealed secrets could not be opened (other keys, or copied from another row):
     *     then no secret is known, and none of the environment's stands in
     */
    record Saved(
            Map<String, Object> fields,
            Map<String, String> secrets,
            Map<String, Instant> secretsChanged,
            boolean sealedUnreadable,
            Instant updatedAt,
            String updatedBy) {

        @Override
        public String toString() {
            return "Saved[fields=" + fields + ", secrets=" + secrets.keySet() + ", updatedAt=" + updatedAt + "]";
        }
    }

    Optional<Saved> load(Channel channel) {
        return jdbc
                .query(
                        "select settings, sealed, secrets_changed, updated_at, updated_by"
                                + " from messaging.provider_settings where channel = ?",
                        (rs, n) -> {
                            var sealed = rs.getBytes("sealed");
                            var opened = open(channel, sealed);
                            return new Saved(
                                    json.readValue(rs.getString("settings"), new TypeReference<>() {}),
                                    opened == null ? Map.of() : opened,
                                    changed(rs.getString("secrets_changed")),
                                    sealed != null && opened == null,
                                    Timestamps.read(rs, "updated_at"),
                                    rs.getString("updated_by"));
                        },
                        channel.category())
                .stream()
                .findFirst();
    }

    private @Nullable Map<String, String> open(Channel channel, byte @Nullable [] sealed) {
        if (sealed == null) {
            return Map.of();
        }
        try {
            return json.readValue(
                    new String(secrets.open(channel, sealed), StandardCharsets.UTF_8), new TypeReference<>() {});
        } catch (GeneralSecurityException e) {
            LOG.error(
                    "the credentials saved for the {} provider cannot be opened with the provider keys: give them"
                            + " again in the console (the keys changed, or the row was copied from another channel)",
                    channel.category());
            return null;
        }
    }

    private Map<String, Instant> changed(String stored) {
        var changed = new LinkedHashMap<String, Instant>();
        json.readTree(stored)
                .properties()
                .forEach(e -> changed.put(e.getKey(), Instant.parse(e.getValue().asString())));
        return changed;
    }

    void save(Channel channel, Saved saved) {
        var sealed = saved.secrets().isEmpty() ? null : secrets.seal(channel, json.writeValueAsBytes(saved.secrets()));
        var changed = new LinkedHashMap<String, String>();
        saved.secretsChanged().forEach((name, at) -> changed.put(name, at.toString()));
        jdbc.update(
                """
                insert into messaging.provider_settings (channel, settings, sealed, secrets_changed, updated_at,
                       updated_by)
                values (?, ?::jsonb, ?, ?::jsonb, ?, ?)
                on conflict (channel) do update set settings = excluded.settings, sealed = excluded.sealed,
                       secrets_changed = excluded.secrets_changed, updated_at = excluded.updated_at,
                       updated_by = excluded.updated_by""",
                channel.category(),
                json.writeValueAsString(saved.fields()),
                sealed,
                json.writeValueAsString(changed),
                Timestamps.of(saved.updatedAt()),
                saved.updatedBy());
    }

    boolean delete(Channel channel) {
        return jdbc.update("delete from messaging.provider_settings where channel = ?", channel.category()) > 0;
    }
}
