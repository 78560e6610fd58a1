package io.siyu.messaging.internal.tracking;

import io.siyu.shared.Timestamps;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pushes providers sent that Siyu handled, by provider, kind and a key of each: providers push again after a
 * timeout or an error answer, and a push seen before changes nothing the second time.
 */
@Component
class ProviderCallbacks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProviderCallbacks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Notes the push; answers whether it is the first time, in the caller's transaction. */
    boolean firstTime(String provider, String kind, String key) {
        return jdbc.update("""
                        insert into messaging.provider_callback (provider, kind, key, received_at)
                        values (?, ?, ?, ?) on conflict do nothing""", provider, kind, key, Timestamps.of(clock.instant())) > 0;
    }
}
