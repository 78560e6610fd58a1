package io.siyu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * A broadcast through the e-mail channel: {@code customers} customers, each with an e-mail address and e-mail consent,
 * form a segment; a journey with a schedule trigger sends them a marketing e-mail at one moment. The server sends over
 * SMTP into a local sink that counts messages and the messages each recipient got. Messages per second is the messages
 * over the time from the firing to the last message the sink accepted.
 */
public final class BroadcastBenchmark {

    /** The bench server's settings for the broadcast: SMTP into the sink, and no quiet hours to hold the messages. */
    static Map<String, String> environment(SmtpSink sink) {
        return Map.of(
                "SIYU_SMTP_HOST", "127.0.0.1",
                "SIYU_SMTP_PORT", Integer.toString(sink.port()),
                "SIYU_SMTP_STARTTLS", "false",
                "SIYU_EMAIL_FROM", "Bench Shop <news@shop.example>",
                "SIYU_QUIET_HOURS", "off");
    }

    public static void main(String[] args) throws Exception {
        var customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        var dir = Bench.fresh("broadcast");
        try (var sink = new SmtpSink();
                var server = new BenchServer(dir, 18090, 15442, environment(sink))) {
            server.jvm.add("-Xmx4g");
            var started = System.nanoTime();
            var segment = Broadcasts.setUp(server, customers);
            var loadSeconds = (System.nanoTime() - started) / 1e9;
            var template = Broadcasts.template(server);
            var firing = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
            var journey = Broadcasts.publish(server, segment, template, "bench broadcast", firing);
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                Broadcasts.awaitSent(db, journey, sink, customers, Duration.ofMinutes(30));
                var ledger = Broadcasts.ledger(db, journey);
                var entering = Broadcasts.enteringSeconds(db, journey);
                var seconds = Math.max(0.001, (sink.lastAt() - Broadcasts.nanosAt(firing)) / 1e9);
                var firstToLast = (sink.lastAt() - sink.firstAt()) / 1e9;
                var duplicates = sink.duplicates();
                var missed = customers - sink.recipients();
                Bench.report(
                        "broadcast",
                        String.format(
                                Locale.ROOT,
                                """
                Measured %s with `bench/run broadcast %d`: %,d customers, each with an e-mail address and e-mail
                consent (loaded straight into PostgreSQL and read by the audience index, %.0f s with two restarts), are the
                members of a segment; a published journey with a `schedule` trigger fires at one moment, enters the
                segment's members 1,000 per transaction, and its first node sends a **marketing** e-mail template (HTML
                and text, a tracked link, the unsubscribe headers). The server runs with `SIYU_QUIET_HOURS=off`, so the
                quiet hours hold none of it; consent and the contact budget are checked as for any marketing message.
                E-mail goes over SMTP (6 dispatchers, 200 messages per connection) into a local SMTP sink in the
                benchmark that counts messages and recipients.

                | figure | measured | target (issue 12) |
                |---|---:|---:|
                | customers in the segment | %,d | 1,000,000 |
                | entering them all into the journey | %.1f s | |
                | messages the SMTP sink accepted | %,d | |
                | seconds from the firing to the last message | %.1f | |
                | messages per second, firing to last message | **%,.0f** | ≥ 1,000 |
                | messages per second, first to last message | %,.0f | |
                | customers who got it | %,d | every one |
                | customers who got none | %,d | 0 |
                | customers who got it more than once (extra messages) | %,d (%,d) | 0 |
                | ledger | %s | |
                """,
                                Bench.machine(),
                                customers,
                                customers,
                                loadSeconds,
                                customers,
                                entering,
                                sink.messages(),
                                seconds,
                                sink.messages() / seconds,
                                sink.messages() / Math.max(0.001, firstToLast),
                                sink.recipients(),
                                missed,
                                duplicates[0],
                                duplicates[1],
                                ledger));
            }
        }
    }

    /** Customers, their segment, the template and the journey of a broadcast; shared with the crash benchmark. */
    static final class Broadcasts {

        private Broadcasts() {}

        /**
         * Starts the server on a store of {@code customers} customers and answers the id of their segment. The customers
         * are loaded straight into PostgreSQL; at the next start the audience index reads them and, finding no saved
         * lifecycle stages, places every one of them in a stage and announces it, one event per customer, a flood that
         * keeps the database connections busy for a while (and leaves the announcements that found no connection in
         * time to be resubmitted at the next start). That start is left to settle, the announcements it could not
         * handle are dropped, and the server is started once more, so that the measurement begins as after any
         * ordinary restart.
         */
        static long setUp(BenchServer server, int customers) throws Exception {
            server.start();
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                loadCustomers(db, customers);
            }
            System.out.printf("%,d customers loaded%n", customers);
            server.close();
            server.start();
            var segment = segment(server, customers);
            awaitQuiet(server);
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                // the announcements of the bulk load that found no database connection in time; no journey of the
                // bench enters on a stage, and resubmitting them one by one would hold up the next start for minutes
                var dropped = db.createStatement()
                        .executeUpdate("delete from event_publication where completion_date is null"
                                + " and event_type like '%CustomerChangedStage'");
                System.out.printf("%,d stage announcements of the bulk load left unhandled, dropped%n", dropped);
            }
            server.close();
            server.start();
            segment(server, customers);
            return segment;
        }

        /** Waits until no database connection but this one is busy for ten seconds in a row (at most ten minutes). */
        static void awaitQuiet(BenchServer server) throws Exception {
            try (var db = DriverManager.getConnection(server.jdbcUrl())) {
                var deadline = Instant.now().plus(Duration.ofMinutes(10));
                var quiet = 0;
                while (quiet < 10 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1000);
                    try (var row = db.createStatement().executeQuery("""
                            select count(*) from pg_stat_activity
                             where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'""")) {
                        row.next();
                        quiet = row.getLong(1) == 0 ? quiet + 1 : 0;
                    }
                }
            }
            System.out.println("the first start has settled");
        }

        /** The bench's segment if it was created before, from the database. */
        private static Long existingSegment(BenchServer server) throws Exception {
            try (var db = DriverManager.getConnection(server.jdbcUrl());
                    var row = db.createStatement()
                            .executeQuery("select max(id) from audience.segment where name = 'Bench customers'")) {
                row.next();
                var id = row.getLong(1);
                return row.wasNull() ? null : id;
            }
        }

        /**
         * Customers 1..n with a trait the segment selects, a user id, an e-mail address ({@code c<n>@bench.example}, kept
         * in the lookup column as an address imported in the clear would be) and e-mail consent granted.
         */
        static void loadCustomers(Connection db, int customers) throws Exception {
            var chunk = 100_000;
            try (var sql = db.createStatement()) {
                for (int from = 1; from <= customers; from += chunk) {
                    var to = Math.min(customers, from + chunk - 1);
                    sql.execute("""
                            insert into customers.customer (id, created_at, updated_at, traits, trait_times, channel,
                                   channel_rank, channel_at, first_seen_at, last_seen_at, consents)
                            select g, now() - interval '100 days', now(),
                                   jsonb_build_object('first_name', 'Kunde' || g, 'bench', 'yes'), '{}', 'web', 1,
                                   now() - interval '100 days', now() - interval '100 days', now(),
                                   jsonb_build_object('email', jsonb_build_object('granted', true,
                                       'at', '2026-01-01T00:00:00Z', 'messageId', 'bench-consent-' || g))
                              from generate_series(%1$d, %2$d) g;
                            insert into customers.identity (type, lookup_key, customer_id, display_value, first_seen_at)
                            select 'user_id', 'bench-' || g, g, 'bench-' || g, now() - interval '100 days'
                              from generate_series(%1$d, %2$d) g;
                            insert into customers.identity (type, lookup_key, customer_id, display_value, first_seen_at)
                            select 'email', 'c' || g || '@bench.example', g, 'c***@bench.example',
                                   now() - interval '100 days'
                              from generate_series(%1$d, %2$d) g""".formatted(from, to));
                }
                sql.execute("select setval('customers.customer_id_seq', %d)".formatted(customers));
                sql.execute("vacuum analyze customers.customer");
                sql.execute("vacuum analyze customers.identity");
            }
        }

        /** The segment of the bench's customers, once the audience index counts all of them. */
        static long segment(BenchServer server, int customers) throws Exception {
            var definition = """
                    {"version":1,"condition":{"type":"trait","trait":"bench","operator":"equals","value":"yes"}}""";
            var deadline = Instant.now().plus(Duration.ofMinutes(5));
            Long id = existingSegment(server);
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (id == null) {
                        id = Api.id(Api.post(
                                server,
                                "/api/v1/segments",
                                "{\"name\":\"Bench customers\",\"definition\":" + definition + "}",
                                201));
                    }
                    var body = Api.post(server, "/api/v1/segments/count", "{\"definition\":" + definition + "}", 200);
                    if (Long.parseLong(body.replaceAll("(?s).*?\"count\":(\\d+).*", "$1")) >= customers) {
                        return id;
                    }
                } catch (IllegalStateException notReady) {
                    // the index is still being built (503)
                    System.out.println(notReady.getMessage());
                }
                Thread.sleep(1000);
            }
            throw new IllegalStateException("the audience index did not count the bench's customers in 5 minutes");
        }

        static String template(BenchServer server) throws Exception {
            Api.post(server, "/api/v1/message-templates", """
                    {"key":"bench-news","name":"Bench news","channel":"email","purpose":"marketing",
                     "subject":"Our winter sale, {{customer.first_name}}",
                     "text":"Hi {{customer.first_name}}, our winter sale starts today: https://shop.example.com/sale",
                     "html":"<p>Hi {{customer.first_name}},</p><p>our <a href=\\"https://shop.example.com/sale\\">winter sale</a> starts today.</p>"}""", 201);
            return "bench-news";
        }

        /** A journey that sends the template to the segment's members at {@code firing}; answers its id. */
        static long publish(BenchServer server, long segment, String template, String name, Instant firing)
                throws Exception {
            return Api.publishJourney(server, name, """
                    {"trigger":{"type":"schedule","segment":%d,"at":"%s"},"first":"send","nodes":[
                     {"id":"send","type":"action","action":"send_message","config":{"template":"%s"},"next":null}]}""".formatted(segment, firing, template));
        }

        /** The nanosecond clock reading of an instant (for comparing with the sink's readings). */
        static long nanosAt(Instant instant) {
            return System.nanoTime() - Duration.between(instant, Instant.now()).toNanos();
        }

        /**
         * Waits until the broadcast has entered everyone and the journey's ledger has nothing left to send, printing
         * progress every ten seconds.
         */
        static void awaitSent(Connection db, long journey, SmtpSink sink, long customers, Duration timeout)
                throws Exception {
            var deadline = Instant.now().plus(timeout);
            var printed = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                long open;
                long queued;
                try (var row = db.createStatement().executeQuery("""
                        select (select count(*) from journeys.broadcast where journey_id = %1$d and finished_at is null)
                             + (select count(*) from platform.scheduled_tasks
                                 where task_name = 'journeys-broadcast' and task_instance = 'journey-%1$d'),
                               (select count(*) from messaging.send where origin = 'journey:%1$d'
                                                                      and state in ('queued', 'sending'))""".formatted(journey))) {
                    row.next();
                    open = row.getLong(1);
                    queued = row.getLong(2);
                }
                if (Instant.now().isAfter(printed.plusSeconds(10))) {
                    printed = Instant.now();
                    System.out.printf(
                            Locale.ROOT,
                            "%s sink %,d of %,d, ledger queued or sending %,d, broadcast open %d%n",
                            printed,
                            sink.messages(),
                            customers,
                            queued,
                            open);
                }
                if (open == 0 && queued == 0) {
                    return;
                }
            }
            throw new IllegalStateException("the broadcast did not finish in " + timeout);
        }

        /** The journey's ledger rows by state, e.g. {@code sent 1,000,000}. */
        static String ledger(Connection db, long journey) throws Exception {
            var states = new StringBuilder();
            try (var rows = db.createStatement()
                    .executeQuery("select state, count(*) from messaging.send where origin = 'journey:" + journey
                            + "' group by state order by state")) {
                while (rows.next()) {
                    states.append(states.isEmpty() ? "" : ", ")
                            .append(rows.getString(1))
                            .append(String.format(Locale.ROOT, " %,d", rows.getLong(2)));
                }
            }
            return states.toString();
        }

        /** Seconds from the firing's start to its end (entering every member). */
        static double enteringSeconds(Connection db, long journey) throws Exception {
            try (var row = db.createStatement()
                    .executeQuery(
                            "select extract(epoch from max(finished_at) - min(started_at)) from journeys.broadcast"
                                    + " where journey_id = " + journey)) {
                row.next();
                return row.getDouble(1);
            }
        }
    }
}
