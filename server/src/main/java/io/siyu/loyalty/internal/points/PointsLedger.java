package io.siyu.loyalty.internal.points;

import io.siyu.customers.CustomerId;
import io.siyu.loyalty.Points;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger ({@link Points}) in PostgreSQL. Every change of a customer's points takes their account row's lock
 * first, so one customer's changes happen one after another however many arrive at once; expires what fell due for
 * them; writes its line under its idempotency key (a second change with the key finds the first line and changes
 * nothing); and moves the balance by a statement that cannot take it below zero. A redemption takes its points from
 * the lots soonest to expire, and notes which.
 */
@Component
class PointsLedger implements Points {

    private static final String LINE_COLUMNS =
            "id, customer_id, kind, points, balance_after, reason, idempotency_key, expires_at, at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PointsLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Line grant(
            CustomerId customer, long points, String reason, @Nullable Instant expiresAt, String idempotencyKey) {
        return grant(customer, points, reason, expiresAt, idempotencyKey, null);
    }

    /**
     * A grant whose line is dated {@code happened} (when what earned it happened, such as an order's completion) rather
     * than now; the balance and expiry are still those of now.
     */
    @Transactional
    public Line grant(
            CustomerId customer,
            long points,
            String reason,
            @Nullable Instant expiresAt,
            String idempotencyKey,
            @Nullable Instant happened) {
        if (points <= 0) {
            throw new IllegalArgumentException("a grant is of at least one point");
        }
        var now = clock.instant();
        lock(customer, now);
        var earlier = byKey(idempotencyKey);
        if (earlier != null) {
            return same(earlier, customer, "grant", points, idempotencyKey);
        }
        expireDue(customer.value(), now);
        var balance = move(customer, points, now);
        var line = insertLine(
                customer,
                "grant",
                points,
                balance,
                reason,
                idempotencyKey,
                expiresAt,
                happened == null ? now : happened);
        jdbc.update(
                """
                insert into loyalty.points_lot (customer_id, line_id, granted, remaining, expires_at)
                values (?, ?, ?, ?, ?)""", customer.value(), line.id(), points, points, expiresAt == null ? null : Timestamps.of(expiresAt));
        return line;
    }

    @Override
    @Transactional
    public Line redeem(CustomerId customer, long points, String reason, String idempotencyKey) {
        if (points <= 0) {
            throw new IllegalArgumentException("a redemption is of at least one point");
        }
        var now = clock.instant();
        lock(customer, now);
        var earlier = byKey(idempotencyKey);
        if (earlier != null) {
            return same(earlier, customer, "redeem", -points, idempotencyKey);
        }
        expireDue(customer.value(), now);
        var balance = move(customer, -points, now);
        var line = insertLine(customer, "redeem", -points, balance, reason, idempotencyKey, null, now);
        spend(customer.value(), line.id(), points, now);
        return line;
    }

    @Override
    public long balance(CustomerId customer) {
        // the lots not yet expired, whether or not their expiry has been written down yet
        var balance = jdbc.queryForObject("""
                select coalesce(sum(remaining), 0) from loyalty.points_lot
                 where customer_id = ? and remaining > 0 and (expires_at is null or expires_at > ?)""", Long.class, customer.value(), Timestamps.of(clock.instant()));
        return balance == null ? 0 : balance;
    }

    @Override
    public List<Line> ledger(CustomerId customer, int limit) {
        return jdbc.query(
                "select " + LINE_COLUMNS + " from loyalty.points_line where customer_id = ? order by id desc limit ?",
                PointsLedger::line,
                customer.value(),
                limit);
    }

    /**
     * Writes down the expiry of every lot that fell due by {@code now} with points left, for customers with one, up to
     * {@code customers} of them; answers how many customers it expired points of.
     */
    @Transactional
    public int expireDue(Instant now, int customers) {
        var due = jdbc.queryForList("""
                select distinct customer_id from loyalty.points_lot
                 where remaining > 0 and expires_at is not null and expires_at <= ? limit ?""", Long.class, Timestamps.of(now), customers);
        for (var customer : due) {
            lock(CustomerId.of(customer), now);
            expireDue(customer, now);
        }
        return due.size();
    }

    /**
     * Moves the absorbed profile's unspent points to the survivor: a {@code merge} line on each side, and the lots with
     * their own expiry. Both accounts are locked in the order of their ids; a merge heard again moves nothing.
     */
    @Transactional
    public void merge(CustomerId absorbed, CustomerId survivor, Instant now) {
        var first = Math.min(absorbed.value(), survivor.value());
        var second = Math.max(absorbed.value(), survivor.value());
        lock(CustomerId.of(first), now);
        lock(CustomerId.of(second), now);
        var key = "merge:" + absorbed.value() + ":into:" + survivor.value();
        if (byKey(key) != null) {
            return;
        }
        expireDue(absorbed.value(), now);
        expireDue(survivor.value(), now);
        long moving = jdbc.queryForObject(
                "select balance from loyalty.points_account where customer_id = ?", Long.class, absorbed.value());
        if (moving == 0) {
            return;
        }
        jdbc.update(
                "update loyalty.points_lot set customer_id = ? where customer_id = ? and remaining > 0",
                survivor.value(),
                absorbed.value());
        var left = move(absorbed, -moving, now);
        insertLine(
                absorbed, "merge", -moving, left, "merged into customer " + survivor.value(), key + ":out", null, now);
        var balance = move(survivor, moving, now);
        insertLine(survivor, "merge", moving, balance, "merged from customer " + absorbed.value(), key, null, now);
    }

    /**
     * Takes back up to {@code wanted} points (a refund's share of what an order earned), soonest-expiring first: as many
     * as the customer still has, since points already spent are not recovered; the line says how many could not be.
     * A second call with the same key takes nothing more.
     */
    @Transactional
    public Line takeBack(CustomerId customer, long wanted, String reason, String idempotencyKey) {
        var now = clock.instant();
        lock(customer, now);
        var earlier = byKey(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        expireDue(customer.value(), now);
        // the account row exists: lock() made it
        long balance = jdbc.queryForObject(
                "select balance from loyalty.points_account where customer_id = ?", Long.class, customer.value());
        var taken = Math.min(wanted, balance);
        var after = taken == 0 ? balance : move(customer, -taken, now);
        var said = taken == wanted ? reason : reason + " (" + (wanted - taken) + " already spent, not taken back)";
        var line = insertLine(customer, "reverse", -taken, after, said, idempotencyKey, null, now);
        if (taken > 0) {
            spend(customer.value(), line.id(), taken, now);
        }
        return line;
    }

    /** Takes the customer's account row's lock, making the row first when they have none. */
    private void lock(CustomerId customer, Instant now) {
        jdbc.update("""
                insert into loyalty.points_account (customer_id, balance, updated_at) values (?, 0, ?)
                on conflict (customer_id) do nothing""", customer.value(), Timestamps.of(now));
        jdbc.queryForObject(
                "select balance from loyalty.points_account where customer_id = ? for update",
                Long.class,
                customer.value());
    }

    /** Moves the balance by {@code delta}; answers the new one, or throws when it would go below zero. */
    private long move(CustomerId customer, long delta, Instant now) {
        var moved = jdbc.query("""
                update loyalty.points_account set balance = balance + ?, updated_at = ?
                 where customer_id = ? and balance + ? >= 0 returning balance""", (rs, row) -> rs.getLong(1), delta, Timestamps.of(now), customer.value(), delta);
        if (moved.isEmpty()) {
            var balance = jdbc.queryForObject(
                    "select balance from loyalty.points_account where customer_id = ?", Long.class, customer.value());
            throw new NotEnoughPoints(balance == null ? 0 : balance, -delta);
        }
        return moved.getFirst();
    }

    /** Writes an expiry line for each of the customer's lots that fell due with points left, oldest first. */
    private void expireDue(long customer, Instant now) {
        var lots = jdbc.query(
                """
                select id, remaining from loyalty.points_lot
                 where customer_id = ? and remaining > 0 and expires_at is not null and expires_at <= ?
                 order by expires_at, id""", (rs, row) -> new long[] {rs.getLong("id"), rs.getLong("remaining")}, customer, Timestamps.of(now));
        for (var lot : lots) {
            jdbc.update("update loyalty.points_lot set remaining = 0 where id = ?", lot[0]);
            var balance = move(CustomerId.of(customer), -lot[1], now);
            var line = insertLine(
                    CustomerId.of(customer), "expire", -lot[1], balance, "expired", "expire:lot:" + lot[0], null, now);
            jdbc.update(
                    "insert into loyalty.points_spend (line_id, lot_id, points) values (?, ?, ?)",
                    line.id(),
                    lot[0],
                    lot[1]);
        }
    }

    /** Takes {@code points} from the customer's lots soonest to expire, noting which lots gave how many. */
    private void spend(long customer, long lineId, long points, Instant now) {
        var lots = jdbc.query(
                """
                select id, remaining from loyalty.points_lot
                 where customer_id = ? and remaining > 0 and (expires_at is null or expires_at > ?)
                 order by expires_at nulls last, id""", (rs, row) -> new long[] {rs.getLong("id"), rs.getLong("remaining")}, customer, Timestamps.of(now));
        var left = points;
        for (var lot : lots) {
            if (left == 0) {
                break;
            }
            var taken = Math.min(left, lot[1]);
            jdbc.update("update loyalty.points_lot set remaining = remaining - ? where id = ?", taken, lot[0]);
            jdbc.update(
                    "insert into loyalty.points_spend (line_id, lot_id, points) values (?, ?, ?)",
                    lineId,
                    lot[0],
                    taken);
            left -= taken;
        }
        if (left != 0) {
            // the balance and the lots disagree: never commit that
            throw new IllegalStateException(
                    "customer " + customer + "'s lots hold fewer points than their balance: " + left + " missing");
        }
    }

    private Line insertLine(
            CustomerId customer,
            String kind,
            long points,
            long balanceAfter,
            String reason,
            String idempotencyKey,
            @Nullable Instant expiresAt,
            Instant now) {
        return jdbc.queryForObject(
                """
                insert into loyalty.points_line
                       (customer_id, kind, points, balance_after, reason, idempotency_key, expires_at, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""" + " returning " + LINE_COLUMNS,
                PointsLedger::line,
                customer.value(),
                kind,
                points,
                balanceAfter,
                reason,
                idempotencyKey,
                expiresAt == null ? null : Timestamps.of(expiresAt),
                Timestamps.of(now));
    }

    private @Nullable Line byKey(String idempotencyKey) {
        return jdbc
                .query(
                        "select " + LINE_COLUMNS + " from loyalty.points_line where idempotency_key = ?",
                        PointsLedger::line,
                        idempotencyKey)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** The earlier line of a key, when it was the same change; a key used for another change is refused. */
    private static Line same(Line earlier, CustomerId customer, String kind, long points, String idempotencyKey) {
        if (earlier.customerId() != customer.value() || !earlier.kind().equals(kind) || earlier.points() != points) {
            throw new KeyReused(idempotencyKey);
        }
        return earlier;
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        return new Line(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("kind"),
                rs.getLong("points"),
                rs.getLong("balance_after"),
                rs.getString("reason"),
                rs.getString("idempotency_key"),
                Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "at"));
    }
}
