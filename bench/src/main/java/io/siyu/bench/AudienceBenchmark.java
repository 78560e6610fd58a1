package io.siyu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figures of the audience engine on 10 million customers and over 100 million events: segment counts against the same
 * segments as SQL on PostgreSQL over the same tables (side by side, in one run), the index's memory, a full rebuild
 * from PostgreSQL, the rate at which events are applied to the index, and how soon a customer's entry into a segment
 * is announced after the triggering event was acknowledged.
 *
 * <p>The store is filled directly in PostgreSQL (through the API it would take hours and measure ingestion): customers
 * with skewed traits and channels, and their behaviour as the per-day activity rows the index is built from — most
 * customers active on one or two days, a few on dozens, recent days busier than old ones, categories Zipf-like.
 */
public final class AudienceBenchmark {

    static final int CHUNK = 250_000;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] CATEGORIES = {"护肤", "彩妆", "香氛", "身体护理", "洗护", "礼盒", "工具", "男士"};
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        var customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        var name = "audience-" + customers;
        var store = Store.named(name);
        var dir = store.dir();
        var heap = System.getenv().getOrDefault("SIYU_BENCH_HEAP", "8g");
        var loadSeconds = store.loadSeconds(() -> {
            // the load writes straight into PostgreSQL; the server only brings the schema and the database up
            try (var server = new BenchServer(dir, 18084, 15436, Map.of())) {
                server.jvm.add("-Xmx" + heap);
                server.start();
                load(server.jdbcUrl(), customers);
            }
        });
        if (Store.onlyLoad(args, 1, loadSeconds)) {
            return;
        }
        if (args.length > 1 && args[1].equals("burst-only")) {
            burstOnly(dir, heap, customers);
            return;
        }
        try (var server = new BenchServer(dir, 18084, 15436, Map.of())) {
            // a fixed heap, touched at start, as docs/operations.md recommends for a server holding the index
            server.jvm.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"));
            server.start();
            var api = new Api(server);
            var status = api.awaitIndex();
            var today = LocalDate.now(ZONE);
            long events;
            long rows;
            try (var connection = DriverManager.getConnection(server.jdbcUrl())) {
                var keys = keys(connection);
                events = count(
                        connection,
                        "select sum(count) from audience.activity where key_id in (%d, %d, %d, %d)"
                                .formatted(
                                        keys.get("Product Viewed"),
                                        keys.get("$page"),
                                        keys.get("Product Added"),
                                        keys.get("Order Completed")));
                rows = count(connection, "select count(*) from audience.activity");
                var segments = segments(api, keys, today);
                // SQL first on Siyu's own schema, then with the index a database administrator would add for these
                // queries (behaviour by key and day)
                try (var sql = connection.createStatement()) {
                    sql.execute("drop index if exists audience.activity_key_day");
                }
                var plain = new ArrayList<List<Double>>();
                for (var segment : segments) {
                    plain.add(sqlMillis(connection, segment));
                }
                try (var sql = connection.createStatement()) {
                    sql.execute("create index activity_key_day on audience.activity (key_id, day) "
                            + "include (customer_id, count, sum)");
                    sql.execute("analyze audience.activity");
                    // the index build left gigabytes of dirty pages: written out now, not by the checkpointer while
                    // the first segment is being counted
                    sql.execute("checkpoint");
                }
                // warm-up: every segment's path through the server compiled before any is measured (200 rounds)
                for (int round = 0; round < 200; round++) {
                    for (var segment : segments) {
                        api.count(body(segment));
                    }
                }
                var results = new ArrayList<Row>();
                for (int i = 0; i < segments.size(); i++) {
                    results.add(compare(api, connection, segments.get(i), plain.get(i)));
                }
                // the live run works on the schema as shipped, without the index added for the SQL comparison
                try (var sql = connection.createStatement()) {
                    sql.execute("drop index if exists audience.activity_key_day");
                }
                var live = new SignalRun(server, api, customers).run();
                report(customers, loadSeconds, status, events, rows, results, live, api);
            }
        }
    }

    /**
     * Only the apply measurement, for profiling the index's apply path (with, say, SIYU_BENCH_SERVER_JVM set to a
     * flight recording): a warm-up minute at 1,000 events/s, then the burst; prints the rates, records nothing.
     */
    static void burstOnly(java.nio.file.Path dir, String heap, int customers) throws Exception {
        try (var server = new BenchServer(dir, 18084, 15436, Map.of())) {
            server.jvm.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch"));
            server.start();
            var api = new Api(server);
            var status = api.awaitIndex();
            System.out.printf(
                    "index built in %.0f s%n", status.path("buildMillis").asLong() / 1000.0);
            var run = new SignalRun(server, api, customers);
            run.steady(1000, 60, System.currentTimeMillis());
            Thread.sleep(3000);
            var before = api.metrics();
            run.burst(200_000);
            while (api.metrics().getOrDefault("touches", 0.0) < before.get("touches") + 200_000) {
                Thread.sleep(200);
            }
            var after = api.metrics();
            var touches = after.get("touches") - before.get("touches");
            System.out.printf(
                    "applied %,.0f events: %,.0f events/s of the applying thread's processor time, %,.0f of wall time%n",
                    touches,
                    touches / (after.get("applyCpuSeconds") - before.get("applyCpuSeconds")),
                    touches / (after.get("applySeconds") - before.get("applySeconds")));
        }
    }

    // ------------------------------------------------------------------ loading

    /** Fills the store: customers with traits and identities, then their activity in chunks, then order facts. */
    static void load(String jdbcUrl, int customers) throws Exception {
        var today = (int) LocalDate.now(ZONE).toEpochDay();
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var sql = connection.createStatement()) {
            sql.execute("select setseed(0.42)");
            var keys = createKeys(connection);
            for (int from = 1; from <= customers; from += CHUNK) {
                var to = Math.min(customers, from + CHUNK - 1);
                sql.execute("""
                        insert into customers.customer (id, created_at, updated_at, traits, trait_times, channel,
                               channel_rank, channel_at, first_seen_at, last_seen_at)
                        select g, now() - interval '400 days', now(),
                               jsonb_build_object(
                                 'city', (array['上海','北京','杭州','深圳','广州','成都','南京','武汉','西安','重庆','苏州','长沙'])
                                         [1 + floor(12 * random() ^ 2)::int],
                                 'gender', case when random() < 0.72 then 'female' else 'male' end,
                                 'age', 18 + floor(random() * 43)::int,
                                 'birthday', to_char(date '1965-01-01' + floor(random() * 14600)::int, 'YYYY-MM-DD'),
                                 'member_level', (array['bronze','silver','gold','platinum'])[1 + floor(4 * random() ^ 3)::int]),
                               '{}',
                               (array['wechat','douyin','xiaohongshu','web','tmall'])[1 + floor(5 * random() ^ 2)::int], 1,
                               now() - interval '400 days', now() - interval '400 days', now()
                          from generate_series(%d, %d) g""".formatted(from, to));
                sql.execute("""
                        insert into customers.identity (type, lookup_key, customer_id, display_value, first_seen_at)
                        select 'user_id', 'bulk-' || g, g, 'bulk-' || g, now() - interval '400 days'
                          from generate_series(%d, %d) g""".formatted(from, to));
                sql.execute(activitySql(keys, from, to, today));
                System.out.printf("loaded customers %d to %d%n", from, to);
            }
            sql.execute("select setval('customers.customer_id_seq', %d)".formatted(customers));
            sql.execute("""
                    update customers.customer c
                       set order_count = s.orders, total_spent = s.spent,
                           first_order_at = s.first_day, last_order_at = s.last_day,
                           event_count = s.orders
                      from (select customer_id, sum(count) as orders, sum(sum) as spent,
                                   (date '1970-01-01' + min(day)) + time '12:00' as first_day,
                                   (date '1970-01-01' + max(day)) + time '12:00' as last_day
                              from audience.activity where key_id = %d group by customer_id) s
                     where c.id = s.customer_id""".formatted(keys.get("$purchase|||amount")));
            sql.execute("vacuum analyze customers.customer");
            sql.execute("vacuum analyze customers.identity");
            sql.execute("vacuum analyze audience.activity");
        }
    }

    static Map<String, Integer> createKeys(Connection connection) throws Exception {
        var wanted = new ArrayList<String[]>();
        for (var event : List.of("Product Viewed", "$page", "Product Added", "Order Completed", "$purchase")) {
            wanted.add(new String[] {event, "", "", ""});
        }
        wanted.add(new String[] {"$purchase", "", "", "amount"});
        for (var category : CATEGORIES) {
            wanted.add(new String[] {"Product Viewed", "category", category, ""});
            wanted.add(new String[] {"$purchase", "category", category, ""});
            wanted.add(new String[] {"$purchase", "category", category, "amount"});
        }
        try (var insert = connection.prepareStatement(
                "insert into audience.activity_key (event, property, value, measure) values (?, ?, ?, ?) "
                        + "on conflict (event, property, value, measure) do nothing")) {
            for (var key : wanted) {
                for (int i = 0; i < 4; i++) {
                    insert.setString(i + 1, key[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return keys(connection);
    }

    /** Activity key ids by "event|property|value|measure", and by event name alone for the plain keys. */
    static Map<String, Integer> keys(Connection connection) throws Exception {
        var keys = new LinkedHashMap<String, Integer>();
        try (var rows = connection.createStatement().executeQuery("select * from audience.activity_key")) {
            while (rows.next()) {
                var key = String.join(
                        "|",
                        rows.getString("event"),
                        rows.getString("property"),
                        rows.getString("value"),
                        rows.getString("measure"));
                keys.put(key, rows.getInt("id"));
                if (key.endsWith("|||")) {
                    keys.put(rows.getString("event"), rows.getInt("id"));
                }
            }
        }
        return keys;
    }

    private static String array(Map<String, Integer> keys, String format) {
        var ids = new ArrayList<String>();
        for (var category : CATEGORIES) {
            ids.add(Integer.toString(keys.get(format.formatted(category))));
        }
        return "array[" + String.join(",", ids) + "]";
    }

    /**
     * One chunk of behaviour. Active days per customer: mostly one, 0.5 % of customers on 20 to 60 days; a day is
     * more likely recent (exponential with a mean of 90 days back, within 400 days). On an active day a customer
     * views products of one category (mean 6 views), views pages (mean 4), adds to the cart on 30 % of days and buys
     * on 12 % (an order of 50 to several thousand yuan).
     */
    static String activitySql(Map<String, Integer> keys, int from, int to, int today) {
        return """
                with c as (
                    select g as id,
                           case when random() < 0.005 then 20 + floor(random() * 41)::int
                                else 1 + floor(-ln(1 - random()) * 0.35)::int end as days
                      from generate_series(%1$d, %2$d) g
                ), d as (
                    select distinct id, (%3$d - least(399, floor(-ln(1 - random()) * 90)))::int as day
                      from c, generate_series(1, c.days)
                ), a as (
                    select id, day,
                           1 + floor(-ln(1 - random()) * 5)::int as views,
                           1 + floor(-ln(1 - random()) * 3)::int as pages,
                           1 + floor(8 * random() ^ 2)::int as category,
                           random() < 0.3 as added,
                           random() < 0.12 as bought,
                           round((50 + -ln(1 - random()) * 250)::numeric, 2) as amount
                      from d
                )
                insert into audience.activity (customer_id, key_id, day, count, sum, min, max)
                select id, k.key_id, day, k.n, k.amount, k.amount, k.amount
                  from a, lateral (values
                        (%4$d, views, null::numeric),
                        ((%5$s)[category], views, null),
                        (%6$d, pages, null),
                        (case when added then %7$d end, 1, null),
                        (case when bought then %8$d end, 1, null),
                        (case when bought then %9$d end, 1, null),
                        (case when bought then %10$d end, 1, amount),
                        (case when bought then (%11$s)[category] end, 1, null),
                        (case when bought then (%12$s)[category] end, 1, amount)
                       ) k(key_id, n, amount)
                 where k.key_id is not null""".formatted(
                        from,
                        to,
                        today,
                        keys.get("Product Viewed"),
                        array(keys, "Product Viewed|category|%s|"),
                        keys.get("$page"),
                        keys.get("Product Added"),
                        keys.get("Order Completed"),
                        keys.get("$purchase"),
                        keys.get("$purchase|||amount"),
                        array(keys, "$purchase|category|%s|"),
                        array(keys, "$purchase|category|%s|amount"));
    }

    // ------------------------------------------------------------------ segments

    record Segment(String label, String condition, String sql) {}

    record Row(
            Segment segment,
            long indexCount,
            long sqlCount,
            Histogram index,
            List<Double> plainSqlMillis,
            List<Double> sqlMillis) {}

    /** One warm-up and three measured runs of a segment's SQL. */
    static List<Double> sqlMillis(Connection connection, Segment segment) throws Exception {
        count(connection, segment.sql());
        var millis = new ArrayList<Double>();
        for (int i = 0; i < 3; i++) {
            var started = System.nanoTime();
            count(connection, segment.sql());
            millis.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf("%s: SQL median %.0f ms%n", segment.label(), median(millis));
        return millis;
    }

    static List<Segment> segments(Api api, Map<String, Integer> keys, LocalDate date) throws Exception {
        var today = date.toEpochDay();
        var attributes = """
                {"type":"all","conditions":[
                  {"type":"trait","trait":"city","operator":"in","values":["上海","北京"]},
                  {"type":"trait","trait":"age","operator":"between","from":25,"to":35},
                  {"type":"trait","trait":"gender","operator":"equals","value":"female"}]}""";
        var attributesSql = """
                select count(*) from customers.customer
                 where merged_into is null and traits->>'city' in ('上海', '北京')
                   and (traits->>'age')::numeric between 25 and 35 and traits->>'gender' = 'female'""";
        var attributesId = api.segment("bench: young women in Shanghai and Beijing", attributes);
        var behaviour = """
                {"type":"event","event":"Product Viewed","where":{"property":"category","value":"护肤"},
                 "window":{"lastDays":30},"count":{"operator":"at_least","value":3}}""";
        var behaviourSql = """
                select count(*) from (
                    select a.customer_id from audience.activity a
                      join customers.customer c on c.id = a.customer_id and c.merged_into is null
                     where a.key_id = %d and a.day between %d and %d
                     group by a.customer_id having sum(a.count) >= 3) x""".formatted(keys.get("Product Viewed|category|护肤|"), today - 29, today);
        var purchase = """
                {"type":"purchase","category":"彩妆","window":{"lastDays":90},"spent":{"operator":"at_least","value":200}}""";
        var purchaseSql = """
                select count(*) from (
                    select a.customer_id from audience.activity a
                      join customers.customer c on c.id = a.customer_id and c.merged_into is null
                     where a.key_id = %d and a.day between %d and %d
                     group by a.customer_id having sum(a.sum) >= 200) x""".formatted(keys.get("$purchase|category|彩妆|amount"), today - 89, today);
        var nested = """
                {"type":"all","conditions":[{"type":"segment","segment":%d},
                  {"type":"not","condition":{"type":"purchase","window":{"lastDays":180}}}]}""".formatted(attributesId);
        var nestedSql = """
                select count(*) from customers.customer c
                 where c.merged_into is null and traits->>'city' in ('上海', '北京')
                   and (traits->>'age')::numeric between 25 and 35 and traits->>'gender' = 'female'
                   and not exists (select 1 from audience.activity a
                                    where a.customer_id = c.id and a.key_id = %d and a.day between %d and %d)""".formatted(keys.get("$purchase"), today - 179, today);
        var rfm = """
                {"type":"rfm","group":"champions"}""";
        // the same scores as the index: 1 + ⌊5 · (customers with a strictly worse value) / (customers scored)⌋
        var rfmSql = """
                with v as (
                    select a.customer_id, %1$d - max(a.day) filter (where a.key_id = %2$d) as r,
                           count(distinct a.day) filter (where a.key_id = %2$d) as f
                      from audience.activity a
                      join customers.customer c on c.id = a.customer_id and c.merged_into is null
                     where a.key_id = %2$d and a.day between %3$d and %1$d
                     group by a.customer_id
                ), s as (
                    select least(5, 1 + 5 * (rank() over (order by r desc) - 1) / count(*) over ()) as rs,
                           least(5, 1 + 5 * (rank() over (order by f) - 1) / count(*) over ()) as fs
                      from v
                )
                select count(*) from s where rs >= 4 and fs >= 4""".formatted(today, keys.get("$purchase"), today - 364);
        return List.of(
                new Segment("attributes only (city in 2, age range, gender)", attributes, attributesSql),
                new Segment("behaviour window (viewed 护肤 ≥ 3 times in 30 days)", behaviour, behaviourSql),
                new Segment("purchases of a category (spent ≥ ¥200 on 彩妆 in 90 days)", purchase, purchaseSql),
                new Segment("nested segment AND NOT bought in 180 days", nested, nestedSql),
                new Segment("RFM group champions", rfm, rfmSql));
    }

    static String body(Segment segment) {
        return "{\"definition\":{\"version\":1,\"condition\":" + segment.condition() + "}}";
    }

    static Row compare(Api api, Connection connection, Segment segment, List<Double> plain) throws Exception {
        var body = body(segment);
        long indexCount = 0;
        for (int i = 0; i < 30; i++) {
            indexCount = api.count(body);
        }
        var histogram = new Histogram(3);
        for (int i = 0; i < 300; i++) {
            var started = System.nanoTime();
            api.count(body);
            histogram.recordValue((System.nanoTime() - started) / 1000);
        }
        long sqlCount = count(connection, segment.sql());
        var millis = sqlMillis(connection, segment);
        System.out.printf(
                "%s: index %d (p50 %.2f ms, p99 %.2f ms), SQL %d (median %.0f ms, with the extra index %.0f ms)%n",
                segment.label(),
                indexCount,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                sqlCount,
                median(plain),
                median(millis));
        return new Row(segment, indexCount, sqlCount, histogram, plain, millis);
    }

    // ------------------------------------------------------------------ live signals

    /**
     * Events through the ingestion API at a steady rate to existing customers, each tipping the customer into a live
     * segment ("viewed 工具 products in the last day"); the server measures the delay from acknowledgement to the
     * announcement. Then a burst as fast as the API takes it, to see how fast the index applies what arrives.
     */
    static final class SignalRun {
        final BenchServer server;
        final Api api;
        final int customers;

        SignalRun(BenchServer server, Api api, int customers) {
            this.server = server;
            this.api = api;
            this.customers = customers;
        }

        record Result(int rate, int seconds, long sent, Map<String, Double> metrics, double burstSeconds, long burst) {}

        Result run() throws Exception {
            api.segment("bench: viewed 工具 today", """
                    {"type":"event","event":"Product Viewed","where":{"property":"category","value":"工具"},
                     "window":{"lastDays":1}}""");
            api.segment("bench: 3+ views today", """
                    {"type":"event","event":"Product Viewed","window":{"lastDays":1},
                     "count":{"operator":"at_least","value":3}}""");
            var rate = 1000;
            var seconds = 60;
            // a minute at the same rate first: after a restart the database reads the store's pages from disk as
            // customers are first touched, and the JIT compiles the path; the measured minute follows
            // customers drawn afresh in every run: those of an earlier run today are in the segments already
            var seed = System.currentTimeMillis();
            steady(rate, 60, seed);
            Thread.sleep(3000);
            var warm = api.metrics();
            var sent = steady(rate, seconds, seed + 1); // other customers than the warm-up's
            Thread.sleep(3000);
            var steadyMetrics = api.metrics();
            steadyMetrics.putAll(SignalRun.delays(warm, steadyMetrics));
            var burst = 200_000;
            var started = System.nanoTime();
            burst(burst);
            var before = steadyMetrics.getOrDefault("touches", 0.0);
            var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (api.metrics().getOrDefault("touches", 0.0) < before + burst) {
                if (System.nanoTime() > deadline) {
                    // the rate is still measured over what was applied; the report says how much that was
                    System.out.println("the burst was not all applied within 10 minutes");
                    break;
                }
                Thread.sleep(200);
            }
            var burstSeconds = (System.nanoTime() - started) / 1e9;
            var all = api.metrics();
            var metrics = new LinkedHashMap<>(steadyMetrics);
            metrics.put("burstTouches", all.get("touches") - before);
            metrics.put("burstApplySeconds", all.get("applySeconds") - steadyMetrics.get("applySeconds"));
            metrics.put("burstApplyCpuSeconds", all.get("applyCpuSeconds") - steadyMetrics.get("applyCpuSeconds"));
            return new Result(rate, seconds, sent, metrics, burstSeconds, burst);
        }

        /**
         * The delay distribution of the signals between two scrapes, from the cumulative buckets: how many signals,
         * p50, p99 and p99.9 interpolated within their bucket (as Prometheus does), the share within a second and the
         * upper bound of the slowest bucket reached.
         */
        static Map<String, Double> delays(Map<String, Double> before, Map<String, Double> after) {
            var bounds = new java.util.TreeMap<Double, Double>();
            after.forEach((name, count) -> {
                if (name.startsWith("le:")) {
                    bounds.put(Double.parseDouble(name.substring(3)), count - before.getOrDefault(name, 0.0));
                }
            });
            var total = bounds.lastEntry().getValue();
            var result = new LinkedHashMap<String, Double>();
            result.put("signals", total);
            for (var q : new double[] {0.5, 0.99, 0.999}) {
                var rank = q * total;
                double lower = 0;
                double below = 0;
                double value = Double.NaN;
                for (var bucket : bounds.entrySet()) {
                    if (bucket.getValue() >= rank) {
                        var inBucket = bucket.getValue() - below;
                        value = bucket.getKey().isInfinite()
                                ? lower
                                : lower + (bucket.getKey() - lower) * (inBucket == 0 ? 1 : (rank - below) / inBucket);
                        break;
                    }
                    lower = bucket.getKey();
                    below = bucket.getValue();
                }
                result.put("signalP" + (q == 0.5 ? "50" : q == 0.99 ? "99" : "999"), value);
            }
            result.put("withinSecond", total == 0 ? 0 : bounds.get(1.0) / total);
            double slowest = 0;
            double previous = 0;
            for (var bucket : bounds.entrySet()) {
                if (bucket.getValue() > previous) {
                    slowest = bucket.getKey();
                }
                previous = bucket.getValue();
            }
            result.put("signalMax", slowest);
            return result;
        }

        private String message(SplittableRandom random, long n) {
            var customer = 1 + random.nextInt(customers);
            return """
                    {"type":"track","messageId":"live-%s-%d","userId":"bulk-%d","event":"Product Viewed",\
                    "properties":{"product_id":"HJ-TL%03d","category":"工具","price":39.90}}""".formatted(run, n, customer, random.nextInt(100));
        }

        private HttpRequest batch(SplittableRandom random, AtomicLong sequence, int size) {
            var body = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < size; i++) {
                body.append(i == 0 ? "" : ",").append(message(random, sequence.incrementAndGet()));
            }
            body.append("]}");
            var auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((BenchServer.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create(server.url() + "/v1/batch"))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
        }

        private final AtomicLong sequence = new AtomicLong();
        /** Message ids are new in every run, so that a second run is not taken for duplicates. */
        private final String run = Long.toHexString(System.currentTimeMillis());

        /** Batches of 10 every 10 ms (open loop), for {@code seconds}, to customers drawn with {@code seed}. */
        long steady(int rate, int seconds, long seed) throws Exception {
            var client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var random = new SplittableRandom(seed);
            var perTick = Math.max(1, rate / 100);
            var sent = new AtomicLong();
            try (var scheduler = Executors.newScheduledThreadPool(1);
                    var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                var ticks = seconds * 100;
                var remaining = new java.util.concurrent.CountDownLatch(ticks);
                scheduler.scheduleAtFixedRate(
                        () -> {
                            if (remaining.getCount() == 0) {
                                return;
                            }
                            HttpRequest request;
                            synchronized (random) {
                                request = batch(random, sequence, perTick);
                            }
                            senders.submit(() -> {
                                var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() == 200) {
                                    sent.addAndGet(perTick);
                                }
                                return null;
                            });
                            remaining.countDown();
                        },
                        0,
                        10,
                        TimeUnit.MILLISECONDS);
                remaining.await();
            }
            return sent.get();
        }

        /** {@code total} events in batches of 500 from 4 clients, as fast as they are taken. */
        void burst(int total) throws Exception {
            var client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var remaining = new AtomicLong(total / 500);
            try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 4; c++) {
                    var random = new SplittableRandom(100 + c);
                    senders.submit(() -> {
                        while (remaining.decrementAndGet() >= 0) {
                            var response =
                                    client.send(batch(random, sequence, 500), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("batch answered " + response.statusCode());
                            }
                        }
                        return null;
                    });
                }
            }
        }
    }

    // ------------------------------------------------------------------ the operator API

    static final class Api {
        final BenchServer server;
        final HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Api(BenchServer server) {
            this.server = server;
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Authorization", "Bearer " + BenchServer.API_TOKEN)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        JsonNode json(String method, String path, String body) throws Exception {
            var response = send(method, path, body);
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        JsonNode awaitIndex() throws Exception {
            var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (System.nanoTime() < deadline) {
                var status = json("GET", "/api/v1/audience/status", null);
                // built, and caught up with what arrived during the build (the build time is set then)
                if (status.path("ready").asBoolean()
                        && status.path("buildMillis").isNumber()) {
                    return status;
                }
                Thread.sleep(1000);
            }
            throw new IllegalStateException("the audience index was not ready within 30 minutes");
        }

        long segment(String name, String condition) throws Exception {
            var existing = json("GET", "/api/v1/segments", null);
            for (var segment : existing.path("items").isMissingNode() ? existing : existing.path("items")) {
                if (segment.path("name").asString().equals(name)) {
                    return segment.path("id").asLong();
                }
            }
            var body = JSON.createObjectNode().put("name", name);
            body.set("definition", JSON.readTree("{\"version\":1,\"condition\":" + condition + "}"));
            return json("POST", "/api/v1/segments", body.toString()).path("id").asLong();
        }

        long count(String definition) throws Exception {
            return json("POST", "/api/v1/segments/count", definition)
                    .path("count")
                    .asLong();
        }

        /** The audience engine's meters, from the Prometheus page. */
        Map<String, Double> metrics() throws Exception {
            var text = send("GET", "/actuator/prometheus", null).body();
            var metrics = new LinkedHashMap<String, Double>();
            metrics.put("touches", sample(text, "siyu_audience_applied_touches_total"));
            metrics.put("applySeconds", sample(text, "siyu_audience_apply_seconds_sum"));
            metrics.put("applyCount", sample(text, "siyu_audience_apply_seconds_count"));
            metrics.put("applyCpuSeconds", sample(text, "siyu_audience_apply_cpu_seconds_total"));
            metrics.put("signals", sample(text, "siyu_audience_signal_delay_seconds_count"));
            var buckets = Pattern.compile(
                            "(?m)^siyu_audience_signal_delay_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$")
                    .matcher(text);
            while (buckets.find()) {
                var bound = buckets.group(1).equals("+Inf") ? "Infinity" : buckets.group(1);
                metrics.put("le:" + bound, Double.parseDouble(buckets.group(2)));
            }
            return metrics;
        }

        private static double sample(String text, String name) {
            return sample(text, name, "");
        }

        /** The value of a sample of {@code name} whose labels include {@code label} (e.g. quantile="0.99"). */
        private static double sample(String text, String name, String label) {
            var matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)})? ([0-9.eE+-]+)$")
                    .matcher(text);
            while (matcher.find()) {
                if (label.isEmpty()
                        || (matcher.group(1) != null && matcher.group(1).contains(label))) {
                    return Double.parseDouble(matcher.group(2));
                }
            }
            throw new IllegalStateException("no sample " + name + " " + label);
        }
    }

    // ------------------------------------------------------------------ report

    static void report(
            int customers,
            double loadSeconds,
            JsonNode status,
            long events,
            long rows,
            List<Row> results,
            SignalRun.Result live,
            Api api)
            throws Exception {
        var table = new StringBuilder();
        var allMet = true;
        for (var row : results) {
            var p99 = row.index().getValueAtPercentile(99) / 1000.0;
            var plain = median(row.plainSqlMillis());
            var indexed = median(row.sqlMillis());
            allMet &= p99 < 50 && plain / p99 >= 100 && row.indexCount() == row.sqlCount();
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %.2f ms | **%.2f ms** | %,.0f ms | **%,.0f×** | %,.0f ms | %,.0f× |%n",
                    row.segment().label(),
                    row.indexCount(),
                    row.sqlCount(),
                    row.index().getValueAtPercentile(50) / 1000.0,
                    p99,
                    plain,
                    plain / p99,
                    indexed,
                    indexed / p99));
        }
        var m = live.metrics();
        // the index's own work is the applying thread's processor time; on a small machine the database and the
        // request handling of the same burst take the processor from it, which the wall time of each apply includes
        var applyRate = m.get("burstTouches") / m.get("burstApplyCpuSeconds");
        var applyWallRate = m.get("burstTouches") / m.get("burstApplySeconds");
        var memoryMb = status.path("memoryBytes").asLong() / (1024.0 * 1024);
        var perTenMillion =
                memoryMb * 10_000_000 / Math.max(1, status.path("liveCustomers").asLong()) / 1024;
        var buildSeconds = status.path("buildMillis").asLong() / 1000.0;
        var text = String.format(
                Locale.ROOT,
                """
                Measured %s with `bench/run audience %d`: %,d customers, %,d events in %,d per-day activity rows
                (store loaded in %.0f s directly in PostgreSQL). Segment counts go through the operator API
                (`POST /api/v1/segments/count`, 200 warm-up rounds over all five, then 30 more and 300 measured calls each); the same segments as SQL run
                on the same PostgreSQL over the same tables, 1 warm-up and 3 measured runs each, in the same run: first on
                Siyu's schema as shipped, then once more with an index on activity by key and day added for them (what a
                database administrator would add for such queries). Speed-up = SQL median ÷ index p99.

                | segment | index count | SQL count | index p50 | index p99 | SQL median | speed-up | SQL + extra index | speed-up |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                %s

                | figure | result | target |
                |---|---:|---|
                | full rebuild from PostgreSQL at start, until the index answers (%,d profiles, %,d activity keys) | **%.0f s** | < 180 s |
                | memory of the index (its own estimate of its bitmaps and arrays) | %,.0f MB = **%.1f GB per 10 M customers** | reported |
                | events applied to the index per second of its own work: the applying thread's processor time (%,.0f events of a burst of %,d applied) | **%,.0f events/s** | ≥ 50,000 |
                | the same per second of wall time spent applying, with the database and request handling of the burst sharing the processors | %,.0f events/s | — |
                | end-to-end rate of that burst, ingestion API to index | %,.0f events/s | — |
                | enter/exit signal after acknowledgement at %,d events/s for %d s, after a minute's warm-up (%,.0f signals): p50 / p99 / p99.9 (from the delay histogram) / slowest bucket reached | %.0f / **%.0f** / %.0f / ≤ %.0f ms (%.1f %% within 1 s) | p99 < 1,000 ms |

                Targets: %s.""",
                Bench.machine(),
                customers,
                customers,
                events,
                rows,
                loadSeconds,
                table.toString().strip(),
                status.path("profilesLoaded").asLong(),
                status.path("activityKeys").asLong(),
                buildSeconds,
                memoryMb,
                perTenMillion,
                m.get("burstTouches"),
                live.burst(),
                applyRate,
                applyWallRate,
                live.burst() / live.burstSeconds(),
                live.rate(),
                live.seconds(),
                m.get("signals"),
                m.get("signalP50") * 1000,
                m.get("signalP99") * 1000,
                m.get("signalP999") * 1000,
                m.get("signalMax") * 1000,
                m.get("withinSecond") * 100,
                allMet && buildSeconds < 180 && applyRate >= 50_000 && m.get("signalP99") < 1
                        ? "met"
                        : "NOT all met (see the rows above)");
        // the 10 M figures are the reference; another size gets a section of its own beside them
        Bench.report(customers == 10_000_000 ? "audience" : "audience-" + customers, text);
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static long count(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
