package io.siyu.messaging.internal.respect;

import io.siyu.customers.CustomerId;
import io.siyu.messaging.Channel;
import io.siyu.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every customer's contact budget, spent exactly however many dispatchers send at once.
 *
 * <p>Claiming rows with {@code SKIP LOCKED} lets two dispatchers hold two messages for one customer at the same time,
 * so counting alone could let both through. Each dispatcher therefore decides its batch's capped messages in one short
 * transaction that first takes a transaction-scoped advisory lock per customer (in a fixed order, so two dispatchers
 * never wait on each other in a circle), then counts what the customer already got, and writes down the messages it
 * lets through ({@code counted_at}) before it commits and sends them. The next dispatcher for that customer waits for
 * the commit and counts them. The lock is held for a few milliseconds, never while a provider is called.
 *
 * <p>A person has one budget: when two profiles merge, the absorbed one's counted messages move to the survivor under
 * both profiles' locks ({@link #move}), and a dispatcher that loaded the absorbed profile before the merge finds, once it
 * holds that profile's lock, that it was merged, and decides again for the survivor.
 */
@Component
public class ContactBudgets {

    /** The advisory locks' first key, so that they meet no other lock of the application ('SyBu'). */
    private static final int LOCK_SPACE = 0x53794275;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ContactBudgets(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A marketing message a dispatcher means to send: its ledger row, the live customer it goes to, its channel. */
    public record Candidate(long sendId, long customerId, Channel channel) {}

    /** Why a candidate may not go now: the cap it would exceed, and when that cap frees for it. */
    public record Refusal(FrequencyCap cap, Instant freesAt) {}

    /**
     * Spends the budgets on the candidates, in the order given, where the caps allow. Answers the candidates that must
     * not be sent now, each with the cap it would exceed; the others are counted and may go.
     */
    public Map<Long, Refusal> spend(List<Candidate> candidates, List<FrequencyCap> caps, Instant now) {
        if (candidates.isEmpty() || caps.isEmpty()) {
            return Map.of();
        }
        var spending = candidates;
        for (int attempt = 1; ; attempt++) {
            var last = attempt == MAX_ATTEMPTS;
            var current = spending;
            var outcome = transactions.execute(status -> spendOnce(current, caps, now, !last));
            if (outcome == null) {
                return Map.of();
            }
            if (outcome.merged().isEmpty()) {
                return outcome.refused();
            }
            // some customers were merged into others since the batch was loaded: their survivors' budgets pay
            spending = current.stream()
                    .map(c -> new Candidate(
                            c.sendId(), outcome.merged().getOrDefault(c.customerId(), c.customerId()), c.channel()))
                    .toList();
        }
    }

    /** How often a batch is tried again when its customers were merged into others meanwhile. */
    private static final int MAX_ATTEMPTS = 3;

    /** What one try did: the candidates refused, or the customers found merged (absorbed to survivor) instead. */
    private record Outcome(Map<Long, Refusal> refused, Map<Long, Long> merged) {}

    private Outcome spendOnce(List<Candidate> candidates, List<FrequencyCap> caps, Instant now, boolean redirect) {
        var customers = candidates.stream()
                .map(Candidate::customerId)
                .distinct()
                .sorted(LOCK_ORDER)
                .toList();
        lock(customers);
        if (redirect) {
            // a merge moves the absorbed profile's budget under both profiles' locks: one that committed before these
            // locks were taken is seen here, and the batch is tried again for the survivors
            var merged = survivors(customers);
            if (!merged.isEmpty()) {
                return new Outcome(Map.of(), merged);
            }
        }
        var longest = caps.stream().mapToInt(FrequencyCap::windowHours).max().orElseThrow();
        var counted = new HashMap<Long, List<ContactBudget.Counted>>();
        var alreadyCounted = new HashSet<Long>();
        counted(customers, now.minusSeconds(longest * 3600L), (customer, sendId, counting) -> {
            counted.computeIfAbsent(customer, c -> new ArrayList<>()).add(counting);
            alreadyCounted.add(sendId);
        });
        var budgets = new HashMap<Long, ContactBudget>();
        var refused = new HashMap<Long, Refusal>();
        var admitted = new ArrayList<Object[]>();
        for (var candidate : candidates) {
            if (alreadyCounted.contains(candidate.sendId())) {
                continue; // let through before, by an attempt that failed in a way that may pass
            }
            var budget = budgets.computeIfAbsent(
                    candidate.customerId(), c -> new ContactBudget(caps, counted.getOrDefault(c, List.of())));
            budget.spend(candidate.channel(), now)
                    .ifPresentOrElse(
                            cap -> refused.put(candidate.sendId(), new Refusal(cap, budget.freesAt(cap, now))),
                            () -> admitted.add(
                                    new Object[] {candidate.customerId(), Timestamps.of(now), candidate.sendId()}));
        }
        jdbc.batchUpdate("update messaging.send set counted_for = ?, counted_at = ? where id = ?", admitted);
        return new Outcome(refused, Map.of());
    }

    /**
     * Moves the absorbed profile's contact budget to the survivor, in the merge's transaction: the messages counted
     * against it count against the survivor's caps from now on (one person, one budget), and the merge is noted for
     * the rest of messaging. Takes both profiles' locks first, so that no dispatcher spends either budget meanwhile.
     * Answers false, and moves nothing, when this merge was noted before (the event heard again).
     */
    public boolean move(CustomerId absorbed, CustomerId survivor, Instant mergedAt) {
        lock(Stream.of(absorbed.value(), survivor.value()).sorted(LOCK_ORDER).toList());
        var noted = jdbc.update("""
                insert into messaging.merged_customer (absorbed, survivor, merged_at) values (?, ?, ?)
                on conflict (absorbed) do nothing""", absorbed.value(), survivor.value(), Timestamps.of(mergedAt));
        if (noted == 0) {
            return false;
        }
        // profiles merged into the absorbed one before now belong to the survivor as well
        jdbc.update(
                "update messaging.merged_customer set survivor = ? where survivor = ?",
                survivor.value(),
                absorbed.value());
        jdbc.update(
                "update messaging.send set counted_for = ? where counted_for = ? and counted_at is not null",
                survivor.value(),
                absorbed.value());
        return true;
    }

    /** The customers among these that were merged into another profile, with the profile they belong to now. */
    public Map<Long, Long> survivors(Collection<Long> customers) {
        var survivors = new HashMap<Long, Long>();
        if (customers.isEmpty()) {
            return survivors;
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select absorbed, survivor from messaging.merged_customer where absorbed = any(?)");
                    statement.setArray(1, connection.createArrayOf("bigint", customers.toArray()));
                    return statement;
                },
                rs -> {
                    survivors.put(rs.getLong("absorbed"), rs.getLong("survivor"));
                });
        return survivors;
    }

    /** Takes the customers' locks in the order given, in one statement: a function scan yields the array in order. */
    private void lock(List<Long> customers) {
        var keys = customers.stream().map(ContactBudgets::lockKey).toArray(Integer[]::new);
        jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement("select pg_advisory_xact_lock(?, k) from unnest(?::int[]) k");
                    statement.setInt(1, LOCK_SPACE);
                    statement.setArray(2, connection.createArrayOf("int", keys));
                    return statement;
                },
                rs -> {});
    }

    /** The order every transaction takes customers' locks in, so that none waits on another in a circle. */
    private static final Comparator<Long> LOCK_ORDER =
            Comparator.comparingInt(ContactBudgets::lockKey).thenComparing(id -> id);

    private interface CountedRow {
        void accept(long customer, long sendId, ContactBudget.Counted counted);
    }

    /** The messages counted against the customers' budgets since {@code since}, unless they never reached them. */
    private void counted(Collection<Long> customers, Instant since, CountedRow row) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            select id, counted_for, channel, counted_at from messaging.send
                             where counted_for = any(?) and counted_at > ? and state in ('queued', 'sending', 'sent')""");
                    statement.setArray(1, connection.createArrayOf("bigint", customers.toArray()));
                    statement.setObject(2, Timestamps.of(since));
                    return statement;
                },
                rs -> {
                    row.accept(
                            rs.getLong("counted_for"),
                            rs.getLong("id"),
                            new ContactBudget.Counted(
                                    Channel.parse("channel", rs.getString("channel")),
                                    Timestamps.read(rs, "counted_at")));
                });
    }

    private static int lockKey(long customer) {
        return Long.hashCode(customer);
    }
}
