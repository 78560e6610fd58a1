package io.siyu.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account's owner out.
 *
 * <p>Failures are counted under two keys: the client address with the user name, and the client address alone. After
 * {@value #ACCOUNT_LIMIT} failures for one name from one address within {@link #WINDOW}, that address may not try that
 * name again until {@link #BLOCK} after the last counted failure; after {@value #CLIENT_LIMIT} failures from one address
 * for any names (password spraying), that address may not try any. Nothing is counted for an account as a whole, so a
 * stranger's guesses never keep its owner out, and unknown user names are counted exactly like existing ones, so the
 * answers do not tell which names exist. The counters live in PostgreSQL, so every node sees the same ones; the user
 * name is kept only as a digest.
 *
 * <p>What this does not stop: many addresses guessing one account's password slowly. Argon2's cost and the password
 * rules bound that; a proxy in front can add its own limits (docs/operations.md).
 */
@Component
class SignInThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int CLIENT_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when this client may not try this user name, if it is held back now. */
    Optional<Instant> heldBackUntil(String client, String username) {
        var now = clock.instant();
        return jdbc.sql("""
                        select max(blocked_until) as until from access.sign_in_throttle
                         where key in (?, ?) and blocked_until > ?""")
                .params(accountKey(username, client), clientKey(client), OperatorStore.ts(now))
                .query((rs, n) -> Optional.ofNullable(OperatorStore.instant(rs, "until")))
                .single();
    }

    /**
     * Counts one failed sign-in, each key in one statement so that concurrent guesses cannot slip past a limit.
     *
     * @return until when the client is now held back, if a limit was reached
     */
    Optional<Instant> recordFailure(String client, String username) {
        var now = clock.instant();
        jdbc.sql("""
                        delete from access.sign_in_throttle
                         where window_started_at < ? and coalesce(blocked_until, '-infinity') < ?""")
                .params(OperatorStore.ts(now.minus(WINDOW)), OperatorStore.ts(now))
                .update();
        var account = count(accountKey(username, client), ACCOUNT_LIMIT, now);
        var address = count(clientKey(client), CLIENT_LIMIT, now);
        return account.isPresent() && address.isPresent()
                ? Optional.of(account.get().isAfter(address.get()) ? account.get() : address.get())
                : account.or(() -> address);
    }

    /** A successful sign-in forgets this client's failures for this name (not those of the address as a whole). */
    void recordSuccess(String client, String username) {
        jdbc.sql("delete from access.sign_in_throttle where key = ?")
                .param(accountKey(username, client))
                .update();
    }

    /** Until when some client is held back from this user name, for the operators' list. */
    Optional<Instant> heldBackUntil(String username) {
        return jdbc.sql("""
                        select max(blocked_until) as until from access.sign_in_throttle
                         where key like ? and blocked_until > ?""")
                .params(accountPrefix(username) + "%", OperatorStore.ts(clock.instant()))
                .query((rs, n) -> Optional.ofNullable(OperatorStore.instant(rs, "until")))
                .single();
    }

    /** An admin lets every client try this user name again. */
    void release(String username) {
        jdbc.sql("delete from access.sign_in_throttle where key like ?")
                .param(accountPrefix(username) + "%")
                .update();
    }

    private Optional<Instant> count(String key, int limit, Instant now) {
        return jdbc.sql("""
                        insert into access.sign_in_throttle as t (key, failures, window_started_at, blocked_until)
                        values (:key, 1, :now, case when 1 >= :limit then cast(:blockEnd as timestamptz) end)
                        on conflict (key) do update set
                            failures = case when t.window_started_at < :windowStart then 1 else t.failures + 1 end,
                            window_started_at = case when t.window_started_at < :windowStart
                                                     then :now else t.window_started_at end,
                            blocked_until = case
                                when (case when t.window_started_at < :windowStart then 1 else t.failures + 1 end)
                                     >= :limit then cast(:blockEnd as timestamptz)
                                else t.blocked_until end
                        returning blocked_until""")
                .param("key", key)
                .param("now", OperatorStore.ts(now))
                .param("limit", limit)
                .param("blockEnd", OperatorStore.ts(now.plus(BLOCK)))
                .param("windowStart", OperatorStore.ts(now.minus(WINDOW)))
                .query((rs, n) -> Optional.ofNullable(OperatorStore.instant(rs, "blocked_until")))
                .single()
                .filter(until -> until.isAfter(now));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }

    private static String accountKey(String username, String client) {
        return accountPrefix(username) + client;
    }

    private static String accountPrefix(String username) {
        var name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return "account:" + Secrets.digest(name) + ":";
    }
}
