package io.siyu.loyalty.internal.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.SiyuIntegrationTest;
import io.siyu.customers.CustomerId;
import io.siyu.loyalty.Points;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The points ledger under the conditions that lose money elsewhere: redemptions racing for one balance, the same grant
 * arriving twice at once, a key reused for another change, lots expiring while others are spent. The balance never
 * goes below zero, every change is a line, and the lines add up to the balance.
 */
@SiyuIntegrationTest
class PointsLedgerTests {

    @Autowired
    PointsLedger points;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PointsLiability liability;

    @Autowired
    io.siyu.SiyuUnderTest siyu;

    private static CustomerId someone() {
        return CustomerId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    /** The sum of the customer's lines, which must be their balance. */
    private long sumOfLines(CustomerId customer) {
        var sum = jdbc.queryForObject(
                "select coalesce(sum(points), 0) from loyalty.points_line where customer_id = ?",
                Long.class,
                customer.value());
        return sum == null ? 0 : sum;
    }

    /** Runs the calls at once from as many threads, released together; answers how many returned normally. */
    private static int atOnce(java.util.List<Callable<?>> calls) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        try (var executor = Executors.newFixedThreadPool(calls.size())) {
            for (var call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var succeeded = 0;
            for (var future : futures) {
                try {
                    future.get();
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof Points.NotEnoughPoints)) {
                        throw e;
                    }
                }
            }
            return succeeded;
        }
    }

    @Test
    void aGrantAndARedemptionAreLinesThatExplainTheBalance() {
        var customer = someone();

        var granted = points.grant(customer, 120, "order A-1 paid", null, key());
        var redeemed = points.redeem(customer, 45, "coupon exchange", key());

        assertThat(granted.kind()).isEqualTo("grant");
        assertThat(granted.balanceAfter()).isEqualTo(120);
        assertThat(redeemed.kind()).isEqualTo("redeem");
        assertThat(redeemed.points()).isEqualTo(-45);
        assertThat(redeemed.balanceAfter()).isEqualTo(75);
        assertThat(points.balance(customer)).isEqualTo(75);
        assertThat(sumOfLines(customer)).isEqualTo(75);
        assertThat(points.ledger(customer, 10))
                .extracting(Points.Line::reason)
                .containsExactly("coupon exchange", "order A-1 paid");
    }

    @Test
    void redemptionsRacingForOneBalanceSpendItExactlyOnceAndNeverBelowZero() throws Exception {
        var customer = someone();
        points.grant(customer, 100, "welcome", null, key());
        var calls = new ArrayList<Callable<?>>();
        for (int i = 0; i < 40; i++) {
            calls.add(() -> points.redeem(customer, 10, "exchange", key()));
        }

        var succeeded = atOnce(calls);

        assertThat(succeeded).isEqualTo(10);
        assertThat(points.balance(customer)).isZero();
        assertThat(sumOfLines(customer)).isZero();
        assertThat(jdbc.queryForObject(
                        "select balance from loyalty.points_account where customer_id = ?",
                        Long.class,
                        customer.value()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from loyalty.points_line where customer_id = ? and kind = 'redeem'",
                        Long.class,
                        customer.value()))
                .isEqualTo(10);
    }

    @Test
    void theSameGrantArrivingTwentyTimesAtOnceGrantsOnce() throws Exception {
        var customer = someone();
        var key = key();
        var calls = new ArrayList<Callable<?>>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> points.grant(customer, 5, "check-in", null, key));
        }

        assertThat(atOnce(calls)).isEqualTo(20);

        assertThat(points.balance(customer)).isEqualTo(5);
        assertThat(points.ledger(customer, 10)).hasSize(1);
    }

    @Test
    void aKeyUsedForAnotherChangeIsRefusedAndARedemptionBeyondTheBalanceChangesNothing() {
        var customer = someone();
        var key = key();
        points.grant(customer, 30, "review", null, key);

        assertThatThrownBy(() -> points.grant(customer, 31, "review", null, key))
                .isInstanceOf(Points.KeyReused.class);
        assertThatThrownBy(() -> points.redeem(customer, 31, "too much", key()))
                .isInstanceOf(Points.NotEnoughPoints.class)
                .hasMessageContaining("30 points");
        assertThat(points.balance(customer)).isEqualTo(30);
        assertThat(points.ledger(customer, 10)).hasSize(1);
    }

    @Test
    void pointsAreSpentSoonestExpiringFirstAndWhatExpiresBecomesALine() {
        var customer = someone();
        var now = Instant.now();
        points.grant(customer, 30, "lot A", now.plus(Duration.ofDays(60)), key());
        points.grant(customer, 50, "lot B", null, key());
        points.grant(customer, 20, "lot C", now.plus(Duration.ofDays(30)), key());

        var redeemed = points.redeem(customer, 40, "exchange", key());

        // C (20, soonest) then A (20 of 30); B, which never expires, last
        var spent = jdbc.queryForList("""
                select l.reason, s.points from loyalty.points_spend s
                  join loyalty.points_lot o on o.id = s.lot_id join loyalty.points_line l on l.id = o.line_id
                 where s.line_id = ? order by o.expires_at""", redeemed.id());
        assertThat(spent)
                .extracting(r -> r.get("reason") + ":" + r.get("points"))
                .containsExactly("lot C:20", "lot A:20");

        // two months on, A's last 10 points have expired
        assertThat(points.expireDue(now.plus(Duration.ofDays(61)), 1_000)).isPositive();

        var expiry = points.ledger(customer, 1).getFirst();
        assertThat(expiry.kind()).isEqualTo("expire");
        assertThat(expiry.points()).isEqualTo(-10);
        assertThat(expiry.balanceAfter()).isEqualTo(50);
        assertThat(sumOfLines(customer)).isEqualTo(50);
        // expiring again finds nothing more
        points.expireDue(now.plus(Duration.ofDays(61)), 1_000);
        assertThat(sumOfLines(customer)).isEqualTo(50);
    }

    @Test
    void aVisitorsPointsMoveToTheAccountTheyMergeIntoWithTheirExpiryAndOnlyOnce() {
        var account = new io.siyu.journeys.internal.JourneyFixtures(siyu).customer();
        var device = "dev-" + UUID.randomUUID();
        var sent = siyu.shop().post("/v1/track", """
                {"anonymousId":"%s","event":"Viewed","properties":{}}""".formatted(device));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        var visitor = CustomerId.of(siyu.customerId("anonymous_id:" + device));
        var survivor = CustomerId.of(account.id());
        var soon = Instant.now().plus(Duration.ofDays(10));
        points.grant(visitor, 40, "first visit", soon, key());
        points.grant(survivor, 25, "sign-up", null, key());

        var identified = siyu.shop().post("/v1/identify", """
                {"userId":"%s","anonymousId":"%s"}""".formatted(account.user(), device));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        siyu.applyQueued();

        assertThat(points.balance(survivor)).isEqualTo(65);
        assertThat(points.balance(visitor)).isZero();
        assertThat(points.ledger(survivor, 1).getFirst()).satisfies(line -> {
            assertThat(line.kind()).isEqualTo("merge");
            assertThat(line.points()).isEqualTo(40);
            assertThat(line.balanceAfter()).isEqualTo(65);
        });
        assertThat(sumOfLines(survivor)).isEqualTo(65);
        assertThat(sumOfLines(visitor)).isZero();
        // heard again, it moves nothing
        points.merge(visitor, survivor, Instant.now());
        assertThat(sumOfLines(survivor)).isEqualTo(65);
        // the visitor's points are spent first, as they expire soonest
        var redeemed = points.redeem(survivor, 30, "exchange", key());
        assertThat(jdbc.queryForObject("""
                        select l.reason from loyalty.points_spend s join loyalty.points_lot o on o.id = s.lot_id
                          join loyalty.points_line l on l.id = o.line_id where s.line_id = ?""", String.class, redeemed.id())).isEqualTo("first visit");
    }

    @Test
    void theLiabilityCountsUnspentPointsByMonthOfExpiryAndInMoney() {
        var before = liability.now();
        var customer = someone();
        var march = Instant.parse("2099-03-15T08:00:00Z");
        points.grant(customer, 300, "lot in March", march, key());
        points.grant(customer, 200, "never expires", null, key());
        points.redeem(customer, 100, "exchange", key());

        var after = liability.now();

        assertThat(after.points() - before.points()).isEqualTo(400);
        assertThat(after.value().subtract(before.value())).isEqualByComparingTo("4.00");
        assertThat(after.currency()).isEqualTo("CNY");
        assertThat(after.months()).anySatisfy(month -> {
            assertThat(month.month()).isEqualTo("2099-03");
            assertThat(month.points()).isEqualTo(200);
        });
    }
}
