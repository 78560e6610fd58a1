package io.siyu.audience.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.audience.internal.AudienceFixtures;
import io.siyu.audience.internal.AudienceTest;
import io.siyu.audience.internal.AudienceTestConfiguration;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.engine.ScheduledRefresh;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Profiles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index agrees with a straightforward evaluator over the raw data: random customers with random traits, events
 * and orders go through the real ingestion API; random condition trees are answered by the index (for everyone, and
 * restricted to a set of customers as when a batch is applied) and by plain Java over the generated events and the
 * stored profiles, and must name the same customers. Saved segments and tags are kept current while the second half
 * of the data arrives, and again after days pass.
 *
 * <p>Seeds are fixed so that a failure can be replayed; a failing case prints its definition and the customers on
 * which the two disagree.
 */
@AudienceTest
class SegmentEquivalenceTests {

    static final String[] CITIES = {"上海", "北京", "杭州", "成都", "New York", "shanghai"};
    static final String[] NICKNAMES = {"Lily", "lily rose", "ROSE", "Ann-Li", "小红", "rosa"};
    static final String[] EVENTS = {"Product Viewed", "Product Added", "Coupon Claimed"};
    static final String[] CATEGORIES = {"护肤", "彩妆", "香氛", "Gift"};
    static final String[] PRODUCTS = {"p-1", "p-2", "p-3", "p-4", "p-5"};
    static final String[] CHANNELS = {"WeChat", "douyin", "app", "web"};
    static final String[] TIERS = {"gold", "silver", "bronze"};
    static final String[] CONSENTS = {"eq_sms", "eq_email", "Advertising"};
    static final int RETENTION = 400;

    @Autowired
    Profiles profiles;

    @Autowired
    CurrentIndex current;

    @Autowired
    Definitions definitions;

    @Autowired
    ScheduledRefresh scheduled;

    @Autowired
    AudienceTestConfiguration.MovableClock clock;

    @Autowired
    AudienceFixtures fixtures;

    record Event(String name, LocalDate day, String category, String product, BigDecimal price) {}

    /** A decision on consent: one category, or every category withdrawn at once when {@code category} is null. */
    record ConsentDecision(String category, boolean granted, Instant at) {}

    record Line(String product, String category, BigDecimal price, int quantity) {
        BigDecimal amount() {
            return price == null ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    record Order(String id, LocalDate day, List<Line> lines, BigDecimal total) {
        BigDecimal amount() {
            return total != null ? total : lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A generated customer: what we sent about them. */
    static final class Person {
        final String userId;
        final Map<String, Object> traits = new LinkedHashMap<>();
        final List<Event> events = new ArrayList<>();
        final List<Order> orders = new ArrayList<>();
        final List<ConsentDecision> consents = new ArrayList<>();
        long id;
        ProfileSnapshot profile;
        String tag;
        String tier;

        Person(String userId) {
            this.userId = userId;
        }
    }

    /** What the reference evaluator knows: the people, today, the saved segments' definitions and tag names. */
    record World(Map<Long, Person> people, LocalDate today, Map<Long, JsonNode> segments, String tag, String tierTag) {}

    @Test
    void theIndexAgreesWithAPlainEvaluatorOverTheRawData() {
        fixtures.awaitReady();
        var random = new SplittableRandom(20261122);
        var today = current.today();
        var people = new ArrayList<Person>();
        for (int i = 0; i < 160; i++) {
            people.add(person(random, "eq-" + i, today));
        }
        // first half of the behaviour, then segments and tags are defined, then the rest arrives
        fixtures.send(messages(people, true, today));
        var byId = new LinkedHashMap<Long, Person>();
        for (var person : people) {
            person.id = fixtures.customer(person.userId);
            byId.put(person.id, person);
        }
        var tag = createTag("eq-vip", "MANUAL");
        var tierTag = createTag("eq-tier", "VALUE");
        assign(tag, people.stream().filter(p -> random.nextInt(3) == 0).toList(), null);
        for (var tier : TIERS) {
            assign(tierTag, people.stream().filter(p -> random.nextInt(4) == 0).toList(), tier);
        }
        var segments = new LinkedHashMap<Long, JsonNode>();
        var generator = new Generator(random, today, segments);
        for (int i = 0; i < 6; i++) {
            var condition = generator.condition(2);
            segments.put(fixtures.createSegment("eq-segment-" + i, condition), condition);
        }
        fixtures.send(messages(people, false, today));
        refreshPeople(byId);

        var world = new World(byId, today, segments, "eq-vip", "eq-tier");
        compareSavedSegments(world);
        compareRandomConditions(world, new Generator(random, today, segments), 400);

        // time passes: three days later, after the day's work, everything still agrees
        clock.advance(Duration.ofDays(3));
        scheduled.newDay();
        var later = new World(byId, current.today(), segments, "eq-vip", "eq-tier");
        compareSavedSegments(later);
        compareRandomConditions(later, new Generator(new SplittableRandom(7), later.today(), segments), 150);
        clock.set(AudienceTestConfiguration.START);
        scheduled.newDay();
    }

    private void refreshPeople(Map<Long, Person> byId) {
        for (var snapshot :
                profiles.snapshots(byId.keySet().stream().map(CustomerId::of).toList())) {
            byId.get(snapshot.id().value()).profile = snapshot;
        }
    }

    private void compareSavedSegments(World world) {
        var ours = ordinals(world);
        for (var segment : world.segments().entrySet()) {
            var members = current.index()
                    .read(() -> RoaringBitmap.and(
                            Objects.requireNonNullElseGet(
                                    current.index().segment(segment.getKey()), RoaringBitmap::new),
                            ours));
            assertSame(segment.getValue(), members, reference(world, segment.getValue()), world);
        }
    }

    private void compareRandomConditions(World world, Generator generator, int cases) {
        var ours = ordinals(world);
        int informative = 0;
        for (int i = 0; i < cases; i++) {
            var condition = generator.condition(3);
            var parsed = ConditionParser.parse(AudienceFixtures.definition(condition), definitions.catalog());
            var everyone = current.index().read(() -> definitions.evaluator().evaluate(parsed.condition(), null));
            var within = current.index().read(() -> definitions.evaluator().evaluate(parsed.condition(), ours));
            var expected = reference(world, condition);
            assertSame(condition, RoaringBitmap.and(everyone, ours), expected, world);
            assertSame(condition, within, expected, world);
            // and among a handful of them, as when a batch of a few customers is applied
            var handful = new RoaringBitmap();
            var pick = i % 17;
            ours.forEach((int ordinal) -> {
                if (ordinal % 17 == pick) {
                    handful.add(ordinal);
                }
            });
            var fewOfThem = current.index().read(() -> definitions.evaluator().evaluate(parsed.condition(), handful));
            assertSame(condition, fewOfThem, RoaringBitmap.and(expected, handful), world);
            if (!expected.isEmpty() && expected.getCardinality() < ours.getCardinality()) {
                informative++;
            }
        }
        // the comparison only proves something when most conditions split the people
        assertThat(informative)
                .as("conditions that match some but not all people")
                .isGreaterThan(cases / 2);
    }

    private static RoaringBitmap ordinals(World world) {
        var ours = new RoaringBitmap();
        world.people().keySet().forEach(id -> ours.add(id.intValue()));
        return ours;
    }

    private static void assertSame(JsonNode condition, RoaringBitmap actual, RoaringBitmap expected, World world) {
        if (!actual.equals(expected)) {
            var extra = RoaringBitmap.andNot(actual, expected);
            var missing = RoaringBitmap.andNot(expected, actual);
            var detail = new StringBuilder("index and reference disagree on\n" + condition.toPrettyString());
            extra.forEach((int id) -> detail.append("\n  only the index: ").append(describe(world, id)));
            missing.forEach(
                    (int id) -> detail.append("\n  only the reference: ").append(describe(world, id)));
            throw new AssertionError(detail.toString());
        }
    }

    private static String describe(World world, int id) {
        var person = world.people().get((long) id);
        return id + " " + person.traits + " channel=" + person.profile.channel() + " events=" + person.events
                + " orders=" + person.orders + " consents=" + person.consents + " facts=" + person.profile;
    }

    // ---------------------------------------------------------------- generating data

    private static Person person(SplittableRandom random, String userId, LocalDate today) {
        var person = new Person(userId);
        if (random.nextInt(5) > 0) {
            person.traits.put("eq_city", CITIES[random.nextInt(CITIES.length)]);
        }
        switch (random.nextInt(4)) {
            case 0 -> person.traits.put("eq_age", 18 + random.nextInt(50));
            case 1 -> person.traits.put("eq_age", String.valueOf(18 + random.nextInt(50)));
            case 2 -> person.traits.put("eq_age", new BigDecimal(random.nextInt(1800, 7000)).movePointLeft(2));
            default -> {}
        }
        if (random.nextInt(4) > 0) {
            var birthday = random.nextInt(6) == 0
                    ? LocalDate.of(1996, 2, 29)
                    : random.nextBoolean()
                            ? today.minusYears(20 + random.nextInt(30)).plusDays(random.nextInt(-5, 25))
                            : LocalDate.of(1970, 1, 1).plusDays(random.nextInt(13_000));
            person.traits.put("eq_birthday", birthday.toString());
        }
        if (random.nextInt(3) > 0) {
            person.traits.put("eq_signup", today.minusDays(random.nextInt(200)).atTime(9, 30) + ":00+08:00");
        }
        if (random.nextBoolean()) {
            person.traits.put("eq_vip", random.nextBoolean());
        }
        if (random.nextInt(3) > 0) {
            person.traits.put("eq_nickname", NICKNAMES[random.nextInt(NICKNAMES.length)]);
        }
        if (random.nextInt(4) > 0) {
            person.traits.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        }
        // consent decided now and then, sent in no particular order, sometimes everything withdrawn at once
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            var at = AudienceFixtures.at(today.minusDays(1 + random.nextInt(300)), random.nextInt(600));
            person.consents.add(
                    random.nextInt(6) == 0
                            ? new ConsentDecision(null, false, at)
                            : new ConsentDecision(CONSENTS[random.nextInt(CONSENTS.length)], random.nextBoolean(), at));
        }
        // skewed activity: most do little, a few do a lot, some long ago (beyond the index's days)
        var events = (int) Math.min(60, Math.floor(-Math.log(1 - random.nextDouble()) * 8));
        for (int i = 0; i < events; i++) {
            var name = EVENTS[random.nextInt(EVENTS.length)];
            var day = today.minusDays(random.nextInt(random.nextInt(10) == 0 ? 500 : 120));
            var category = random.nextInt(3) > 0 ? CATEGORIES[random.nextInt(CATEGORIES.length)] : null;
            var product = random.nextBoolean() ? PRODUCTS[random.nextInt(PRODUCTS.length)] : null;
            var price = random.nextBoolean() ? new BigDecimal(random.nextInt(100, 50_000)).movePointLeft(2) : null;
            person.events.add(new Event(name, day, category, product, price));
        }
        var orders = random.nextInt(3) == 0 ? 0 : (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2);
        for (int i = 0; i < orders; i++) {
            var day = today.minusDays(random.nextInt(random.nextInt(8) == 0 ? 480 : 150));
            var lines = new ArrayList<Line>();
            for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                lines.add(new Line(
                        PRODUCTS[random.nextInt(PRODUCTS.length)],
                        random.nextInt(6) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)],
                        random.nextInt(8) == 0 ? null : new BigDecimal(random.nextInt(500, 60_000)).movePointLeft(2),
                        1 + random.nextInt(3)));
            }
            var total = random.nextInt(3) == 0 ? null : new BigDecimal(random.nextInt(1_000, 90_000)).movePointLeft(2);
            person.orders.add(new Order(person.userId + "-o" + i, day, lines, total));
        }
        return person;
    }

    /** The identify and the first (or second) half of each person's events and orders, as API messages. */
    private static List<ObjectNode> messages(List<Person> people, boolean firstHalf, LocalDate today) {
        var messages = new ArrayList<ObjectNode>();
        for (var person : people) {
            if (firstHalf) {
                var identify = AudienceFixtures.identify(person.userId, AudienceFixtures.at(today.minusDays(600), 0));
                var traits = (ObjectNode) identify.get("traits");
                person.traits.forEach((name, value) -> traits.set(name, HttpFixtures.JSON.valueToTree(value)));
                messages.add(identify);
            }
            var events = person.events.size() / 2;
            var from = firstHalf ? 0 : events;
            var to = firstHalf ? events : person.events.size();
            for (int i = from; i < to; i++) {
                var event = person.events.get(i);
                var track = AudienceFixtures.track(person.userId, event.name(), when(event.day(), i, today));
                var properties = (ObjectNode) track.get("properties");
                if (event.category() != null) {
                    properties.put("category", event.category());
                }
                if (event.product() != null) {
                    properties.put("product_id", event.product());
                }
                if (event.price() != null) {
                    properties.put("price", event.price());
                }
                messages.add(track);
            }
            var consents = person.consents.size() / 2;
            for (int i = firstHalf ? 0 : consents; i < (firstHalf ? consents : person.consents.size()); i++) {
                var decision = person.consents.get(i);
                var track = AudienceFixtures.track(person.userId, "Segment Consent Preference Updated", decision.at());
                var preferences =
                        track.putObject("context").putObject("consent").putObject("categoryPreferences");
                if (decision.category() != null) {
                    preferences.put(decision.category(), decision.granted());
                }
                messages.add(track);
            }
            var orders = person.orders.size() / 2;
            for (int i = firstHalf ? 0 : orders; i < (firstHalf ? orders : person.orders.size()); i++) {
                var order = person.orders.get(i);
                var track = AudienceFixtures.track(person.userId, "Order Completed", when(order.day(), 300 + i, today));
                var properties = (ObjectNode) track.get("properties");
                properties.put("order_id", order.id());
                if (order.total() != null) {
                    properties.put("total", order.total());
                }
                var products = properties.putArray("products");
                for (var line : order.lines()) {
                    var product = products.addObject();
                    product.put("product_id", line.product()).put("quantity", line.quantity());
                    if (line.category() != null) {
                        product.put("category", line.category());
                    }
                    if (line.price() != null) {
                        product.put("price", line.price());
                    }
                }
                messages.add(track);
            }
        }
        return messages;
    }

    /** A moment of a day in the brand's zone, never after the clock's now (noon of today). */
    private static Instant when(LocalDate day, int minute, LocalDate today) {
        var hour = Math.floorMod(minute * 7, day.equals(today) ? 11 : 24);
        return day.atTime(hour, minute % 60).atZone(AudienceFixtures.ZONE).toInstant();
    }

    private long createTag(String name, String kind) {
        var body = HttpFixtures.JSON.createObjectNode().put("name", name).put("kind", kind);
        var response = fixtures.admin().post("/api/v1/tags", body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private void assign(long tag, List<Person> people, String value) {
        var body = HttpFixtures.JSON.createObjectNode();
        var customers = body.putArray("customers");
        people.forEach(p -> customers.add("user_id:" + p.userId));
        if (value != null) {
            body.put("value", value);
        }
        var response = fixtures.admin().post("/api/v1/tags/" + tag + "/assignments", body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (var person : people) {
            if (value == null) {
                person.tag = "yes";
            } else {
                person.tier = value;
            }
        }
    }

    // ---------------------------------------------------------------- generating conditions

    /** Random condition trees over the generated vocabulary, with values that sometimes match nobody. */
    static final class Generator {
        private final SplittableRandom random;
        private final LocalDate today;
        private final Map<Long, JsonNode> segments;

        Generator(SplittableRandom random, LocalDate today, Map<Long, JsonNode> segments) {
            this.random = random;
            this.today = today;
            this.segments = segments;
        }

        ObjectNode condition(int depth) {
            var roll = random.nextInt(100);
            if (depth > 0 && roll < 30) {
                var node = object(random.nextBoolean() ? "all" : "any");
                var parts = node.putArray("conditions");
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    parts.add(condition(depth - 1));
                }
                return node;
            }
            if (depth > 0 && roll < 40) {
                var node = object("not");
                node.set("condition", condition(depth - 1));
                return node;
            }
            return switch (random.nextInt(segments.isEmpty() ? 10 : 11)) {
                case 0, 1 -> trait();
                case 2 -> fact();
                case 3 -> channel();
                case 4, 5 -> event();
                case 6, 7 -> purchase();
                case 8 -> tag();
                case 9 ->
                    object("consent")
                            .put("category", CONSENTS[random.nextInt(CONSENTS.length)])
                            .put("state", pick(List.of("granted", "denied", "unknown")));
                default -> object("segment").put("segment", pick(new ArrayList<>(segments.keySet())));
            };
        }

        private ObjectNode trait() {
            return switch (random.nextInt(6)) {
                case 0 -> text("eq_city", CITIES, "Paris");
                case 1 -> number("trait", "eq_age", 15, 75, true);
                case 2 -> date("eq_birthday", true);
                case 3 -> date("eq_signup", false);
                case 4 -> {
                    var node = object("trait").put("trait", "eq_vip");
                    yield random.nextInt(4) == 0
                            ? node.put("operator", random.nextBoolean() ? "exists" : "not_exists")
                            : node.put("operator", random.nextBoolean() ? "equals" : "not_equals")
                                    .put("value", random.nextBoolean() ? "true" : "false");
                }
                default -> text("eq_nickname", NICKNAMES, "rose");
            };
        }

        private ObjectNode text(String trait, String[] values, String fragment) {
            var node = object("trait").put("trait", trait);
            var pool = new ArrayList<>(List.of(values));
            pool.add("nobody");
            switch (random.nextInt(8)) {
                case 0 -> node.put("operator", "equals").put("value", pick(pool));
                case 1 -> node.put("operator", "not_equals").put("value", pick(pool));
                case 2, 3 -> {
                    node.put("operator", random.nextBoolean() ? "in" : "not_in");
                    var list = node.putArray("values");
                    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                        list.add(pick(pool));
                    }
                }
                case 4 -> node.put("operator", "contains").put("value", random.nextBoolean() ? fragment : "LI");
                case 5 -> node.put("operator", "starts_with").put("value", random.nextBoolean() ? "li" : "上");
                case 6 -> node.put("operator", "exists");
                default -> node.put("operator", "not_exists");
            }
            return node;
        }

        private ObjectNode number(String type, String name, int low, int high, boolean decimals) {
            var node = object(type).put(type, name);
            var operators = List.of("equals", "not_equals", "greater_than", "at_least", "less_than", "at_most");
            switch (random.nextInt(9)) {
                case 0, 1, 2, 3, 4, 5 ->
                    node.put("operator", operators.get(random.nextInt(operators.size())))
                            .put("value", value(low, high, decimals));
                case 6, 7 -> {
                    var a = value(low, high, decimals);
                    var b = value(low, high, decimals);
                    node.put("operator", "between").put("from", a.min(b)).put("to", a.max(b));
                }
                default -> node.put("operator", random.nextBoolean() ? "exists" : "not_exists");
            }
            return node;
        }

        private BigDecimal value(int low, int high, boolean decimals) {
            var whole = low + random.nextInt(Math.max(1, high - low + 1));
            return decimals && random.nextBoolean()
                    ? BigDecimal.valueOf(whole * 100L + random.nextInt(100)).movePointLeft(2)
                    : BigDecimal.valueOf(whole);
        }

        private ObjectNode date(String trait, boolean anniversaries) {
            var node = object("trait").put("trait", trait);
            var roll = random.nextInt(anniversaries ? 7 : 6);
            var someDay = today.minusDays(random.nextInt(anniversaries ? 15_000 : 220));
            switch (roll) {
                case 0 -> node.put("operator", "before").put("date", someDay.toString());
                case 1 -> node.put("operator", "after").put("date", someDay.toString());
                case 2 -> {
                    var other = someDay.plusDays(random.nextInt(anniversaries ? 4000 : 60));
                    node.put("operator", "on_or_between_dates")
                            .put("from", someDay.toString())
                            .put("to", other.toString());
                }
                case 3 -> node.put("operator", "within_last_days").put("days", 1 + random.nextInt(150));
                case 4 -> node.put("operator", "more_than_days_ago").put("days", 1 + random.nextInt(150));
                case 5 -> node.put("operator", random.nextBoolean() ? "exists" : "not_exists");
                default -> node.put("operator", "anniversary_within_next_days").put("days", random.nextInt(31));
            }
            return node;
        }

        private ObjectNode fact() {
            return switch (random.nextInt(7)) {
                case 0 -> number("fact", "event_count", 0, 40, false);
                case 1 -> number("fact", "order_count", 0, 4, false);
                case 2 -> number("fact", "total_spent", 0, 1500, true);
                case 3 -> number("fact", "average_order_value", 0, 700, true);
                default -> {
                    var facts = List.of("first_seen_at", "last_seen_at", "first_order_at", "last_order_at");
                    var node = object("fact").put("fact", facts.get(random.nextInt(facts.size())));
                    var someDay = today.minusDays(random.nextInt(500));
                    switch (random.nextInt(7)) {
                        case 0 -> node.put("operator", "before").put("date", someDay.toString());
                        case 1 -> node.put("operator", "after").put("date", someDay.toString());
                        case 2 ->
                            node.put("operator", "on_or_between_dates")
                                    .put("from", someDay.toString())
                                    .put(
                                            "to",
                                            someDay.plusDays(random.nextInt(120))
                                                    .toString());
                        case 3 -> node.put("operator", "within_last_days").put("days", 1 + random.nextInt(200));
                        case 4 -> node.put("operator", "more_than_days_ago").put("days", 1 + random.nextInt(200));
                        case 5 ->
                            node.put("operator", "anniversary_within_next_days").put("days", random.nextInt(120));
                        default -> node.put("operator", random.nextBoolean() ? "exists" : "not_exists");
                    }
                    yield node;
                }
            };
        }

        private ObjectNode channel() {
            if (random.nextBoolean()) {
                var node = object("channel");
                var values = node.putArray("values");
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    values.add(CHANNELS[random.nextInt(CHANNELS.length)]);
                }
                return node;
            }
            var node = object("fact").put("fact", "channel");
            return switch (random.nextInt(4)) {
                case 0 -> node.put("operator", "equals").put("value", CHANNELS[random.nextInt(CHANNELS.length)]);
                case 1 -> node.put("operator", "not_equals").put("value", CHANNELS[random.nextInt(CHANNELS.length)]);
                case 2 -> {
                    node.put("operator", "not_in").putArray("values").add(CHANNELS[random.nextInt(CHANNELS.length)]);
                    yield node;
                }
                default -> node.put("operator", random.nextBoolean() ? "exists" : "not_exists");
            };
        }

        private ObjectNode event() {
            var node = object("event")
                    .put("event", random.nextInt(12) == 0 ? "Never Happened" : EVENTS[random.nextInt(EVENTS.length)]);
            var kind = random.nextInt(5);
            if (kind == 0 || kind == 1) {
                if (random.nextBoolean()) {
                    var where = node.putObject("where");
                    if (random.nextBoolean()) {
                        where.put("property", "category").put("value", pick(List.of(CATEGORIES)));
                    } else {
                        where.put("property", "product_id").put("value", pick(List.of(PRODUCTS)));
                    }
                }
            }
            if (kind == 1 || kind == 2) {
                node.set("count", threshold(0, 6, false));
            }
            if (kind == 3) {
                var aggregate = node.putObject("aggregate");
                aggregate.put("function", pick(List.of("sum", "min", "max"))).put("property", "price");
                aggregate.setAll(threshold(0, 900, true));
            }
            window(node);
            return node;
        }

        private ObjectNode purchase() {
            var node = object("purchase");
            switch (random.nextInt(3)) {
                case 0 -> node.put("product", pick(List.of(PRODUCTS)));
                case 1 -> node.put("category", pick(List.of(CATEGORIES)));
                default -> {}
            }
            var kind = random.nextInt(4);
            if (kind == 1 || kind == 3) {
                node.set("count", threshold(0, 4, false));
            }
            if (kind == 2 || kind == 3) {
                node.set("spent", threshold(0, 1500, true));
            }
            window(node);
            return node;
        }

        private ObjectNode threshold(int low, int high, boolean decimals) {
            var node = HttpFixtures.JSON.createObjectNode();
            var operators = List.of("equals", "not_equals", "greater_than", "at_least", "less_than", "at_most");
            if (random.nextInt(6) == 0) {
                var a = value(low, high, decimals);
                var b = value(low, high, decimals);
                return node.put("operator", "between").put("from", a.min(b)).put("to", a.max(b));
            }
            return node.put("operator", operators.get(random.nextInt(operators.size())))
                    .put("value", value(low, high, decimals));
        }

        private void window(ObjectNode node) {
            switch (random.nextInt(4)) {
                case 0 -> node.put("window", "ever");
                case 1 -> {}
                case 2 -> node.putObject("window").put("lastDays", 1 + random.nextInt(RETENTION));
                default -> {
                    var from = today.minusDays(random.nextInt(RETENTION));
                    var to = from.plusDays(random.nextInt(90));
                    node.putObject("window").put("from", from.toString()).put("to", to.toString());
                }
            }
        }

        private ObjectNode tag() {
            if (random.nextBoolean()) {
                return object("tag").put("tag", "eq-vip");
            }
            var node = object("tag").put("tag", "eq-tier");
            return switch (random.nextInt(4)) {
                case 0 -> node;
                case 1 -> node.put("operator", "equals").put("value", pick(List.of(TIERS)));
                case 2 -> node.put("operator", "contains").put("value", "l");
                default -> {
                    node.put("operator", "in")
                            .putArray("values")
                            .add(pick(List.of(TIERS)))
                            .add("platinum");
                    yield node;
                }
            };
        }

        private static ObjectNode object(String type) {
            return HttpFixtures.JSON.createObjectNode().put("type", type);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    // ---------------------------------------------------------------- the reference evaluator

    /** The members among the generated people, by evaluating the condition on each person directly. */
    static RoaringBitmap reference(World world, JsonNode condition) {
        var members = new RoaringBitmap();
        world.people().forEach((id, person) -> {
            if (matches(world, person, condition)) {
                members.add(id.intValue());
            }
        });
        return members;
    }

    static boolean matches(World world, Person person, JsonNode condition) {
        var type = condition.get("type").asString();
        return switch (type) {
            case "all" -> all(condition.get("conditions"), c -> matches(world, person, c));
            case "any" -> !all(condition.get("conditions"), c -> !matches(world, person, c));
            case "not" -> !matches(world, person, condition.get("condition"));
            case "trait" ->
                attribute(world, person.traits.get(condition.get("trait").asString()), condition);
            case "fact" -> fact(world, person, condition);
            case "channel" -> {
                var channel = person.profile.channel();
                var wanted = new TreeSet<String>();
                condition.get("values").forEach(v -> wanted.add(v.asString().toLowerCase(Locale.ROOT)));
                yield channel != null && wanted.contains(channel);
            }
            case "consent" -> consent(person, condition);
            case "event" -> event(world, person, condition);
            case "purchase" -> purchase(world, person, condition);
            case "tag" -> tag(world, person, condition);
            case "segment" ->
                matches(
                        world,
                        person,
                        world.segments().get(condition.get("segment").asLong()));
            default -> throw new IllegalArgumentException(type);
        };
    }

    /**
     * The latest of the decisions on the category and the withdrawals of everything, by time, whatever order they
     * arrived in (no two of a person's decisions share a moment in the data generated here).
     */
    private static boolean consent(Person person, JsonNode condition) {
        var category = condition.get("category").asString();
        ConsentDecision latest = null;
        var decided = false;
        for (var decision : person.consents) {
            if (category.equals(decision.category())) {
                decided = true;
            }
            if ((category.equals(decision.category()) || decision.category() == null)
                    && (latest == null || decision.at().isAfter(latest.at()))) {
                latest = decision;
            }
        }
        var state = !decided ? "unknown" : latest.granted() ? "granted" : "denied";
        return state.equals(condition.get("state").asString());
    }

    private static boolean all(JsonNode conditions, Predicate<JsonNode> test) {
        for (var condition : conditions) {
            if (!test.test(condition)) {
                return false;
            }
        }
        return true;
    }

    /** A trait's text, number and date, as documented: numbers keep two decimals, dates are days. */
    record Value(String text, BigDecimal number, LocalDate date) {
        static Value of(Object raw) {
            if (raw == null) {
                return null;
            }
            if (raw instanceof Number number) {
                var decimal = new BigDecimal(number.toString());
                return new Value(decimal.stripTrailingZeros().toPlainString(), decimal, null);
            }
            if (raw instanceof Boolean bool) {
                return new Value(bool.toString(), null, null);
            }
            var text = raw.toString();
            BigDecimal number = null;
            LocalDate date = null;
            try {
                number = new BigDecimal(text.strip());
            } catch (NumberFormatException notANumber) {
                // text only
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                date = text.length() == 10
                        ? LocalDate.parse(text)
                        : OffsetDateTime.parse(text).toLocalDate();
            }
            return new Value(text, number, date);
        }
    }

    private static boolean attribute(World world, Object raw, JsonNode condition) {
        var value = Value.of(raw);
        var operator = condition.get("operator").asString();
        var today = world.today();
        return switch (operator) {
            case "exists" -> value != null;
            case "not_exists" -> value == null;
            case "equals" ->
                value != null && value.text().equals(condition.get("value").asString());
            case "not_equals" ->
                value != null && !value.text().equals(condition.get("value").asString());
            case "in" -> value != null && texts(condition).contains(value.text());
            case "not_in" -> value != null && !texts(condition).contains(value.text());
            case "contains" ->
                value != null
                        && value.text()
                                .toLowerCase(Locale.ROOT)
                                .contains(condition.get("value").asString().toLowerCase(Locale.ROOT));
            case "starts_with" ->
                value != null
                        && value.text()
                                .toLowerCase(Locale.ROOT)
                                .startsWith(condition.get("value").asString().toLowerCase(Locale.ROOT));
            case "greater_than", "at_least", "less_than", "at_most", "between" ->
                value != null && value.number() != null && compare(value.number(), condition);
            case "before" ->
                value != null && value.date() != null && value.date().isBefore(date(condition, "date"));
            case "after" ->
                value != null && value.date() != null && value.date().isAfter(date(condition, "date"));
            case "on_or_between_dates" ->
                value != null
                        && value.date() != null
                        && !value.date().isBefore(date(condition, "from"))
                        && !value.date().isAfter(date(condition, "to"));
            case "within_last_days" ->
                value != null
                        && value.date() != null
                        && !value.date().isAfter(today)
                        && value.date()
                                .isAfter(today.minusDays(condition.get("days").asInt()));
            case "more_than_days_ago" ->
                value != null
                        && value.date() != null
                        && !value.date()
                                .isAfter(today.minusDays(condition.get("days").asInt()));
            case "anniversary_within_next_days" -> {
                if (value == null || value.date() == null) {
                    yield false;
                }
                for (int k = 0; k <= condition.get("days").asInt(); k++) {
                    var day = today.plusDays(k);
                    var birthday = value.date();
                    var month = birthday.getMonthValue();
                    var dayOfMonth = month == 2 && birthday.getDayOfMonth() == 29 ? 28 : birthday.getDayOfMonth();
                    if (day.getMonthValue() == month && day.getDayOfMonth() == dayOfMonth) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static TreeSet<String> texts(JsonNode condition) {
        var values = new TreeSet<String>();
        condition.get("values").forEach(v -> values.add(v.asString()));
        return values;
    }

    private static LocalDate date(JsonNode condition, String field) {
        return LocalDate.parse(condition.get(field).asString());
    }

    /** A number compared with "value" (or "from"/"to" for between), at two decimals as the index keeps them. */
    private static boolean compare(BigDecimal actual, JsonNode threshold) {
        var value = actual.setScale(2, RoundingMode.HALF_EVEN);
        var operator = threshold.get("operator").asString();
        if (operator.equals("between")) {
            return value.compareTo(threshold.get("from").decimalValue()) >= 0
                    && value.compareTo(threshold.get("to").decimalValue()) <= 0;
        }
        var c = value.compareTo(threshold.get("value").decimalValue());
        return switch (operator) {
            case "equals" -> c == 0;
            case "not_equals" -> c != 0;
            case "greater_than" -> c > 0;
            case "at_least" -> c >= 0;
            case "less_than" -> c < 0;
            case "at_most" -> c <= 0;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static boolean fact(World world, Person person, JsonNode condition) {
        var profile = person.profile;
        var name = condition.get("fact").asString();
        if (name.equals("channel")) {
            var channel = profile.channel();
            var operator = condition.get("operator").asString();
            return switch (operator) {
                case "exists" -> channel != null;
                case "not_exists" -> channel == null;
                case "equals" -> channel != null && channel.equals(lower(condition.get("value")));
                case "not_equals" -> channel != null && !channel.equals(lower(condition.get("value")));
                case "not_in" ->
                    channel != null
                            && !channel.equals(lower(condition.get("values").get(0)));
                default -> throw new IllegalArgumentException(operator);
            };
        }
        Object value = switch (name) {
            case "event_count" -> BigDecimal.valueOf(profile.eventCount());
            case "order_count" -> BigDecimal.valueOf(profile.orderCount());
            case "total_spent" -> profile.totalSpent();
            case "average_order_value" ->
                profile.orderCount() == 0
                        ? null
                        : profile.totalSpent()
                                .divide(BigDecimal.valueOf(profile.orderCount()), 2, RoundingMode.HALF_EVEN);
            case "first_seen_at" -> day(profile.firstSeenAt());
            case "last_seen_at" -> day(profile.lastSeenAt());
            case "first_order_at" -> day(profile.firstOrderAt());
            case "last_order_at" -> day(profile.lastOrderAt());
            default -> throw new IllegalArgumentException(name);
        };
        var operator = condition.get("operator").asString();
        if (value instanceof BigDecimal number && (operator.equals("equals") || operator.equals("not_equals"))) {
            return compare(number, condition);
        }
        return attribute(world, value instanceof LocalDate date ? date.toString() : value, condition);
    }

    private static String lower(JsonNode value) {
        return value.asString().toLowerCase(Locale.ROOT);
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, AudienceFixtures.ZONE);
    }

    /** The window as inclusive days; null bounds for all time. */
    private static LocalDate[] window(World world, JsonNode condition) {
        var window = condition.get("window");
        if (window == null || window.isString()) {
            return new LocalDate[] {null, null};
        }
        if (window.has("lastDays")) {
            return new LocalDate[] {
                world.today().minusDays(window.get("lastDays").asInt() - 1L), world.today()
            };
        }
        return new LocalDate[] {date(window, "from"), date(window, "to")};
    }

    private static boolean in(LocalDate day, LocalDate[] window) {
        return window[0] == null || (!day.isBefore(window[0]) && !day.isAfter(window[1]));
    }

    private static boolean event(World world, Person person, JsonNode condition) {
        var name = condition.get("event").asString();
        var window = window(world, condition);
        var where = condition.get("where");
        var matching = person.events.stream()
                .filter(e -> e.name().equals(name) && in(e.day(), window))
                .filter(e -> where == null
                        || (where.get("property").asString().equals("category")
                                ? where.get("value").asString().equals(e.category())
                                : where.get("value").asString().equals(e.product())))
                .toList();
        var aggregate = condition.get("aggregate");
        if (aggregate != null) {
            var prices = matching.stream()
                    .map(Event::price)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (prices.isEmpty()) {
                return false;
            }
            var result = switch (aggregate.get("function").asString()) {
                case "sum" -> prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                case "min" -> prices.stream().min(BigDecimal::compareTo).orElseThrow();
                default -> prices.stream().max(BigDecimal::compareTo).orElseThrow();
            };
            return compare(result, aggregate);
        }
        var count = condition.get("count");
        return count == null ? !matching.isEmpty() : compare(BigDecimal.valueOf(matching.size()), count);
    }

    private static boolean purchase(World world, Person person, JsonNode condition) {
        var window = window(world, condition);
        var product = condition.has("product") ? condition.get("product").asString() : null;
        var category = condition.has("category") ? condition.get("category").asString() : null;
        Predicate<Line> line =
                l -> product != null ? product.equals(l.product()) : category == null || category.equals(l.category());
        var orders = person.orders.stream()
                .filter(o -> in(o.day(), window))
                .filter(o -> product == null && category == null
                        || o.lines().stream().anyMatch(line))
                .toList();
        var count = condition.get("count");
        var spentThreshold = condition.get("spent");
        var ok = count != null
                ? compare(BigDecimal.valueOf(orders.size()), count)
                : spentThreshold != null || !orders.isEmpty();
        if (spentThreshold != null) {
            var spent = orders.stream()
                    .map(o -> product == null && category == null
                            ? o.amount()
                            : o.lines().stream()
                                    .filter(line)
                                    .map(Line::amount)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            ok &= compare(spent, spentThreshold);
        }
        return ok;
    }

    private static boolean tag(World world, Person person, JsonNode condition) {
        if (condition.get("tag").asString().equals(world.tag())) {
            return person.tag != null;
        }
        if (!condition.has("operator")) {
            return person.tier != null;
        }
        if (person.tier == null) {
            return false;
        }
        return switch (condition.get("operator").asString()) {
            case "equals" -> person.tier.equals(condition.get("value").asString());
            case "contains" -> person.tier.contains(condition.get("value").asString());
            default -> {
                var values = new ArrayList<String>();
                ((ArrayNode) condition.get("values")).forEach(v -> values.add(v.asString()));
                yield values.contains(person.tier);
            }
        };
    }

    static Map<Long, Person> index(List<Person> people) {
        var byId = new HashMap<Long, Person>();
        people.forEach(p -> byId.put(p.id, p));
        return byId;
    }
}
