package io.siyu.access.internal.operators;

import io.siyu.shared.Sha256;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock an account's owner out.
 *
 * <p>Attempts are counted under two keys: the client address with the user name, and the client address alone. After
 * {@value #ACCOUNT_LIMIT} failed attempts for one name from one address within {@link #WINDOW}, that address may not
 * try that name again until {@link #BLOCK} after the last failure; after {@value #CLIENT_LIMIT} for any names (password
 * spraying), that address may not try any. Nothing is counted for an account as a whole, so a stranger's guesses never
 * keep its owner out, and unknown user names are counted exactly like existing ones, so the answers do not tell which
 * names exist. An IPv6 client is counted by its /64 network, the block a single subscriber is usually given.
 *
 * <p>An attempt is counted before its password is checked, and committed at once, and one beyond the limit is refused
 * unchecked: a burst of parallel guesses gets no more checks than the limit, however fast it arrives. An attempt
 * refused for its name does not count against the address, and one refused for the address gives the name its attempt
 * back. A successful sign-in gives its attempt back to the address and forgets the failures for that name. The counters live
 * in PostgreSQL, so every node sees the same ones; the user name is kept only as a digest.
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

    /**
     * Counts an attempt of {@code client} to sign in as {@code username}, before its password is checked.
     *
     * @return until when the client is held back, if it may not try now; empty when the attempt may go on
     */
    @Transactional
    public Optional<Instant> admit(String client, String username) {
        var now = clock.instant();
        jdbc.sql("""
                        delete from access.sign_in_throttle
                         where window_started_at < ? and coalesce(blocked_until, '-infinity') < ?""")
                .params(Timestamps.of(now.minus(WINDOW)), Timestamps.of(now))
                .update();
        var account = count(accountKey(username, client), ACCOUNT_LIMIT, now);
        if (account.isPresent()) {
            return account;
        }
        var address = count(clientKey(client), CLIENT_LIMIT, now);
        if (address.isPresent()) {
            giveBack(accountKey(username, client));
        }
        return address;
    }

    /**
     * Records that an admitted attempt failed: a key whose attempts reached its limit holds the client back.
     *
     * @return until when the client is now held back, if a limit was reached
     */
    @Transactional
    public Optional<Instant> failed(String client, String username) {
        var now = clock.instant();
        return later(
                block(accountKey(username, client), ACCOUNT_LIMIT, now), block(clientKey(client), CLIENT_LIMIT, now));
    }

    /** A successful sign-in forgets the failures for this name and gives the address its attempt back. */
    @Transactional
    public void succeeded(String client, String username) {
        jdbc.sql("delete from access.sign_in_throttle where key = ?")
                .param(accountKey(username, client))
                .update();
        giveBack(clientKey(client));
    }

    private void giveBack(String key) {
        jdbc.sql("update access.sign_in_throttle set attempts = greatest(attempts - 1, 0) where key = ?")
                .param(key)
                .update();
    }

    /** Until when some client is held back from this user name, for the operators' list. */
    Optional<Instant> heldBackUntil(String username) {
        return jdbc.sql("""
                        select max(blocked_until) as until from access.sign_in_throttle
                         where key like ? and blocked_until > ?""")
                .params(accountPrefix(username) + "%", Timestamps.of(clock.instant()))
                .query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "until")))
                .single();
    }

    /** An admin lets every client try this user name again. */
    @Transactional
    public void release(String username) {
        jdbc.sql("delete from access.sign_in_throttle where key like ?")
                .param(accountPrefix(username) + "%")
                .update();
    }

    /**
     * Adds an attempt to a key in one statement, starting a new window once the last one is over and no block holds;
     * an attempt beyond the limit blocks the key at once.
     */
    private Optional<Instant> count(String key, int limit, Instant now) {
        return jdbc.sql("""
                        insert into access.sign_in_throttle as t (key, attempts, window_started_at, blocked_until)
                        values (:key, 1, :now, case when 1 > :limit then cast(:blockEnd as timestamptz) end)
                        on conflict (key) do update set
                            attempts = case when t.window_started_at < :windowStart
                                                 and coalesce(t.blocked_until, '-infinity') < :now
                                            then 1 else t.attempts + 1 end,
                            window_started_at = case when t.window_started_at < :windowStart
                                                          and coalesce(t.blocked_until, '-infinity') < :now
                                                     then :now else t.window_started_at end,
                            blocked_until = case
                                when coalesce(t.blocked_until, '-infinity') >= :now then t.blocked_until
                                when t.window_started_at >= :windowStart and t.attempts + 1 > :limit
                                    then cast(:blockEnd as timestamptz)
                                end
                        returning blocked_until""")
                .param("key", key)
                .param("now", Timestamps.of(now))
                .param("limit", limit)
                .param("blockEnd", Timestamps.of(now.plus(BLOCK)))
                .param("windowStart", Timestamps.of(now.minus(WINDOW)))
                .query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "blocked_until")))
                .single()
                .filter(until -> until.isAfter(now));
    }

    private Optional<Instant> block(String key, int limit, Instant now) {
        return jdbc.sql("""
                        update access.sign_in_throttle
                           set blocked_until = greatest(coalesce(blocked_until, '-infinity'), ?)
                         where key = ? and attempts >= ?
                        returning blocked_until""")
                .params(Timestamps.of(now.plus(BLOCK)), key, limit)
                .query((rs, n) -> Timestamps.read(rs, "blocked_until"))
                .optional();
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().isAfter(b.get()) ? a : b;
        }
        return a.or(() -> b);
    }

    /** The address as counted: an IPv6 address by its /64 network. */
    static String clientKey(String client) {
        return "client:" + ClientNetworks.of(client);
    }

    private static String accountKey(String username, String client) {
        return accountPrefix(username) + ClientNetworks.of(client);
    }

    private static String accountPrefix(String username) {
        var name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        // kept as a digest, so that the table names nobody
        return "account:" + Sha256.hex(name) + ":";
    }
}
