package io.siyu.loyalty;

import io.siyu.customers.CustomerId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The loyalty module's points ledger, for other modules (journeys' "grant points", offers' exchanges). */
public interface Points {

    /**
     * One line of a customer's ledger: what changed their points, by how much, and the balance after it; {@code
     * customerId} is the customer's id as the API gives it.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PointsLine")
    record Line(
            long id,
            long customerId,
            String kind,
            long points,
            long balanceAfter,
            String reason,
            String idempotencyKey,
            @Nullable Instant expiresAt,
            Instant at) {}

    /**
     * Grants points that expire at {@code expiresAt} (never, when null). A second call with the same idempotency key
     * grants nothing more and answers the first line.
     */
    Line grant(CustomerId customer, long points, String reason, @Nullable Instant expiresAt, String idempotencyKey);

    /**
     * Spends points, soonest-expiring first. Throws {@link NotEnoughPoints} when the customer has fewer, changing
     * nothing; a second call with the same idempotency key spends nothing more and answers the first line.
     */
    Line redeem(CustomerId customer, long points, String reason, String idempotencyKey);

    /** The customer's balance now: their lots not yet expired. */
    long balance(CustomerId customer);

    /** The customer's newest lines, at most {@code limit}. */
    List<Line> ledger(CustomerId customer, int limit);

    /** A redemption asked for more points than the customer has. */
    final class NotEnoughPoints extends RuntimeException {
        public final long balance;

        public NotEnoughPoints(long balance, long wanted) {
            super(
                    "the customer has " + balance + " points, fewer than the " + wanted + " asked for",
                    null,
                    false,
                    false);
            this.balance = balance;
        }
    }

    /** An idempotency key already used for a different change. */
    final class KeyReused extends RuntimeException {
        public KeyReused(String key) {
            super("the idempotency key " + key + " was used for a different change", null, false, false);
        }
    }
}
