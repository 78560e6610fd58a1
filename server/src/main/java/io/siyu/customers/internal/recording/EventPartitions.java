package io.siyu.customers.internal.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the monthly partitions of the event table as events of a new month arrive.
 *
 * <p>Partitions are created in their own short transaction before the events that need them are written: creating a
 * partition locks the whole table briefly, and doing it inside a long batch would hold that lock, and block timeline
 * reads, for the whole batch. Months are in UTC so that partition bounds never move with a time zone setting.
 */
@Component
class EventPartitions {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    EventPartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void ensureFor(Collection<Instant> occurrences) {
        var missing = new TreeSet<YearMonth>();
        for (var at : occurrences) {
            var month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
            if (!known.contains(month)) {
                missing.add(month);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            for (var month : missing) {
                LocalDate from = month.atDay(1);
                LocalDate to = month.plusMonths(1).atDay(1);
                jdbc.execute("create table if not exists customers.event_" + month.format(SUFFIX)
                        + " partition of customers.event for values from ('" + from + " 00:00:00+00') to ('" + to
                        + " 00:00:00+00')");
            }
        });
        known.addAll(missing);
    }

    /** Forgets what is known, for when partitions were dropped behind this process's back (tests, restores). */
    void forget() {
        known.clear();
    }
}
