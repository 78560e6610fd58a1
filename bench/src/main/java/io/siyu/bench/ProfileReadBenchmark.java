package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Figure: a customer's profile and the first page of their timeline answer within 50 ms at the 99th percentile with
 * 1 million customers and 50 million events stored.
 *
 * <p>The store is filled directly in PostgreSQL (generating 50 million events through the API would take an hour and
 * measure ingestion, not reads): event counts per customer are exponentially distributed with a mean of 50, and one
 * customer has 100,000 events. Then four clients read random profiles and timelines through the operator API.
 */
public final class ProfileReadBenchmark {

    static final int CHUNK = 50_000;

    public static void main(String[] args) throws Exception {
        var customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        var events = args.length > 1 ? Long.parseLong(args[1]) : 50_000_000L;
        var requests = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        var name = "profiles-" + customers + "-" + events;
        var store = Store.named(name);
        try (var server = new BenchServer(store.dir(), 18083, 15435, Map.of())) {
            server.start();
            var loadSeconds = store.loadSeconds(() -> load(server.jdbcUrl(), customers, events));
            if (Store.onlyLoad(args, 3, loadSeconds)) {
                return;
            }
            var stored = count(server.jdbcUrl(), "select count(*) from customers.event");
            var random = new SplittableRandom(42);
            measure(server, "/api/v1/customers/%d", customers, requests / 5, random);
            var detail = measure(server, "/api/v1/customers/%d", customers, requests, random);
            var timeline = measure(server, "/api/v1/customers/%d/events?limit=50", customers, requests, random);
            var whale = measureOne(server, "/api/v1/customers/1/events?limit=50", 500);
            var whaleDetail = measureOne(server, "/api/v1/customers/1", 500);
            Bench.report(
                    "profiles",
                    String.format(
                            Locale.ROOT,
                            """
                    Measured %s with `bench/run profiles %d %d %d`: %,d customers and %,d events stored (loaded in
                    %.0f s directly in PostgreSQL); 4 clients read random customers through the operator API.

                    | request | p50 | p99 | max |
                    |---|---:|---:|---:|
                    | customer profile (identities, traits, facts, event counts, merges) | %.1f ms | **%.1f ms** | %.1f ms |
                    | first timeline page (50 events) with the total | %.1f ms | **%.1f ms** | %.1f ms |
                    | profile of the customer with 100,000 events | %.1f ms | %.1f ms | %.1f ms |
                    | first timeline page of that customer | %.1f ms | %.1f ms | %.1f ms |

                    Target: p99 < 50 ms for both — %s.""",
                            Bench.machine(),
                            customers,
                            events,
                            requests,
                            customers,
                            stored,
                            loadSeconds,
                            ms(detail, 50),
                            ms(detail, 99),
                            detail.getMaxValue() / 1000.0,
                            ms(timeline, 50),
                            ms(timeline, 99),
                            timeline.getMaxValue() / 1000.0,
                            ms(whaleDetail, 50),
                            ms(whaleDetail, 99),
                            whaleDetail.getMaxValue() / 1000.0,
                            ms(whale, 50),
                            ms(whale, 99),
                            whale.getMaxValue() / 1000.0,
                            ms(detail, 99) < 50 && ms(timeline, 99) < 50 ? "met" : "NOT met"));
        }
    }

    static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static Histogram measure(BenchServer server, String path, int customers, int requests, SplittableRandom random)
            throws Exception {
        var histogram = new ConcurrentHistogram(3);
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var remaining = new AtomicLong(requests);
        try (var workers = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                var local = random.split();
                workers.submit(() -> {
                    while (remaining.decrementAndGet() >= 0) {
                        var id = 2 + local.nextInt(customers - 1);
                        timed(client, server, path.formatted(id), histogram);
                    }
                    return null;
                });
            }
        }
        return histogram;
    }

    static Histogram measureOne(BenchServer server, String path, int requests) throws Exception {
        var histogram = new ConcurrentHistogram(3);
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < requests; i++) {
            timed(client, server, path, histogram);
        }
        return histogram;
    }

    static void timed(HttpClient client, BenchServer server, String path, Histogram histogram) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + BenchServer.API_TOKEN)
                .build();
        var started = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        histogram.recordValue((System.nanoTime() - started) / 1000);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    static long count(String jdbcUrl, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Fills the store in PostgreSQL: customers, user ids, events with their counters and facts. */
    static void load(String jdbcUrl, int customers, long events) throws Exception {
        var mean = (double) events / customers;
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var sql = connection.createStatement()) {
            var first = YearMonth.from(LocalDate.now(ZoneOffset.UTC)).minusMonths(12);
            for (var month = first; !month.isAfter(YearMonth.now(ZoneOffset.UTC)); month = month.plusMonths(1)) {
                sql.execute(
                        "create table if not exists customers.event_%d_%02d partition of customers.event for values from ('%s') to ('%s')"
                                .formatted(
                                        month.getYear(),
                                        month.getMonthValue(),
                                        month.atDay(1) + " 00:00:00+00",
                                        month.plusMonths(1).atDay(1) + " 00:00:00+00"));
            }
            sql.execute("select setseed(0.42)");
            sql.execute("""
                    insert into customers.customer (id, created_at, updated_at, display_name, traits, trait_times, channel,
                           channel_rank, channel_at, first_seen_at, last_seen_at)
                    select g, now() - interval '360 days', now(), 'Customer ' || g,
                           jsonb_build_object('city', (array['上海','北京','杭州','成都','深圳'])[1 + g %% 5], 'tier', g %% 4),
                           '{}', (array['wechat','douyin','xiaohongshu','web'])[1 + g %% 4], 1,
                           now() - interval '360 days', now() - interval '360 days', now()
                      from generate_series(1, %d) g""".formatted(customers));
            sql.execute("select setval('customers.customer_id_seq', %d)".formatted(customers));
            sql.execute("""
                    insert into customers.identity (type, lookup_key, customer_id, display_value, first_seen_at)
                    select 'user_id', 'bulk-' || g, g, 'bulk-' || g, now() - interval '360 days'
                      from generate_series(1, %d) g""".formatted(customers));
            for (int from = 1; from <= customers; from += CHUNK) {
                var to = Math.min(customers, from + CHUNK - 1);
                sql.execute("""
                        with plan as (
                            select c, case when c = 1 then 100000 else 1 + floor(-ln(1 - random()) * %f)::int end as n
                              from generate_series(%d, %d) c
                        ), inserted as (
                            insert into customers.event (id, customer_id, occurred_at, received_at, type, name, message_id,
                                   properties, context)
                            select c::bigint * 1000000 + k, c, t, t, 'track',
                                   (array['Product Viewed','Page Viewed','Product Added','Cart Viewed','Product Shared'])[1 + k %% 5],
                                   'bulk-' || c || '-' || k,
                                   jsonb_build_object('product_id', 'HJ-SK' || (k %% 97), 'price', 10 + k %% 300),
                                   '{"library":{"name":"analytics.js","version":"2.4.0"},"locale":"zh-CN"}'::jsonb
                              from plan, generate_series(1, plan.n) k,
                                   lateral (select now() - (random() * interval '360 days') + (k * interval '0 s') as t) x
                            returning customer_id, name, occurred_at
                        )
                        insert into customers.event_count (customer_id, name, count, first_at, last_at)
                        select customer_id, name, count(*), min(occurred_at), max(occurred_at)
                          from inserted group by customer_id, name""".formatted(Math.max(0, mean - 1), from, to));
                System.out.printf("loaded customers %d to %d%n", from, to);
            }
            sql.execute("""
                    update customers.customer c set event_count = s.n, first_seen_at = s.first_at, last_seen_at = s.last_at
                      from (select customer_id, sum(count) as n, min(first_at) as first_at, max(last_at) as last_at
                              from customers.event_count group by customer_id) s
                     where c.id = s.customer_id""");
            sql.execute(
                    "select setval('customers.event_id_seq', %d)".formatted((long) customers * 1_000_000 + 1_000_000));
            sql.execute("vacuum analyze customers.customer");
            sql.execute("vacuum analyze customers.event");
            sql.execute("vacuum analyze customers.event_count");
            sql.execute("vacuum analyze customers.identity");
        }
    }
}
