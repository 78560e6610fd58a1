package io.siyu.audience.internal.activity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The daily activity table and its key dictionary in PostgreSQL, the truth the in-memory columns are built from.
 *
 * <p>A plain component rather than a {@code @Repository}: JdbcTemplate already turns SQL errors into Spring's data
 * access exceptions, and the translating proxy a repository gets would put a reflective call into every key lookup of
 * the index's hot path.
 */
@org.springframework.stereotype.Component
public class ActivityStore {

    private final JdbcTemplate jdbc;
    private final Map<ActivityKey, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, ActivityKey> keys = new ConcurrentHashMap<>();

    /** Creates keys in a transaction of their own, committed whatever becomes of the batch that needed them. */
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    ActivityStore(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One customer's activity under one key on one day: counts and sums add up, minimums and maximums combine. */
    public record Delta(
            long customerId, int keyId, int day, long count, BigDecimal sum, BigDecimal min, BigDecimal max) {

        Delta plus(Delta other) {
            return new Delta(
                    customerId,
                    keyId,
                    day,
                    count + other.count,
                    sum == null ? other.sum : other.sum == null ? sum : sum.add(other.sum),
                    min == null ? other.min : other.min == null ? min : min.min(other.min),
                    max == null ? other.max : other.max == null ? max : max.max(other.max));
        }
    }

    public Optional<Integer> id(ActivityKey key) {
        return Optional.ofNullable(ids.get(key));
    }

    public ActivityKey key(int id) {
        return keys.get(id);
    }

    /**
     * The ids of keys, creating those never seen. New keys are committed at once, in a transaction of their own: the
     * ids the index and later batches use always exist, even if the batch that first needed them is rolled back.
     */
    Map<ActivityKey, Integer> ensure(Collection<ActivityKey> wanted) {
        var missing =
                wanted.stream().filter(k -> !ids.containsKey(k)).distinct().toList();
        if (!missing.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> {
                for (var key : missing) {
                    jdbc.update("""
                            insert into audience.activity_key (event, property, value, measure) values (?, ?, ?, ?)
                            on conflict do nothing""", key.event(), key.property(), key.value(), key.measure());
                }
            });
            loadKeys();
        }
        return ids;
    }

    void loadKeys() {
        jdbc.query("select * from audience.activity_key", (RowCallbackHandler) rs -> {
            var key = new ActivityKey(
                    rs.getString("event"), rs.getString("property"), rs.getString("value"), rs.getString("measure"));
            ids.put(key, rs.getInt("id"));
            keys.put(rs.getInt("id"), key);
        });
    }

    public void add(Collection<Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        var sorted = new ArrayList<>(deltas);
        sorted.sort(Comparator.comparingLong(Delta::customerId)
                .thenComparingInt(Delta::keyId)
                .thenComparingInt(Delta::day));
        jdbc.batchUpdate(
                """
                insert into audience.activity (customer_id, key_id, day, count, sum, min, max) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (customer_id, key_id, day) do update
                   set count = audience.activity.count + excluded.count,
                       sum = case when excluded.sum is null then audience.activity.sum
                                  else coalesce(audience.activity.sum, 0) + excluded.sum end,
                       min = least(audience.activity.min, excluded.min),
                       max = greatest(audience.activity.max, excluded.max)""",
                sorted.stream()
                        .map(d ->
                                new Object[] {d.customerId(), d.keyId(), d.day(), d.count(), d.sum(), d.min(), d.max()})
                        .toList());
    }

    /** Empties the activity table, for it to be filled again from the stored events (in the caller's transaction). */
    void clear() {
        jdbc.execute("truncate audience.activity");
    }

    /** Moves a merged profile's activity to its survivor. */
    public void merge(long survivor, long absorbed) {
        jdbc.update("""
                insert into audience.activity (customer_id, key_id, day, count, sum, min, max)
                select ?, key_id, day, count, sum, min, max from audience.activity where customer_id = ?
                on conflict (customer_id, key_id, day) do update
                   set count = audience.activity.count + excluded.count,
                       sum = case when excluded.sum is null then audience.activity.sum
                                  else coalesce(audience.activity.sum, 0) + excluded.sum end,
                       min = least(audience.activity.min, excluded.min),
                       max = greatest(audience.activity.max, excluded.max)""", survivor, absorbed);
        jdbc.update("delete from audience.activity where customer_id = ?", absorbed);
    }

    private static final String ROWS = "select customer_id, key_id, day, count, sum, min, max from audience.activity";

    /** The activity rows of several customers, by customer. */
    Map<Long, List<ActivityRow>> rowsOf(Collection<Long> customerIds) {
        var rows = new HashMap<Long, List<ActivityRow>>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(ROWS + " where customer_id = any(?)");
                    statement.setArray(1, connection.createArrayOf("bigint", customerIds.toArray()));
                    return statement;
                },
                (RowCallbackHandler) rs -> rows.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new ActivityRow(
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getLong(4),
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7))));
        return rows;
    }

    /** One activity row of a customer; sums, minimums and maximums are null for keys that measure nothing. */
    public record ActivityRow(int keyId, int day, long count, BigDecimal sum, BigDecimal min, BigDecimal max) {}

    /**
     * Streams every activity row whose key id is {@code part} modulo {@code parts}, in the columns customer_id,
     * key_id, day, count, sum, min, max.
     */
    void forEachPart(int parts, int part, RowCallbackHandler handler) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            ROWS + " where key_id % ? = ?",
                            java.sql.ResultSet.TYPE_FORWARD_ONLY,
                            java.sql.ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(50_000);
                    statement.setInt(1, parts);
                    statement.setInt(2, part);
                    return statement;
                },
                handler);
    }

    public List<Integer> keyIds() {
        return List.copyOf(keys.keySet());
    }
}
