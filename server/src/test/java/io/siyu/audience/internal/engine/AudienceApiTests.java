package io.siyu.audience.internal.engine;

import static io.siyu.audience.internal.AudienceFixtures.at;
import static io.siyu.audience.internal.AudienceFixtures.condition;
import static io.siyu.audience.internal.AudienceFixtures.identify;
import static io.siyu.audience.internal.AudienceFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.audience.CustomerEnteredSegment;
import io.siyu.audience.CustomerLeftSegment;
import io.siyu.audience.internal.AudienceFixtures;
import io.siyu.audience.internal.AudienceTest;
import io.siyu.audience.internal.AudienceTestConfiguration;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmModel;
import io.siyu.customers.Profiles;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Segments, tags and lifecycle models through the operator API, and what the index does as data and time change. */
@AudienceTest
class AudienceApiTests {

    @Autowired
    Profiles profiles;

    @Autowired
    CurrentIndex current;

    @Autowired
    IndexBuilder builder;

    @Autowired
    BatchIndexer batches;

    @Autowired
    ScheduledRefresh scheduled;

    @Autowired
    AudienceTestConfiguration.MovableClock clock;

    @Autowired
    AudienceTestConfiguration.Signals signals;

    @Autowired
    MembershipPublisher publisher;

    @Autowired
    AudienceFixtures fixtures;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        fixtures.awaitReady();
    }

    @AfterEach
    void resetClock() {
        clock.set(AudienceTestConfiguration.START);
        scheduled.newDay();
    }

    private HttpFixtures admin() {
        return fixtures.admin();
    }

    private static String definition(String condition) {
        return "{\"definition\":{\"version\":1,\"condition\":" + condition + "}}";
    }

    private long count(String condition) {
        var response = admin().post("/api/v1/segments/count", definition(condition));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    private JsonNode refused(String condition) {
        var response = admin().post("/api/v1/segments/count", definition(condition));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return response.json().get("errors").get(0);
    }

    /** A condition that needs no trait or event to be known: customers seen at least once. */
    private static final String SEEN = """
            {"type":"fact","fact":"event_count","operator":"at_least","value":1}""";

    private static String inCity(String city) {
        return "{\"type\":\"trait\",\"trait\":\"city\",\"operator\":\"equals\",\"value\":\"" + city + "\"}";
    }

    /** Customers of {@code city} at least {@code age} years old. */
    private static String inCityAged(String city, int age) {
        return """
                {"type":"all","conditions":[%s,{"type":"trait","trait":"age","operator":"at_least","value":%d}]}""".formatted(inCity(city), age);
    }

    private void people(String prefix, int n, String city) {
        var messages = new ArrayList<JsonNode>();
        for (int i = 0; i < n; i++) {
            var message = identify(prefix + i, at(fixtures.today(), i));
            message.withObject("traits").put("city", city).put("age", 20 + i);
            messages.add(message);
        }
        fixtures.send(messages);
    }

    @Test
    void badDefinitionsAreRefusedNamingTheWrongPart() {
        people("refuse-", 2, "苏州");
        var unknownTrait = refused("""
                {"type":"all","conditions":[{"type":"trait","trait":"no_such_trait","operator":"exists"}]}""");
        assertThat(unknownTrait.get("field").asString()).isEqualTo("definition.condition.conditions[0].trait");
        assertThat(unknownTrait.get("rule").asString()).isEqualTo("unknown-trait");

        var unknownField = refused("""
                {"type":"trait","trait":"city","operator":"equals","value":"苏州","windw":{"lastDays":3}}""");
        assertThat(unknownField.get("field").asString()).isEqualTo("definition.condition.windw");
        assertThat(unknownField.get("rule").asString()).isEqualTo("unknown-field");

        var wrongType = refused("""
                {"type":"trait","trait":"city","operator":"at_least","value":3}""");
        assertThat(wrongType.get("field").asString()).isEqualTo("definition.condition.operator");
        assertThat(wrongType.get("rule").asString()).isEqualTo("type");

        var tooLong = refused("""
                {"type":"event","event":"Product Viewed","window":{"lastDays":5000}}""");
        assertThat(tooLong.get("field").asString()).isEqualTo("definition.condition.window.lastDays");
        assertThat(tooLong.get("rule").asString()).isEqualTo("window-too-large");

        var unknownSegment = refused("""
                {"type":"segment","segment":987654}""");
        assertThat(unknownSegment.get("rule").asString()).isEqualTo("unknown-segment");
    }

    /** A segment named {@code name} that refers to {@code segment}. */
    private long referringTo(String name, long segment) {
        return fixtures.createSegment(name, condition("{\"type\":\"segment\",\"segment\":" + segment + "}"));
    }

    private HttpFixtures.Response changeSegment(long segment, String name, String condition) {
        return admin().put(
                        "/api/v1/segments/" + segment,
                        "{\"name\":\"" + name + "\",\"definition\":{\"version\":1,\"condition\":" + condition + "}}");
    }

    @Test
    void aSegmentChangedToReferToASegmentThatRefersToItIsRefused() {
        var a = fixtures.createSegment("loop-a", condition(SEEN));
        var b = referringTo("loop-b", a);

        var closing = changeSegment(a, "loop-a", "{\"type\":\"segment\",\"segment\":" + b + "}");

        assertThat(closing.status()).as(closing.body()).isEqualTo(400);
        assertThat(closing.body()).contains("cycle");
    }

    @Test
    void aCycleThroughARuleTagIsRefusedNamingEveryLinkOfTheChain() {
        // the tag keeps b's members, b refers to a, then a is changed to hold the tag
        var a = fixtures.createSegment("cycle-a", condition(SEEN));
        var b = referringTo("cycle-b", a);
        var rule = admin().post("/api/v1/tags", """
                {"name":"cycle tag","kind":"RULE","rule":{"version":1,"condition":{"type":"segment","segment":%d}}}""".formatted(b));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);

        var throughTag = changeSegment(a, "cycle-a", "{\"type\":\"tag\",\"tag\":\"cycle tag\"}");

        assertThat(throughTag.status()).as(throughTag.body()).isEqualTo(400);
        var problem = throughTag.json().get("errors").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("definition.condition");
        assertThat(problem.get("rule").asString()).isEqualTo("cycle");
        assertThat(problem.get("detail").asString())
                .isEqualTo("rule tags and segments would refer to themselves: segment 'cycle-a' → tag 'cycle tag' → "
                        + "segment 'cycle-b' → segment 'cycle-a'");
    }

    @Test
    void aRuleTagChangedToNeedItselfIsRefused() {
        var a = fixtures.createSegment("self-a", condition(SEEN));
        var rule = admin().post("/api/v1/tags", """
                {"name":"self tag","kind":"RULE","rule":{"version":1,"condition":{"type":"segment","segment":%d}}}""".formatted(a));
        var ruleId = rule.json().get("id").asLong();

        var tagClosing = admin().put("/api/v1/tags/" + ruleId, """
                {"name":"self tag","rule":{"version":1,"condition":{"type":"tag","tag":"self tag"}}}""");

        assertThat(tagClosing.status()).as(tagClosing.body()).isEqualTo(400);
        assertThat(tagClosing.json().get("errors").get(0).get("field").asString())
                .isEqualTo("rule.condition");
        assertThat(admin().delete("/api/v1/tags/" + ruleId).status()).isEqualTo(204);
    }

    @Test
    void aSegmentInUseCannotBeDeletedUntilTheOneUsingItIs() {
        var a = fixtures.createSegment("used-a", condition(SEEN));
        var b = referringTo("using-b", a);

        assertThat(admin().delete("/api/v1/segments/" + a).status()).isEqualTo(409);
        assertThat(admin().delete("/api/v1/segments/" + b).status()).isEqualTo(204);
        assertThat(admin().delete("/api/v1/segments/" + a).status()).isEqualTo(204);
    }

    @Test
    void aDefinitionIsCountedAndPreviewedBeforeItIsSaved() {
        people("seg-", 6, "无锡");

        assertThat(count(inCity("无锡"))).isEqualTo(6);
        assertThat(count(inCityAged("无锡", 23))).isEqualTo(3);
        var preview = admin().post("/api/v1/segments/preview", definition(inCityAged("无锡", 23)));
        assertThat(preview.json().get("customers")).hasSize(3);
    }

    @Test
    void aChangedSegmentIsANewVersionWithTheMembersItNowDefines() {
        people("version-", 6, "江阴");
        var some = fixtures.createSegment("jiangyin 23+", condition(inCityAged("江阴", 23)));
        var view = admin().get("/api/v1/segments/" + some).json();
        assertThat(view.get("size").asLong()).isEqualTo(3);
        assertThat(view.get("version").asInt()).isEqualTo(1);

        var updated = changeSegment(some, "jiangyin 24+", inCityAged("江阴", 24));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("size").asLong()).isEqualTo(2);
        assertThat(admin().get("/api/v1/segments/" + some + "/versions").json()).hasSize(2);
        var members =
                admin().get("/api/v1/segments/" + some + "/members?limit=50").json();
        assertThat(members.get("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder(
                        String.valueOf(fixtures.customer("version-4")), String.valueOf(fixtures.customer("version-5")));
    }

    @Test
    void theOverlapOfSegmentsCountsEachRegion() {
        people("overlap-", 6, "靖江");
        var all = fixtures.createSegment("jingjiang", condition(inCity("靖江")));
        var some = fixtures.createSegment("jingjiang 24+", condition(inCityAged("靖江", 24)));

        var overlap = admin().post("/api/v1/segments/overlap", "{\"segments\":[" + all + "," + some + "]}")
                .json();

        assertThat(overlap.get("union").asLong()).isEqualTo(6);
        assertThat(overlap.get("regions").get(all + "+" + some).asLong()).isEqualTo(2);
        assertThat(overlap.get("regions").get(String.valueOf(all)).asLong()).isEqualTo(4);
    }

    @Test
    void anExportListsEveryMember() {
        people("export-", 6, "常熟");
        var all = fixtures.createSegment("changshu", condition(inCity("常熟")));

        var export = admin().get("/api/v1/segments/" + all + "/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().count()).isEqualTo(7); // header and six customers
    }

    @Test
    void aSnapshotStaysAsItWasWhenTheSegmentChanges() {
        people("snap-", 6, "昆山");
        var some = fixtures.createSegment("kunshan 24+", condition(inCityAged("昆山", 24)));
        var snapshot = admin().post("/api/v1/segments/" + some + "/snapshots", "{\"name\":\"campaign\"}");
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(201);
        assertThat(snapshot.json().get("size").asLong()).isEqualTo(2);

        var message = identify("snap-0", at(fixtures.today(), 31));
        message.withObject("traits").put("age", 80);
        fixtures.send(message);

        assertThat(admin().get("/api/v1/segments/" + some).json().get("size").asLong())
                .isEqualTo(3);
        var frozen = admin().get("/api/v1/segments/" + some + "/snapshots/"
                + snapshot.json().get("id").asLong() + "/export");
        assertThat(frozen.body().lines().count()).isEqualTo(3);
    }

    @Test
    void aSegmentsTrendHasADayOnceItsMembershipIsPublished() {
        people("trend-", 2, "太仓");
        var segment = fixtures.createSegment("taicang", condition(inCity("太仓")));

        publisher.flush();

        assertThat(admin().get("/api/v1/segments/" + segment + "/trend?days=7")
                        .json()
                        .toString())
                .contains(fixtures.today().toString());
    }

    @Test
    void membershipFollowsEventsAndTimeAndEverySignalIsPublished() {
        var id = fixtures.customer(sendView("signal-1"));
        var segment = fixtures.createSegment("viewed in the last 2 days", condition("""
                {"type":"event","event":"Signal Viewed","window":{"lastDays":2}}"""));
        assertThat(members(segment)).containsExactly((int) id);

        // a second customer enters as soon as the event is applied
        signals.received.clear();
        var second = fixtures.customer(sendView("signal-2"));
        assertThat(entered(segment)).containsExactly(second);

        // nothing happens for two days except time passing; at the second midnight both leave
        signals.received.clear();
        clock.advance(Duration.ofDays(1));
        scheduled.newDay();
        assertThat(left(segment)).isEmpty();
        clock.advance(Duration.ofDays(1));
        scheduled.newDay();
        assertThat(left(segment)).containsExactlyInAnyOrder(id, second);
        assertThat(members(segment)).isEmpty();
    }

    @Test
    void consentConditionsNamingAnUnknownCategoryOrStateAreRefused() {
        var unknown = refused("""
                {"type":"consent","category":"carrier_pigeon","state":"granted"}""");
        assertThat(unknown.get("field").asString()).isEqualTo("definition.condition.category");
        assertThat(unknown.get("rule").asString()).isEqualTo("unknown-category");
        var badState = refused("""
                {"type":"consent","category":"sms","state":"maybe"}""");
        assertThat(badState.get("field").asString()).isEqualTo("definition.condition.state");
    }

    /** Customers of 宜兴 whose sms consent is in {@code state}. */
    private static String smsConsent(String state) {
        return """
                {"type":"all","conditions":[{"type":"consent","category":"sms","state":"%s"},
                  {"type":"trait","trait":"city","operator":"equals","value":"宜兴"}]}""".formatted(state);
    }

    /** A consent decision on sms as Segment's consent management sends it. */
    private JsonNode smsGranted(String userId, int minute) {
        var granted = track(userId, "Segment Consent Preference Updated", at(fixtures.today(), minute));
        granted.putObject("context")
                .putObject("consent")
                .putObject("categoryPreferences")
                .put("sms", true);
        return granted;
    }

    @Test
    void consentSegmentsFollowEachDecision() {
        // a configured category may be used before anyone decided on it: everyone is "unknown"
        people("consent-", 3, "宜兴");
        var reachable = fixtures.createSegment("sms reachable", condition(smsConsent("granted")));
        assertThat(count(smsConsent("unknown"))).isEqualTo(3);

        signals.received.clear();
        fixtures.send(smsGranted("consent-0", 30));
        var first = fixtures.customer("consent-0");
        assertThat(entered(reachable)).containsExactly(first);

        // withdrawn later (an empty categoryPreferences withdraws everything): the customer leaves
        signals.received.clear();
        var withdrawn = track("consent-0", "Page Viewed", at(fixtures.today(), 40));
        withdrawn.putObject("context").putObject("consent").putObject("categoryPreferences");
        fixtures.send(withdrawn);
        assertThat(left(reachable)).containsExactly(first);
        assertThat(count(smsConsent("denied"))).isEqualTo(1);
    }

    @Test
    void theVocabularyNamesTheConsentCategoriesTheEventsAndTheTraits() {
        people("vocabulary-", 1, "溧阳");
        fixtures.send(smsGranted("vocabulary-0", 30));

        var vocabulary = admin().get("/api/v1/audience/vocabulary").json();

        assertThat(vocabulary.get("consentCategories").valueStream().map(JsonNode::asString))
                .contains("sms", "email", "wechat");
        assertThat(vocabulary.get("events").valueStream().map(JsonNode::asString))
                .contains("Segment Consent Preference Updated");
        assertThat(vocabulary.get("traits").findValuesAsString("name")).contains("city", "age");
    }

    @Test
    void aCatchUpThatReadsABatchBetweenItsCommitAndItsApplyCountsItOnce() throws Exception {
        fixtures.send(track("race-1", "Race Viewed", at(fixtures.today(), 1)));
        var id = fixtures.customer("race-1");
        var second = viewed("race-second", "race-1", "Race Viewed", 2);
        var catchUp = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<?>>();
        try (var others = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                // registered before the batch's own: runs right after the commit, before the batch is applied
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        catchUp.set(others.submit(() -> batches.catchUp(Set.of(id))));
                        try {
                            catchUp.get().get(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                        } catch (java.util.concurrent.TimeoutException stillWaiting) {
                            // as it should: it reads the rows once the batch has been applied
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                profiles.record(List.of(second));
            });
            catchUp.get().get();
        }
        assertThat(count("""
                {"type":"event","event":"Race Viewed","count":{"operator":"equals","value":2}}""")).isEqualTo(1);
        assertThat(count("""
                {"type":"event","event":"Race Viewed","count":{"operator":"at_least","value":3}}""")).isZero();
    }

    @Test
    void behaviourRebuiltFromTheStoredEventsIsWhatTheEventFlowKept() throws Exception {
        var today = fixtures.today();
        var messages = new ArrayList<JsonNode>();
        for (int i = 0; i < 5; i++) {
            var viewed = track("replay-" + i, "Replay Viewed", at(today.minusDays(i * 40L), i));
            viewed.withObject("properties")
                    .put("category", i % 2 == 0 ? "护肤" : "彩妆")
                    .put("price", 10 + i);
            messages.add(viewed);
            var order = track("replay-" + i, "Order Completed", at(today.minusDays(i), 30 + i));
            order.withObject("properties")
                    .put("order_id", "replay-order-" + i)
                    .put("total", 100 + i)
                    .putArray("products")
                    .addObject()
                    .put("product_id", "p-replay")
                    .put("category", "护肤")
                    .put("price", 50)
                    .put("quantity", 2);
            messages.add(order);
        }
        fixtures.send(messages);
        var rows = "select customer_id, key_id, day, count, sum, min, max from audience.activity order by 1, 2, 3";
        var kept = jdbc.queryForList(rows);
        scheduled.refreshRfmIfPurchased(); // RFM scored now, as the rebuild will
        var index = current.index().read(() -> current.index().fingerprint());
        // behaviour that was never kept for these events, as for events stored before the audience kept any
        jdbc.update("delete from audience.activity where customer_id = ?", fixtures.customer("replay-1"));
        jdbc.update("delete from audience.activity where key_id % 3 = 0");

        var started = admin().post("/api/v1/audience/activity/rebuild", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = admin().get("/api/v1/audience/activity/rebuild").json();
            assertThat(System.nanoTime()).as("rebuild done").isLessThan(deadline);
        } while (!status.get("state").asString().equals("done")
                && !status.get("state").asString().equals("failed"));
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("done");
        fixtures.awaitReady();

        assertThat(jdbc.queryForList(rows)).isEqualTo(kept);
        assertThat(current.index().read(() -> current.index().fingerprint())).isEqualTo(index);
        assertThat(status.get("rows").asLong()).isEqualTo(kept.size());
    }

    @Test
    void aKeyCreatedForABatchThatRollsBackStaysKnown() {
        var touch = viewed("rollback-1", "rollback-1", "Rolled Back Viewed", 1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            profiles.record(List.of(touch));
            status.setRollbackOnly();
        });
        // the key the batch created is in PostgreSQL: the id the engine learnt for it exists
        assertThat(jdbc.queryForObject(
                        "select count(*) from audience.activity_key where event = 'Rolled Back Viewed'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aCustomerFirstSeenThroughABatchOfViewsHasEveryFact() {
        fixtures.send(track("views-only-1", "Only Viewed", at(fixtures.today(), 1)));
        // a view changes neither traits nor orders, yet a customer new to the index holds every fact
        assertThat(count("""
                {"type":"all","conditions":[{"type":"event","event":"Only Viewed"},
                  {"type":"fact","fact":"order_count","operator":"equals","value":0},
                  {"type":"fact","fact":"total_spent","operator":"equals","value":0},
                  {"type":"fact","fact":"event_count","operator":"equals","value":1}]}""")).isEqualTo(1);
        fixtures.send(track("views-only-1", "Only Viewed", at(fixtures.today(), 2)));
        assertThat(count("""
                {"type":"all","conditions":[{"type":"event","event":"Only Viewed"},
                  {"type":"fact","fact":"order_count","operator":"equals","value":0},
                  {"type":"fact","fact":"event_count","operator":"equals","value":2}]}""")).isEqualTo(1);
    }

    /** A track as ingestion hands it to the customers module, for recording without the pipeline. */
    private Touch viewed(String messageId, String userId, String event, int minute) {
        return new Touch(
                messageId,
                TouchType.TRACK,
                event,
                userId,
                null,
                null,
                null,
                HttpFixtures.JSON.createObjectNode(),
                HttpFixtures.JSON.createObjectNode(),
                HttpFixtures.JSON.createObjectNode(),
                at(fixtures.today(), minute),
                clock.instant());
    }

    private String sendView(String userId) {
        fixtures.send(track(userId, "Signal Viewed", at(fixtures.today(), 1)));
        return userId;
    }

    /** The events of one kind received since the signals were last cleared. */
    private <E> Stream<E> signalled(Class<E> kind) {
        return signals.received.stream()
                .map(AudienceTestConfiguration.Signals.Received::event)
                .filter(kind::isInstance)
                .map(kind::cast);
    }

    private List<Long> entered(long segment) {
        return signalled(CustomerEnteredSegment.class)
                .filter(e -> e.segmentId() == segment)
                .map(e -> e.customerId().value())
                .toList();
    }

    private List<Long> left(long segment) {
        return signalled(CustomerLeftSegment.class)
                .filter(e -> e.segmentId() == segment)
                .map(e -> e.customerId().value())
                .toList();
    }

    private List<Integer> members(long segment) {
        return current.index().read(() -> {
            var members = current.index().segment(segment);
            return members == null
                    ? List.<Integer>of()
                    : IntStream.of(members.toArray()).boxed().toList();
        });
    }

    /** Creates a tag and answers its id. */
    private long createTag(String tag) {
        return admin().post("/api/v1/tags", tag).json().get("id").asLong();
    }

    private HttpFixtures.Response assignCsv(long tag, String csv) {
        return admin().post("/api/v1/tags/" + tag + "/assignments", csv, "text/csv");
    }

    @Test
    void csvAssignmentsReadQuotedValues() {
        people("quoted-", 2, "南通");
        var tier = createTag("{\"name\":\"南通 tier\",\"kind\":\"VALUE\"}");

        var quoted =
                assignCsv(tier, "customer,value\n\"user_id:quoted-0\",\"gold, since 2024\"\nuser_id:quoted-1,silver\n");

        assertThat(quoted.status()).as(quoted.body()).isEqualTo(200);
        assertThat(quoted.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(quoted.json().get("unknown")).isEmpty();
        assertThat(
                        count(
                                "{\"type\":\"tag\",\"tag\":\"南通 tier\",\"operator\":\"equals\",\"value\":\"gold, since 2024\"}"))
                .isEqualTo(1);
    }

    @Test
    void aCsvThatCannotBeReadIsRefusedBeforeAssigningAnything() {
        people("unread-", 3, "盐城");
        var tier = createTag("{\"name\":\"盐城 tier\",\"kind\":\"VALUE\"}");
        assignCsv(tier, "user_id:unread-0,gold\nuser_id:unread-1,silver\n");

        var unclosed = assignCsv(tier, "user_id:unread-2,bronze\n\"user_id:unread-1,bronze\n");
        assertThat(unclosed.status()).as(unclosed.body()).isEqualTo(400);
        var error = unclosed.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("rule").asString()).isEqualTo("csv");
        assertThat(error.get("detail").asString()).startsWith("line 2: ");
        var tooMany = assignCsv(tier, "user_id:unread-2,gold,silver\n");
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("detail").asString()).startsWith("line 1: holds 3 values");

        assertThat(count("{\"type\":\"tag\",\"tag\":\"盐城 tier\"}")).isEqualTo(2);
    }

    @Test
    void csvAssignmentsAcceptWhatSpreadsheetsWrite() {
        people("sheet-", 2, "苏州");
        var tier = admin().post("/api/v1/tags", "{\"name\":\"苏州 tier\",\"kind\":\"VALUE\"}")
                .json()
                .get("id")
                .asLong();

        // a byte-order mark before a quoted first value, and empty columns after the last value
        var sheet = admin().post(
                        "/api/v1/tags/" + tier + "/assignments",
                        "\uFEFF\"user_id:sheet-0\",gold,,\r\nuser_id:sheet-1,silver,\r\n",
                        "text/csv");

        assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);
        assertThat(sheet.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(sheet.json().get("unknown")).isEmpty();
    }

    @Test
    void aManualTagIsAssignedByHandNamingTheCustomersItDoesNotKnow() {
        people("tag-", 2, "常州");
        var manual = admin().post("/api/v1/tags", "{\"name\":\"常州 VIP\",\"kind\":\"MANUAL\"}");
        assertThat(manual.status()).as(manual.body()).isEqualTo(201);

        var assigned = admin().post(
                        "/api/v1/tags/" + manual.json().get("id").asLong() + "/assignments",
                        "{\"customers\":[\"user_id:tag-0\",\"user_id:tag-1\",\"user_id:nobody\"]}");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(assigned.json().get("unknown")).hasSize(1);
        assertThat(count("{\"type\":\"tag\",\"tag\":\"常州 VIP\"}")).isEqualTo(2);
    }

    @Test
    void aValueTagIsAssignedFromACsvWithAValueForEachCustomer() {
        people("valued-", 4, "淮安");
        var tier = createTag("{\"name\":\"淮安 tier\",\"kind\":\"VALUE\"}");

        var csv = assignCsv(
                tier, "customer,value\nuser_id:valued-0,gold\nuser_id:valued-2,silver\nuser_id:valued-3,gold\n");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(count("{\"type\":\"tag\",\"tag\":\"淮安 tier\",\"operator\":\"equals\",\"value\":\"gold\"}"))
                .isEqualTo(2);
    }

    @Test
    void aRuleTagKeepsUpWithTheData() {
        people("ruled-", 4, "宿迁");
        var rule = admin().post("/api/v1/tags", """
                        {"name":"宿迁 older","kind":"RULE","rule":{"version":1,"condition":%s}}""".formatted(inCityAged("宿迁", 22)));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(count("{\"type\":\"tag\",\"tag\":\"宿迁 older\"}")).isEqualTo(2);

        var older = identify("ruled-0", at(fixtures.today(), 50));
        older.withObject("traits").put("age", 40);
        fixtures.send(older);

        assertThat(count("{\"type\":\"tag\",\"tag\":\"宿迁 older\"}")).isEqualTo(3);
    }

    @Test
    void aTagsMembersComeAPageAtATime() {
        people("paged-", 3, "连云港");
        var tag = createTag("{\"name\":\"paged tag\",\"kind\":\"MANUAL\"}");
        admin().post(
                        "/api/v1/tags/" + tag + "/assignments",
                        "{\"customers\":[\"user_id:paged-0\",\"user_id:paged-1\",\"user_id:paged-2\"]}");

        var first = admin().get("/api/v1/tags/" + tag + "/members?limit=2").json();
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        var rest = admin().get("/api/v1/tags/" + tag + "/members?limit=2&cursor="
                        + first.get("next").asString())
                .json();
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.path("next").isNull() || rest.path("next").isMissingNode())
                .isTrue();
        assertThat(admin().get("/api/v1/tags/999999/members").status()).isEqualTo(404);
    }

    @Test
    void aTagASegmentUsesCannotBeDeleted() {
        var used = createTag("{\"name\":\"used tag\",\"kind\":\"MANUAL\"}");
        fixtures.createSegment("uses used tag", condition("{\"type\":\"tag\",\"tag\":\"used tag\"}"));

        assertThat(admin().delete("/api/v1/tags/" + used).status()).isEqualTo(409);
    }

    @Test
    void aCustomersTagsHoldEveryKindOfTag() {
        people("kinds-", 1, "徐州");
        var manual = createTag("{\"name\":\"徐州 VIP\",\"kind\":\"MANUAL\"}");
        admin().post("/api/v1/tags/" + manual + "/assignments", "{\"customers\":[\"user_id:kinds-0\"]}");
        assignCsv(createTag("{\"name\":\"徐州 tier\",\"kind\":\"VALUE\"}"), "user_id:kinds-0,gold\n");
        admin().post("/api/v1/tags", """
                        {"name":"徐州 seen","kind":"RULE","rule":{"version":1,"condition":%s}}""".formatted(inCity("徐州")));

        var history = admin().get("/api/v1/customers/" + fixtures.customer("kinds-0") + "/tags")
                .json();

        assertThat(history.toString()).contains("徐州 VIP").contains("gold").contains("徐州 seen");
    }

    @Test
    void aValueTagRuleThatStopsApplyingTakesTheValueAwayEverywhere() {
        people("band-", 1, "泰州"); // age 20
        var created = admin().post("/api/v1/tags", """
                {"name":"泰州 band","kind":"VALUE","rule":[
                  {"value":"young","condition":{"type":"trait","trait":"age","operator":"less_than","value":25}}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var customer = fixtures.customer("band-0");
        assertThat(admin().get("/api/v1/customers/" + customer + "/tags")
                        .json()
                        .get("tags")
                        .toString())
                .contains("young");

        var older = identify("band-0", at(fixtures.today(), 60));
        older.withObject("traits").put("age", 40);
        fixtures.send(older);

        var tags = admin().get("/api/v1/customers/" + customer + "/tags").json();
        assertThat(tags.get("tags").toString()).doesNotContain("泰州 band");
        assertThat(tags.get("history").toString()).contains("REMOVED");
        var tagId = created.json().get("id").asLong();
        assertThat(current.index().read(() -> current.index().tag(tagId).contains((int) customer)))
                .isFalse();
    }

    @Test
    void everyCustomerIsInExactlyOneStageOfEachModel() {
        people("stage-", 5, "镇江");
        var order = track("stage-0", "Order Completed", at(fixtures.today(), 5));
        order.withObject("properties").put("order_id", "stage-order-0").put("total", 99.5);
        fixtures.send(order);
        current.index().read(() -> {
            for (var model : current.index().models()) {
                var seen = new RoaringBitmap();
                for (var members : current.index().stages(model).values()) {
                    assertThat(RoaringBitmap.and(seen, members).isEmpty())
                            .as("stages of %s overlap", model)
                            .isTrue();
                    seen.or(members);
                }
                if (!model.equals(RfmModel.MODEL)) { // RFM scores only those who bought in its window
                    assertThat(seen)
                            .as("everyone in a stage of %s", model)
                            .isEqualTo(current.index().live());
                }
            }
            return null;
        });
        assertThat(current.index().models()).contains("value", "journey");
    }

    @Test
    void aNewModelPlacesEveryoneWithoutAnnouncingEachPlacementAndAnnouncesLaterMoves() {
        var regular = identify("model-new", at(fixtures.today(), 1));
        regular.withObject("traits").put("model_new_tier", "regular");
        fixtures.send(regular);
        var customer = fixtures.customer("model-new");
        var stages = """
                [{"value":"vip","label":"VIP","condition":{"type":"trait","trait":"model_new_tier","operator":"equals",
                  "value":"vip"}},{"value":"everyone","label":"Everyone"}]""";

        var created =
                admin().put("/api/v1/lifecycle/models/quiet_new", "{\"label\":\"Quiet\",\"stages\":" + stages + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        var announced = "select count(*) from event_publication where event_type like '%CustomerChangedStage'"
                + " and serialized_event like '%quiet_new%'";
        assertThat(jdbc.queryForObject(announced, Long.class)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audience.stage_transition where model = 'quiet_new' and customer_id = ?",
                        Long.class,
                        customer))
                .isEqualTo(1);

        // a later move is announced as before
        var vip = identify("model-new", at(fixtures.today(), 2));
        vip.withObject("traits").put("model_new_tier", "vip");
        fixtures.send(vip);
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject(announced, Long.class) == 0) {
            assertThat(System.nanoTime()).as("the move to vip announced").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aBuiltInModelAnOperatorEditsStaysBuiltIn() {
        // a new label, the same stages
        var journey = admin().get("/api/v1/lifecycle/models/journey").json();
        assertThat(journey.get("builtIn").asBoolean()).isTrue();

        var edited = admin().put(
                        "/api/v1/lifecycle/models/journey",
                        "{\"label\":\"Customer journey\",\"stages\":" + journey.get("stages") + "}");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("label").asString()).isEqualTo("Customer journey");
        assertThat(edited.json().get("builtIn").asBoolean()).isTrue();
    }

    @Test
    void aMergedCustomerLeavesNoTraceAndItsTagsMoveToTheSurvivor() {
        fixtures.send(
                identify("merge-a", at(fixtures.today(), 1)),
                track("merge-a", "Merge Viewed", at(fixtures.today(), 2)));
        var anonymous = track(null, "Merge Viewed", at(fixtures.today(), 3)).put("anonymousId", "merge-anon");
        anonymous.remove("userId");
        fixtures.send(anonymous);
        var absorbed = profiles.find("anonymous_id:merge-anon").orElseThrow().value();
        var tag = admin().post("/api/v1/tags", "{\"name\":\"merge tag\",\"kind\":\"MANUAL\"}")
                .json()
                .get("id")
                .asLong();
        admin().post("/api/v1/tags/" + tag + "/assignments", "{\"customers\":[\"" + absorbed + "\"]}");
        var segment = fixtures.createSegment("merge viewers", condition("""
                {"type":"event","event":"Merge Viewed","window":{"lastDays":7}}"""));
        assertThat(members(segment)).contains((int) absorbed);

        // the anonymous visitor signs in as merge-a: one of the two profiles absorbs the other
        var link = identify("merge-a", at(fixtures.today(), 4)).put("anonymousId", "merge-anon");
        fixtures.send(link);
        var survivor = fixtures.customer("merge-a");
        var gone = survivor == absorbed
                ? profiles.find("user_id:merge-a").orElseThrow().value()
                : absorbed;
        var absorbedOrdinal = (int) (survivor == absorbed ? gone : absorbed);
        current.index().read(() -> {
            var fingerprintHolders = new ArrayList<String>();
            if (current.index().isLive(absorbedOrdinal)) {
                fingerprintHolders.add("live");
            }
            current.index().forEachSegment((id, members) -> {
                if (members.contains(absorbedOrdinal)) {
                    fingerprintHolders.add("segment " + id);
                }
            });
            current.index().forEachTag((id, members) -> {
                if (members.contains(absorbedOrdinal)) {
                    fingerprintHolders.add("tag " + id);
                }
            });
            current.index().forEachActivity((key, column) -> {
                if (column.did(null, null).contains(absorbedOrdinal)) {
                    fingerprintHolders.add("activity " + key);
                }
            });
            current.index().forEachStage((model, stage, members) -> {
                if (members.contains(absorbedOrdinal)) {
                    fingerprintHolders.add("stage " + model + "/" + stage);
                }
            });
            assertThat(fingerprintHolders)
                    .as("where the merged customer still is")
                    .isEmpty();
            return null;
        });
        assertThat(members(segment)).contains((int) survivor);
        assertThat(count("{\"type\":\"tag\",\"tag\":\"merge tag\"}")).isEqualTo(1);
        assertThat(current.index().read(() -> current.index().tag(tag).contains((int) survivor)))
                .isTrue();
    }

    private long tagged(String tag) {
        return count("{\"type\":\"tag\",\"tag\":\"" + tag + "\"}");
    }

    /**
     * A batch refreshes only the definitions that read what it changed; what they change in turn reaches the
     * definitions that refer to them (segment, then segment, then rule tag), and the index ends as a rebuild makes it.
     */
    @Test
    void batchesReachEveryDefinitionThatReadsWhatTheyChangedThroughChainsOfReferences() {
        people("chain-", 6, "湖州");
        var silver = identify("chain-5", at(fixtures.today(), 20));
        silver.withObject("traits").put("tier", "silver");
        fixtures.send(silver);
        var viewers = fixtures.createSegment("chain viewers", condition("""
                {"type":"event","event":"Chain Viewed","window":{"lastDays":7},
                 "count":{"operator":"at_least","value":2}}"""));
        var local = fixtures.createSegment("chain local viewers", condition("""
                {"type":"all","conditions":[{"type":"segment","segment":%d},
                  {"type":"trait","trait":"city","operator":"equals","value":"湖州"}]}""".formatted(viewers)));
        var others = fixtures.createSegment("chain others", condition("""
                {"type":"all","conditions":[{"type":"not","condition":{"type":"segment","segment":%d}},
                  {"type":"trait","trait":"city","operator":"equals","value":"湖州"}]}""".formatted(viewers)));
        var gold = fixtures.createSegment("chain gold", condition("""
                {"type":"trait","trait":"tier","operator":"equals","value":"gold"}"""));
        var rule = admin().post("/api/v1/tags", """
                {"name":"chain loyal","kind":"RULE","rule":{"version":1,"condition":{"type":"segment","segment":%d}}}""".formatted(local));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        assertThat(members(others)).hasSize(6);

        // behaviour only: viewers, and through them the local viewers, the others and the rule tag
        var views = new ArrayList<JsonNode>();
        for (int i = 0; i < 3; i++) {
            views.add(track("chain-" + i, "Chain Viewed", at(fixtures.today(), i)));
            views.add(track("chain-" + i, "Chain Viewed", at(fixtures.today(), 10 + i)));
        }
        fixtures.send(views);
        assertThat(members(viewers)).hasSize(3);
        assertThat(members(local)).hasSize(3);
        assertThat(members(others)).hasSize(3);
        assertThat(tagged("chain loyal")).isEqualTo(3);

        // traits only: one viewer moves away (local viewers, then the tag), another customer turns gold
        var moved = identify("chain-1", at(fixtures.today(), 30));
        moved.withObject("traits").put("city", "扬州");
        var golden = identify("chain-4", at(fixtures.today(), 31));
        golden.withObject("traits").put("tier", "gold");
        fixtures.send(moved, golden);
        assertThat(members(local)).hasSize(2);
        assertThat(tagged("chain loyal")).isEqualTo(2);
        assertThat(members(gold)).hasSize(1);
        assertThat(members(others)).hasSize(3);

        // an event no definition reads changes only facts (event count, last seen), which the lifecycle models read
        fixtures.send(track("chain-3", "Chain Other", at(fixtures.today(), 40)));
        var kept = current.index().read(() -> current.index().fingerprint());
        builder.rebuild();
        assertThat(current.index().read(() -> current.index().fingerprint())).isEqualTo(kept);
    }

    @Test
    void aRebuildFromPostgresqlGivesTheIndexKeptCurrentEventByEvent() {
        people("rebuild-", 20, "扬州");
        var messages = new ArrayList<JsonNode>();
        for (int i = 0; i < 20; i++) {
            messages.add(
                    track("rebuild-" + i, "Rebuild Viewed", at(fixtures.today().minusDays(i % 5), i)));
        }
        fixtures.send(messages);
        fixtures.createSegment("rebuild viewers", condition("""
                {"type":"event","event":"Rebuild Viewed","window":{"lastDays":3},
                 "count":{"operator":"at_least","value":1}}"""));
        var tag = admin().post("/api/v1/tags", "{\"name\":\"rebuild tag\",\"kind\":\"MANUAL\"}")
                .json()
                .get("id")
                .asLong();
        admin().post("/api/v1/tags/" + tag + "/assignments", "{\"customers\":[\"user_id:rebuild-3\"]}");

        var kept = current.index().read(() -> current.index().fingerprint());
        builder.rebuild();
        var rebuilt = current.index().read(() -> current.index().fingerprint());
        assertThat(rebuilt).isEqualTo(kept);
        assertThat(kept.keySet()).anyMatch(part -> part.startsWith("activity "));
        assertThat(Set.copyOf(kept.keySet())).contains("tag " + tag);

        // customers caught up with PostgreSQL after a restart (batches that arrived during the build) come back the
        // same, even when the index had lost or never had their rows
        var ids = new java.util.HashSet<Long>();
        for (int i = 0; i < 20; i += 3) {
            ids.add(fixtures.customer("rebuild-" + i));
        }
        current.index()
                .write(() -> current.index()
                        .forgetActivity(AudienceIndex.ordinal(ids.iterator().next())));
        batches.catchUp(ids);
        batches.catchUp(ids);
        assertThat(current.index().read(() -> current.index().fingerprint())).isEqualTo(kept);
    }
}
