package io.siyu.audience.internal.activity;

import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.index.Touched;
import io.siyu.audience.internal.index.TraitColumn;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Puts activity into the index's columns: the stored rows when an index is built or customers are caught up, a
 * batch's deltas as it is applied. Days within {@code siyu.audience.retention-days} are kept per day, older ones count
 * for all time only; sums, minimums and maximums are kept in hundredths.
 */
@Component
public class ActivityLoader {

    private final ActivityStore store;
    private final AudienceProperties properties;
    private final CurrentIndex current;
    private final AtomicBoolean purchasesAdded = new AtomicBoolean();

    ActivityLoader(ActivityStore store, AudienceProperties properties, CurrentIndex current) {
        this.store = store;
        this.properties = properties;
        this.current = current;
    }

    /** The first day whose behaviour the index keeps per day; older days count for all time only. */
    public int firstKept() {
        return (int) current.today().minusDays(properties.retentionDays() - 1L).toEpochDay();
    }

    /** Creates a column in an index being built for every key stored, read again from PostgreSQL. */
    public void prepareColumns(AudienceIndex building) {
        store.loadKeys();
        for (var keyId : store.keyIds()) {
            building.activityToChange(keyId, store.key(keyId).isMeasured());
        }
    }

    /**
     * Loads one part of the activity rows (by key) straight into an index being built, whose columns exist already;
     * measures are read only for measured keys.
     */
    public void loadPart(AudienceIndex building, int parts, int part) {
        var firstKept = firstKept();
        // by position: customer_id, key_id, day, count, sum, min, max
        store.forEachPart(parts, part, rs -> {
            var keyId = rs.getInt(2);
            var column = building.activity(keyId); // only read while the parts load
            if (column == null) {
                return; // a key created after the build started; its rows arrive through the event flow
            }
            var ordinal = AudienceIndex.ordinal(rs.getLong(1));
            var day = rs.getInt(3);
            var count = rs.getLong(4);
            long sum = 0;
            long min = 0;
            long max = 0;
            if (column.measured()) {
                sum = hundredths(rs.getBigDecimal(5));
                min = hundredths(rs.getBigDecimal(6));
                max = hundredths(rs.getBigDecimal(7));
            }
            column.load(ordinal, day >= firstKept ? day : null, count, sum, min, max);
        });
    }

    /**
     * Adds a batch's deltas of live customers, except those of {@code reloaded} customers (whose stored rows replace
     * what the index holds), noting in {@code touched} the events they bring. Callers hold the write lock.
     */
    public void add(AudienceIndex index, List<ActivityStore.Delta> deltas, Set<Long> reloaded, Touched touched) {
        var firstKept = firstKept();
        for (var delta : deltas) {
            if (reloaded.contains(delta.customerId())) {
                continue;
            }
            var ordinal = AudienceIndex.ordinal(delta.customerId());
            if (!index.isLive(ordinal)) {
                continue;
            }
            var key = store.key(delta.keyId());
            if (key.event().equals(ActivityKey.PURCHASE)) {
                purchasesAdded.set(true);
            }
            touched.changed(Touched.Input.EVENT, key.event());
            var column = index.activityToChange(delta.keyId(), key.isMeasured());
            var sum = hundredths(delta.sum());
            if (delta.day() >= firstKept) {
                column.add(ordinal, delta.day(), delta.count(), sum, hundredths(delta.min()), hundredths(delta.max()));
            } else {
                column.addEver(ordinal, delta.count(), sum, hundredths(delta.min()), hundredths(delta.max()));
            }
        }
    }

    /** Whether purchases were added since this was last asked: RFM is then scored again. */
    public boolean takePurchasesAdded() {
        return purchasesAdded.getAndSet(false);
    }

    /** The stored activity rows of customers, by customer, to {@link #replace} theirs in the index with. */
    public Map<Long, List<ActivityStore.ActivityRow>> stored(Collection<Long> customerIds) {
        return store.rowsOf(customerIds);
    }

    /**
     * Sets a customer's activity in the index to their stored rows (rows only ever grow, so every row the index holds
     * is among them); all-time figures are summed from them. {@code firstKept} is {@link #firstKept}, read once for
     * every customer set together. Callers hold the write lock.
     */
    public void replace(AudienceIndex index, int ordinal, List<ActivityStore.ActivityRow> rows, int firstKept) {
        var ever = new HashMap<Integer, long[]>(); // key -> count, sum, min, max
        for (var row : rows) {
            var column =
                    index.activityToChange(row.keyId(), store.key(row.keyId()).isMeasured());
            var sum = hundredths(row.sum());
            var min = hundredths(row.min());
            var max = hundredths(row.max());
            if (row.day() >= firstKept) {
                column.replace(ordinal, row.day(), row.count(), sum, min, max);
            }
            ever.merge(row.keyId(), new long[] {row.count(), sum, min, max}, (a, b) ->
                    new long[] {a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])});
        }
        ever.forEach((keyId, figures) ->
                index.activity(keyId).replace(ordinal, null, figures[0], figures[1], figures[2], figures[3]));
    }

    static long hundredths(BigDecimal value) {
        return value == null ? 0 : TraitColumn.hundredths(value);
    }
}
