package io.siyu.access.internal.consumer;

import io.siyu.access.ConsumerCaller;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token ids ({@code jti}) of the consumer changes carried out: a token carries one change, once. An id is kept
 * until its token has expired (and the clock skew allowed for the shop has passed), since after that the token is
 * refused anyway; expired ids are deleted as new ones come in.
 */
@Component
public class TokenUses {

    private final JdbcClient jdbc;
    private final Clock clock;

    TokenUses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the caller's token id for a change: false when it was taken before (a replay). */
    public boolean claim(ConsumerCaller caller) {
        var now = clock.instant();
        jdbc.sql("delete from access.consumer_token_use where expires_at < ?")
                .param(Timestamps.of(now))
                .update();
        return jdbc.sql("""
                        insert into access.consumer_token_use (jti, kid, used_at, expires_at) values (?, ?, ?, ?)
                        on conflict (jti) do nothing""")
                        .params(
                                caller.tokenId(),
                                caller.keyId(),
                                Timestamps.of(now),
                                Timestamps.of(caller.expiresAt().plus(ConsumerTokens.CLOCK_SKEW)))
                        .update()
                == 1;
    }
}
