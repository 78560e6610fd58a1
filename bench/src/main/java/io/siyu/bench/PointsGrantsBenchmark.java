package io.siyu.bench;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Points grants per second with the ledger consistent: {@code customers} wait at a short wait of a published journey
 * whose next node grants each 10 points ({@code grant_points}), all due at one moment; the journey worker moves them on
 * 500 per transaction, each grant a ledger line under the step's idempotency key, a lot and the balance's guarded
 * increment. Grants per second is the customers over the time from the moment they fell due to the last run's end;
 * then the ledger is checked: one line per customer, every balance 10, and lines, lots and balances agreeing in sum.
 * Compared with issue 13's target of 5,000 grants per second.
 */
public final class PointsGrantsBenchmark {

    static final long POINTS = 10;

    public static void main(String[] args) throws Exception {
        var customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var dir = Bench.fresh("points-grants");
        try (var server = new BenchServer(dir, 18093, 15445, Map.of())) {
            server.start();
            var journey = Api.publishJourney(server, "points bench", """
                    {"trigger":{"type":"api"},"reentry":{"mode":"always"},"first":"w1","nodes":[
                      {"id":"w1","type":"wait","duration":"PT0.001S","next":"gift"},
                      {"id":"gift","type":"action","action":"grant_points","config":{"points":%d,"reason":"bench"},
                       "next":null}]}""".formatted(POINTS));
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                var due = Instant.now().plusSeconds(5);
                WaitingRuns.enter(db, journey, customers, due);
                var finished = WaitingRuns.awaitCompleted(db, journey, customers, due);
                var seconds = (finished.toEpochMilli() - due.toEpochMilli()) / 1000.0;
                var rate = customers / seconds;
                long lines;
                long linePoints;
                long balances;
                long lots;
                long wrong;
                try (var check = db.createStatement().executeQuery("""
                        select (select count(*) from loyalty.points_line),
                               (select coalesce(sum(points), 0) from loyalty.points_line),
                               (select coalesce(sum(balance), 0) from loyalty.points_account),
                               (select coalesce(sum(remaining), 0) from loyalty.points_lot),
                               (select count(*) from loyalty.points_account where balance <> %d)""".formatted(POINTS))) {
                    check.next();
                    lines = check.getLong(1);
                    linePoints = check.getLong(2);
                    balances = check.getLong(3);
                    lots = check.getLong(4);
                    wrong = check.getLong(5);
                }
                Bench.report(
                        "points-grants",
                        String.format(
                                Locale.ROOT,
                                """
                                Measured %s with `bench/run points-grants %d`: %,d customers wait at a 0.001 s wait of a
                                published journey whose next node grants each %d points (`grant_points`), all due at one
                                moment; the journey worker moves them on 500 per transaction, each grant a ledger line under
                                the step's idempotency key, a lot, and the balance's guarded increment.

                                | figure | measured | target (issue 13) |
                                |---|---:|---:|
                                | grants | %,d | |
                                | seconds from due to the last grant | %.1f | |
                                | grants per second | **%,.0f** | ≥ 5,000 |
                                | ledger lines (points in all) | %,d (%,d) | one per customer |
                                | balances in all / lots unspent in all | %,d / %,d | equal to the lines |
                                | customers whose balance is not %d | %,d | 0 |
                                """,
                                Bench.machine(),
                                customers,
                                customers,
                                POINTS,
                                customers,
                                seconds,
                                rate,
                                lines,
                                linePoints,
                                balances,
                                lots,
                                POINTS,
                                wrong));
            }
        }
    }
}
