package io.siyu.audience.internal;

import io.siyu.access.Viewer;
import io.siyu.customers.CustomerId;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Profiles;
import io.siyu.shared.PersonalData;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audience engine: builds the in-memory index from PostgreSQL, keeps it current from every committed batch of
 * events, and keeps every derived set current with it: lifecycle stages, rule tags and segments, in an order where
 * whatever a definition refers to is brought up to date first.
 *
 * <p>Changes to a derived set are computed per batch only for the customers the batch concerned, and once a day (and
 * after a definition changes) for everyone, because conditions such as "active in the last 30 days" change as days
 * pass without any event. Each change is handed to the {@link MembershipPublisher}, which announces it to other
 * modules and persists the new members, so that changes made while Siyu was down are announced after a restart.
 */
@Component
class AudienceEngine {

    private static final Logger log = LoggerFactory.getLogger(AudienceEngine.class);

    /** Measures the applying thread's processor time. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Profiles set in the index being built at a time. */
    private static final int PROFILE_CHUNK = 10_000;

    /** Replaced by a new one at each rebuild, so that a rebuild starts from nothing, as after a restart. */
    private volatile AudienceIndex index;

    private final Profiles profiles;
    private final ActivityStore activity;
    private final DefinitionStore store;
    private final MembershipPublisher publisher;
    private final AudienceProperties properties;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate readOnly;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final AudienceMetrics metrics;

    private volatile boolean ready;
    private final AtomicLong loaded = new AtomicLong();
    private final Set<Long> pending = new HashSet<>();

    /**
     * Held by a batch from the moment it writes its activity rows until it has been applied (across its commit), and
     * by whatever reads stored rows to set them in the index (each step of a catch-up, the start of a build, the moment
     * the index becomes ready). A batch's rows are then either all in what such a reader reads and not applied again,
     * or not in it and applied after: without it, a batch committed just before a catch-up read its rows but applied
     * just after would count twice.
     */
    private final java.util.concurrent.locks.ReentrantLock batches = new java.util.concurrent.locks.ReentrantLock();

    private volatile Registry registry = Registry.EMPTY;
    private volatile RfmCalculator.Result lastRfm;
    private final AtomicBoolean purchasesArrived = new AtomicBoolean();
    private volatile long buildMillis = -1;
    private volatile java.time.Instant builtAt;

    AudienceEngine(
            Profiles profiles,
            ActivityStore activity,
            DefinitionStore store,
            MembershipPublisher publisher,
            AudienceProperties properties,
            Clock clock,
            Environment environment,
            PersonalData personalData,
            PlatformTransactionManager transactions,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            AudienceMetrics metrics) {
        this.profiles = profiles;
        this.activity = activity;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.zone = ZoneId.of(environment.getProperty("siyu.time-zone", "Asia/Shanghai"));
        this.index = new AudienceIndex(zone, personalData::contains);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * A batch of committed changes: customers whose profile or activity changed, their activity, merges, when each
     * customer's earliest message of the batch was acknowledged, how many touches the batch held, and the customers
     * whose traits, channel or consent ({@code traitsOf}) and whose orders ({@code ordersOf}) may have changed: the
     * others' are as the index holds them.
     */
    record Batch(
            Set<Long> changed,
            List<ActivityStore.Delta> deltas,
            Map<Long, Long> merges,
            Map<Long, java.time.Instant> acknowledged,
            int touches,
            Set<Long> traitsOf,
            Set<Long> ordersOf) {}

    /** The definitions the engine keeps current, parsed, in evaluation order. */
    record Registry(
            Map<Long, Derived> segments,
            Map<Long, Derived> ruleTags,
            Map<Long, Partition> valueTags,
            Map<String, Partition> models,
            Map<Long, String> tagNames,
            Map<Long, String> tagKinds,
            List<Derived> order) {
        static final Registry EMPTY =
                new Registry(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

        /** What refers to something: rule tags, segments, value-tag rules and lifecycle models, by name. */
        List<String> usersOf(java.util.function.Predicate<ConditionParser.Parsed> refers) {
            var users = new ArrayList<String>();
            for (var derived : order) {
                if (refers.test(derived.parsed())) {
                    users.add(derived.kind() + " '" + derived.name() + "' (" + derived.id() + ")");
                }
            }
            valueTags.forEach((id, partition) -> {
                if (partition.conditions().stream().anyMatch(refers)) {
                    users.add("value tag '" + partition.name() + "' (" + id + ")");
                }
            });
            models.forEach((name, partition) -> {
                if (partition.conditions().stream().anyMatch(refers)) {
                    users.add("lifecycle model '" + name + "'");
                }
            });
            return users;
        }
    }

    /** A set kept current from a condition: a segment or a rule tag. */
    record Derived(String kind, long id, String name, ConditionParser.Parsed parsed) {}

    /** An ordered list of (value, condition) with a last value for everyone else: lifecycle models, value-tag rules. */
    record Partition(String name, List<String> values, List<ConditionParser.Parsed> conditions) {}

    AudienceIndex index() {
        return index;
    }

    boolean ready() {
        return ready;
    }

    long loadedProfiles() {
        return loaded.get();
    }

    /** How the index stands: for operators and the benchmark. */
    @Schema(name = "AudienceStatus")
    record Status(
            boolean ready,
            long profilesLoaded,
            long liveCustomers,
            int activityKeys,
            long memoryBytes,
            @Nullable Long buildMillis,
            java.time.@Nullable Instant builtAt,
            int segments,
            int ruleTags,
            int valueTags,
            int lifecycleModels) {}

    Status status() {
        var registry = this.registry;
        return index.read(() -> new Status(
                ready,
                loaded.get(),
                index.live.getCardinality(),
                index.activity.size(),
                ready ? index.sizeInBytes() : 0,
                buildMillis < 0 ? null : buildMillis,
                builtAt,
                registry.segments().size(),
                registry.ruleTags().size(),
                registry.valueTags().size(),
                registry.models().size()));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Registry registry() {
        return registry;
    }

    // ---------------------------------------------------------------- building

    /** Builds the index from PostgreSQL, then every derived set; batches committed meanwhile are caught up after. */
    void rebuild() {
        var started = System.nanoTime();
        batches.lock();
        try {
            // a batch being applied finishes with the old index; later ones wait for the build (pending)
            ready = false;
            index = new AudienceIndex(index.zone(), index.personal());
        } finally {
            batches.unlock();
        }
        loaded.set(0);
        activity.loadKeys();
        // Profiles and tags on this thread (read on another), behaviour on two more: they fill separate parts of the
        // new
        // index, which nobody reads or writes before it is ready, so none takes the lock.
        var building = index;
        // behaviour in two halves (by key), so that the second core is busy once the profiles are in
        for (var keyId : activity.keyIds()) {
            building.column(keyId, activity.key(keyId).isMeasured());
        }
        var behaviourMillis = new AtomicLong();
        var behaviour = CompletableFuture.allOf(java.util.stream.IntStream.range(0, 2)
                .mapToObj(part -> CompletableFuture.runAsync(
                        () -> {
                            var from = System.nanoTime();
                            readOnly.executeWithoutResult(status -> loadActivity(building, 2, part));
                            behaviourMillis.accumulateAndGet((System.nanoTime() - from) / 1_000_000, Math::max);
                        },
                        ownThread("siyu-audience-build-behaviour-" + part)))
                .toArray(CompletableFuture[]::new));
        loadProfiles(building);
        readOnly.executeWithoutResult(status -> loadTags(null));
        var profilesMillis = (System.nanoTime() - started) / 1_000_000;
        behaviour.join();
        building.activity.values().forEach(ActivityColumn::compact);
        // the behaviour of customers merged into others (their survivors have it) leaves no trace
        var active = new RoaringBitmap();
        building.activity.values().forEach(column -> active.or(column.did(null, null)));
        var gone = RoaringBitmap.andNot(active, building.live);
        if (!gone.isEmpty()) {
            building.activity.values().forEach(column -> column.removeAll(gone));
        }
        var rfmStarted = System.nanoTime();
        var rfm = RfmCalculator.compute(jdbc, activity, RfmCalculator.settings(jdbc), today());
        var rfmMillis = (System.nanoTime() - rfmStarted) / 1_000_000;
        var derivedStarted = System.nanoTime();
        publisher.preload(index);
        var changes = new ArrayList<MembershipPublisher.Change>();
        index.write(() -> {
            reloadRegistry();
            RfmCalculator.apply(rfm, index);
            lastRfm = rfm;
            changes.addAll(refreshAll(null, Touched.everything()));
        });
        var derivedMillis = (System.nanoTime() - derivedStarted) / 1_000_000;
        // The build leaves gigabytes of short-lived garbage in the old generation (rows read, arrays outgrown). Left
        // alone, the collector clears it piecemeal with mixed pauses of tens of milliseconds (hundreds at worst) over
        // the first queries; one full collection now, before the index answers, returns it in one go.
        var collectStarted = System.nanoTime();
        System.gc();
        var collectMillis = (System.nanoTime() - collectStarted) / 1_000_000;
        // The index answers from here on. The changes found by the build (what happened while Siyu was down; on a
        // first start, where everyone stands) are announced next, before any batch applied from now on announces its
        // own: the turn to announce is taken before the first such batch can be applied.
        Set<Long> caughtUp;
        MembershipPublisher.Turn turn;
        batches.lock();
        try {
            turn = publisher.takeTurn();
            synchronized (pending) {
                ready = true;
                caughtUp = Set.copyOf(pending);
                pending.clear();
            }
        } finally {
            batches.unlock();
        }
        buildMillis = (System.nanoTime() - started) / 1_000_000;
        builtAt = clock.instant();
        var announceStarted = System.nanoTime();
        try (turn) {
            publisher.publish(changes);
        }
        var announceMillis = (System.nanoTime() - announceStarted) / 1_000_000;
        var catchUpStarted = System.nanoTime();
        if (!caughtUp.isEmpty()) {
            reloadCustomers(caughtUp);
        }
        var catchUpMillis = (System.nanoTime() - catchUpStarted) / 1_000_000;
        log.info(
                "audience index built in {} ms: {} live customers, {} activity keys, {} segments, ~{} MB "
                        + "(profiles {} ms, behaviour {} ms, RFM {} ms, segments and stages {} ms, build garbage "
                        + "collected in {} ms); then {} changes announced in {} ms and {} customers whose events "
                        + "arrived meanwhile caught up in {} ms",
                buildMillis,
                index.live.getCardinality(),
                index.activity.size(),
                registry.segments().size(),
                index.sizeInBytes() / (1024 * 1024),
                profilesMillis,
                behaviourMillis.get(),
                rfmMillis,
                derivedMillis,
                collectMillis,
                changes.stream()
                        .mapToLong(
                                c -> c.entered().getLongCardinality() + c.left().getLongCardinality())
                        .sum(),
                announceMillis,
                caughtUp.size(),
                catchUpMillis);
    }

    /**
     * Sets every live profile: read in chunks on a thread of their own while this one sets them, so that PostgreSQL
     * producing rows, the driver and the JSON parser reading them, and the index taking them overlap instead of taking
     * turns.
     */
    private void loadProfiles(AudienceIndex building) {
        var chunks = new java.util.concurrent.ArrayBlockingQueue<List<ProfileSnapshot>>(4);
        var stopped = new AtomicBoolean();
        var reader = CompletableFuture.runAsync(
                () -> {
                    try {
                        readOnly.executeWithoutResult(status -> {
                            var chunk = new ArrayList<ProfileSnapshot>(PROFILE_CHUNK);
                            profiles.forEachLive(profile -> {
                                chunk.add(profile);
                                if (chunk.size() == PROFILE_CHUNK) {
                                    hand(chunks, List.copyOf(chunk), stopped);
                                    chunk.clear();
                                }
                            });
                            hand(chunks, chunk, stopped);
                        });
                    } finally {
                        hand(chunks, LAST_CHUNK, stopped);
                    }
                },
                ownThread("siyu-audience-build-profiles"));
        try {
            for (var chunk = chunks.take(); chunk != LAST_CHUNK; chunk = chunks.take()) {
                building.applyAll(chunk);
                loaded.addAndGet(chunk.size());
            }
        } catch (InterruptedException e) {
            stopped.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the audience index", e);
        } catch (RuntimeException e) {
            stopped.set(true);
            throw e;
        }
        reader.join(); // a reading error surfaces here
    }

    /** Marks the end of the profiles read (compared by identity). */
    private static final List<ProfileSnapshot> LAST_CHUNK = new ArrayList<>();

    /** Queues a chunk of profiles for the builder, waiting while it is behind, unless it has stopped. */
    private static void hand(
            java.util.concurrent.BlockingQueue<List<ProfileSnapshot>> chunks,
            List<ProfileSnapshot> chunk,
            AtomicBoolean stopped) {
        try {
            while (!chunks.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new java.util.concurrent.CancellationException("the audience index build stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while reading profiles");
        }
    }

    private static java.util.concurrent.Executor ownThread(String name) {
        return runnable -> Thread.ofPlatform().name(name).daemon(true).start(runnable);
    }

    private void loadTags(Long customerId) {
        RowCallbackHandler add = rs -> {
            var ordinal = AudienceIndex.ordinal(rs.getLong("customer_id"));
            var tag = rs.getLong("tag_id");
            var value = rs.getString("value");
            index.write(() -> {
                if (index.live.contains(ordinal)) {
                    index.setTag(tag, ordinal, value);
                }
            });
        };
        var sql = "select tag_id, customer_id, value from audience.tag_assignment";
        if (customerId == null) {
            jdbc.query(sql, add);
        } else {
            jdbc.query(sql + " where customer_id = ?", add, customerId);
        }
    }

    /** The first day whose behaviour the index keeps per day; older days count for all time only. */
    private int firstKept() {
        return (int) today().minusDays(properties.retentionDays() - 1L).toEpochDay();
    }

    /**
     * Loads one part of the activity rows (by key) straight into an index being built, whose columns exist already;
     * measures are read only for measured keys.
     */
    private void loadActivity(AudienceIndex building, int parts, int part) {
        var firstKept = firstKept();
        // by position: customer_id, key_id, day, count, sum, min, max
        activity.forEachPart(parts, part, rs -> {
            var keyId = rs.getInt(2);
            var column = building.activity.get(keyId); // only read while the parts load
            if (column == null) {
                return; // a key created after the build started; its rows arrive through the event flow
            }
            var ordinal = AudienceIndex.ordinal(rs.getLong(1));
            var day = rs.getInt(3);
            var count = rs.getLong(4);
            long sum = 0;
            long min = 0;
            long max = 0;
            if (column.measured()) {
                sum = hundredths(rs.getBigDecimal(5));
                min = hundredths(rs.getBigDecimal(6));
                max = hundredths(rs.getBigDecimal(7));
            }
            column.load(ordinal, day >= firstKept ? day : null, count, sum, min, max);
        });
    }

    static long hundredths(BigDecimal value) {
        return value == null ? 0 : TraitColumn.hundredths(value);
    }

    // ---------------------------------------------------------------- keeping current

    /**
     * Called by a batch before it writes its activity rows, in its transaction; {@link #batchDone} must follow once it
     * has been applied or rolled back.
     */
    void batchStarted() {
        batches.lock();
    }

    void batchDone() {
        batches.unlock();
    }

    /** Applies a committed batch; called on the pipeline's thread right after the commit. */
    void apply(Batch batch) {
        var started = System.nanoTime();
        var cpu = THREADS.getCurrentThreadCpuTime();
        applyBatch(batch);
        metrics.applied(batch.touches(), System.nanoTime() - started, THREADS.getCurrentThreadCpuTime() - cpu);
    }

    private void applyBatch(Batch batch) {
        synchronized (pending) {
            if (!ready) {
                pending.addAll(batch.changed());
                pending.addAll(batch.merges().keySet());
                return;
            }
        }
        var survivors = new HashSet<>(batch.merges().values());
        var ids = new HashSet<>(batch.changed());
        ids.addAll(survivors);
        var snapshots = profiles.snapshots(ids.stream().map(CustomerId::of).toList());
        var firstKept = firstKept();
        // merges move whole histories and tags: not followed in detail
        var touched = survivors.isEmpty() ? Touched.nothing() : Touched.everything();
        index.write(() -> {
            batch.merges().keySet().forEach(absorbed -> index.forget(AudienceIndex.ordinal(absorbed)));
            if (survivors.isEmpty()) {
                index.applyAll(snapshots, touched, batch.traitsOf(), batch.ordersOf());
            } else {
                index.applyAll(snapshots, touched, null, null); // merged histories: everything of the survivors
            }
            for (var delta : batch.deltas()) {
                if (survivors.contains(delta.customerId())) {
                    continue;
                }
                var ordinal = AudienceIndex.ordinal(delta.customerId());
                if (!index.live.contains(ordinal)) {
                    continue;
                }
                var key = activity.key(delta.keyId());
                if (key.event().equals(ActivityRecorder.PURCHASE)) {
                    purchasesArrived.set(true);
                }
                touched.changed(Touched.Input.EVENT, key.event());
                var column = index.column(delta.keyId(), key.isMeasured());
                var sum = hundredths(delta.sum());
                if (delta.day() >= firstKept) {
                    column.add(
                            ordinal, delta.day(), delta.count(), sum, hundredths(delta.min()), hundredths(delta.max()));
                } else {
                    column.addEver(ordinal, delta.count(), sum, hundredths(delta.min()), hundredths(delta.max()));
                }
            }
        });
        if (!survivors.isEmpty()) {
            // survivors' stored rows now include those of the customers merged into them, and hold every row the
            // index has for them: they overwrite the index's
            var rows = activity.rowsOf(survivors);
            index.write(() -> {
                for (var survivor : survivors) {
                    var ordinal = AudienceIndex.ordinal(survivor);
                    if (index.live.contains(ordinal)) {
                        replaceActivity(ordinal, rows.getOrDefault(survivor, List.of()), firstKept);
                    } else {
                        index.activity.values().forEach(c -> c.remove(ordinal));
                    }
                }
            });
            survivors.forEach(this::loadTags);
        }
        var within = new RoaringBitmap();
        ids.forEach(id -> within.add(AudienceIndex.ordinal(id)));
        batch.merges().keySet().forEach(id -> within.add(AudienceIndex.ordinal(id)));
        var changes = new ArrayList<MembershipPublisher.Change>();
        index.write(() -> changes.addAll(refreshAll(within, touched)));
        publisher.publish(changes);
        metrics.signalled(changes, batch.acknowledged());
    }

    /**
     * Catches customers up with PostgreSQL (profiles and activity), a thousand at a time, and refreshes what depends on
     * them. Each thousand is read first and then set in one go, so that readers never see a customer half loaded; the
     * stored rows overwrite the index's (rows only ever grow, so every row the index holds is among them), and all-time
     * figures are summed from them.
     */
    void reloadCustomers(Set<Long> ids) {
        var all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            var chunk = all.subList(from, Math.min(all.size(), from + 1000));
            batches.lock();
            try {
                var snapshots =
                        profiles.snapshots(chunk.stream().map(CustomerId::of).toList());
                var rows = activity.rowsOf(chunk);
                var firstKept = firstKept();
                index.write(() -> {
                    index.applyAll(snapshots);
                    rows.forEach((customerId, customerRows) -> {
                        var ordinal = AudienceIndex.ordinal(customerId);
                        if (index.live.contains(ordinal)) {
                            replaceActivity(ordinal, customerRows, firstKept);
                        }
                    });
                });
            } finally {
                batches.unlock();
            }
            var within = new RoaringBitmap();
            chunk.forEach(id -> within.add(AudienceIndex.ordinal(id)));
            refresh(within);
        }
    }

    /** Sets a customer's activity in the index to their stored rows. Callers hold the write lock. */
    private void replaceActivity(int ordinal, List<ActivityStore.ActivityRow> rows, int firstKept) {
        var ever = new HashMap<Integer, long[]>(); // key -> count, sum, min, max
        for (var row : rows) {
            var column = index.column(row.keyId(), activity.key(row.keyId()).isMeasured());
            var sum = hundredths(row.sum());
            var min = hundredths(row.min());
            var max = hundredths(row.max());
            if (row.day() >= firstKept) {
                column.replace(ordinal, row.day(), row.count(), sum, min, max);
            }
            ever.merge(row.keyId(), new long[] {row.count(), sum, min, max}, (a, b) ->
                    new long[] {a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])});
        }
        ever.forEach((keyId, figures) ->
                index.activity.get(keyId).replace(ordinal, null, figures[0], figures[1], figures[2], figures[3]));
    }

    /** Brings every derived set up to date for {@code within} (everyone when null) and publishes the changes. */
    void refresh(RoaringBitmap within) {
        var changes = new ArrayList<MembershipPublisher.Change>();
        index.write(() -> changes.addAll(refreshAll(within, Touched.everything())));
        publisher.publish(changes);
    }

    /**
     * Brings every derived set up to date for {@code within} (everyone when null): lifecycle stages, value tags, then
     * rule tags and segments in the order of their references. Only definitions that read something {@code touched}
     * (which learns what each step changes) are evaluated. Caller holds the write lock.
     */
    private List<MembershipPublisher.Change> refreshAll(RoaringBitmap within, Touched touched) {
        var changes = new ArrayList<MembershipPublisher.Change>();
        var evaluator = evaluator();
        var scope = evaluator.scope(within); // computed once: every definition is evaluated over the same customers
        for (var model : registry.models().values()) {
            if (!touched.affectsAny(model.conditions())) {
                continue;
            }
            var moves = partition(
                    MembershipPublisher.Kind.STAGE,
                    model.name(),
                    model,
                    within,
                    scope,
                    evaluator,
                    index.stages.computeIfAbsent(model.name(), m -> new HashMap<>()));
            if (!moves.isEmpty()) {
                touched.changed(Touched.Input.STAGE, model.name());
                changes.addAll(moves);
            }
        }
        for (var entry : registry.valueTags().entrySet()) {
            if (!touched.affectsAny(entry.getValue().conditions())) {
                continue;
            }
            var values = index.tagValues.computeIfAbsent(entry.getKey(), id -> new TraitColumn());
            var bitmaps = new HashMap<String, RoaringBitmap>();
            for (var value : entry.getValue().values()) {
                bitmaps.put(value, values.equalTo(value));
            }
            var valueChanges = partition(
                    MembershipPublisher.Kind.TAG_VALUE,
                    String.valueOf(entry.getKey()),
                    entry.getValue(),
                    within,
                    scope,
                    evaluator,
                    bitmaps);
            var flags = index.tags.computeIfAbsent(entry.getKey(), id -> new RoaringBitmap());
            var gotValue = new RoaringBitmap();
            var lostValue = new RoaringBitmap();
            for (var change : valueChanges) {
                gotValue.or(change.entered());
                lostValue.or(change.left());
                change.entered().forEach((int ordinal) -> {
                    values.set(ordinal, change.value());
                    flags.add(ordinal);
                });
            }
            // customers who met no rule any more keep no value (a rule list without an "otherwise")
            var valueless = RoaringBitmap.andNot(lostValue, gotValue);
            valueless.forEach((int ordinal) -> {
                values.remove(ordinal);
                flags.remove(ordinal);
            });
            changes.addAll(valueChanges);
            if (!valueChanges.isEmpty()) {
                touched.changed(Touched.Input.TAG, entry.getKey());
            }
            if (!valueless.isEmpty()) {
                // and lose the tag in PostgreSQL too, with a REMOVED line in their tag history
                changes.add(new MembershipPublisher.Change(
                        MembershipPublisher.Kind.TAG,
                        String.valueOf(entry.getKey()),
                        null,
                        new RoaringBitmap(),
                        valueless));
            }
        }
        for (var derived : registry.order()) {
            if (!touched.affects(derived.parsed().condition())) {
                continue;
            }
            var target = derived.kind().equals("tag")
                    ? index.tags.computeIfAbsent(derived.id(), id -> new RoaringBitmap())
                    : index.segments.computeIfAbsent(derived.id(), id -> new RoaringBitmap());
            var fresh = evaluator.evaluateIn(derived.parsed().condition(), scope);
            var before = within == null ? target.clone() : RoaringBitmap.and(target, within);
            var entered = RoaringBitmap.andNot(fresh, before);
            var left = RoaringBitmap.andNot(before, fresh);
            if (!entered.isEmpty() || !left.isEmpty()) {
                if (derived.kind().equals("tag")) {
                    touched.changed(Touched.Input.TAG, derived.id());
                } else {
                    touched.changed(Touched.Input.SEGMENT, derived.id());
                }
                target.andNot(left);
                target.or(entered);
                changes.add(new MembershipPublisher.Change(
                        derived.kind().equals("tag") ? MembershipPublisher.Kind.TAG : MembershipPublisher.Kind.SEGMENT,
                        String.valueOf(derived.id()),
                        null,
                        entered,
                        left));
            }
        }
        return changes;
    }

    /**
     * Assigns everyone in {@code within} (or everyone) to the first value whose condition they meet, the last value
     * otherwise, and returns the moves as one change per value (entered) with the values they left. {@code scope} is
     * the live customers among them, which the refresh computed once.
     */
    private List<MembershipPublisher.Change> partition(
            MembershipPublisher.Kind kind,
            String name,
            Partition partition,
            RoaringBitmap within,
            RoaringBitmap scope,
            SegmentEvaluator evaluator,
            Map<String, RoaringBitmap> bitmaps) {
        var remaining = scope.clone();
        var asked = within == null ? index.live : within; // only read
        var changes = new ArrayList<MembershipPublisher.Change>();
        for (int i = 0; i < partition.values().size(); i++) {
            var value = partition.values().get(i);
            var condition =
                    i < partition.conditions().size() ? partition.conditions().get(i) : null;
            var members =
                    condition == null ? remaining.clone() : evaluator.evaluateIn(condition.condition(), remaining);
            remaining.andNot(members);
            var bitmap = bitmaps.computeIfAbsent(value, v -> new RoaringBitmap());
            var before = RoaringBitmap.and(bitmap, asked);
            var entered = RoaringBitmap.andNot(members, before);
            var left = RoaringBitmap.andNot(before, members);
            bitmap.andNot(left);
            bitmap.or(entered);
            if (!entered.isEmpty() || !left.isEmpty()) {
                changes.add(new MembershipPublisher.Change(kind, name, value, entered, left));
            }
        }
        return changes;
    }

    SegmentEvaluator evaluator() {
        return new SegmentEvaluator(index, activity::id, today());
    }

    // ---------------------------------------------------------------- definitions

    /** Reads every definition again and orders them; caller holds the write lock. */
    void reloadRegistry() {
        var catalog = catalog(true);
        var tagNames = new HashMap<Long, String>();
        var tagKinds = new HashMap<Long, String>();
        var storedTags = store.tags();
        storedTags.forEach(tag -> {
            tagNames.put(tag.id(), tag.name());
            tagKinds.put(tag.id(), tag.kind());
        });
        registry = new Registry(Map.of(), Map.of(), Map.of(), Map.of(), tagNames, tagKinds, List.of());
        var models = new LinkedHashMap<String, Partition>();
        for (var model : store.models()) {
            try {
                models.put(model.name(), partition(model.name(), model.stages(), catalog));
            } catch (RuntimeException e) {
                log.warn("lifecycle model {} has a definition that no longer parses: {}", model.name(), e.getMessage());
            }
        }
        var valueTags = new LinkedHashMap<Long, Partition>();
        var ruleTags = new LinkedHashMap<Long, Derived>();
        for (var tag : storedTags) {
            try {
                if (tag.kind().equals("RULE") && tag.rule() != null) {
                    ruleTags.put(
                            tag.id(),
                            new Derived("tag", tag.id(), tag.name(), ConditionParser.parse(tag.rule(), catalog)));
                } else if (tag.kind().equals("VALUE") && tag.rule() != null) {
                    valueTags.put(tag.id(), partition(tag.name(), tag.rule(), catalog));
                }
            } catch (RuntimeException e) {
                log.warn(
                        "tag {} ({}) has a definition that no longer parses: {}", tag.id(), tag.name(), e.getMessage());
            }
        }
        var segments = new LinkedHashMap<Long, Derived>();
        for (var segment : store.segments()) {
            try {
                segments.put(
                        segment.id(),
                        new Derived(
                                "segment",
                                segment.id(),
                                segment.name(),
                                ConditionParser.parse(segment.definition(), catalog)));
            } catch (RuntimeException e) {
                log.warn(
                        "segment {} ({}) has a definition that no longer parses: {}",
                        segment.id(),
                        segment.name(),
                        e.getMessage());
            }
        }
        var order = SegmentOrder.of(ruleTags, segments);
        // stages that a model no longer has, and models that are gone, hold nobody
        index.stages.keySet().removeIf(model -> !model.equals(RfmModel.MODEL) && !models.containsKey(model));
        models.forEach((name, model) -> {
            var stages = index.stages.get(name);
            if (stages != null) {
                stages.keySet().retainAll(model.values());
            }
        });
        registry = new Registry(segments, ruleTags, valueTags, models, tagNames, tagKinds, order);
        index.segments.keySet().retainAll(segments.keySet());
    }

    private Partition partition(String name, JsonNode stages, ConditionParser.Catalog catalog) {
        var values = new ArrayList<String>();
        var conditions = new ArrayList<ConditionParser.Parsed>();
        for (var stage : stages) {
            values.add(stage.path("value").asString());
            if (stage.hasNonNull("condition")) {
                var definition = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                definition.put("version", ConditionParser.VERSION);
                definition.set("condition", stage.get("condition"));
                conditions.add(ConditionParser.parse(definition, catalog));
            }
        }
        return new Partition(name, values, conditions);
    }

    /** What a new definition is checked against. */
    ConditionParser.Catalog catalog() {
        return catalog(false);
    }

    /** What definitions are checked against; {@code stored} for saved ones, which data changes never break. */
    ConditionParser.Catalog catalog(boolean stored) {
        var current = registry;
        return new ConditionParser.Catalog() {
            @Override
            public boolean stored() {
                return stored;
            }

            @Override
            public boolean knowsTrait(String name) {
                return index.traits.containsKey(name);
            }

            @Override
            public ConditionParser.TraitKinds traitKinds(String name) {
                var column = index.traits.get(name);
                return column == null
                        ? new ConditionParser.TraitKinds(false, false, false, false)
                        : new ConditionParser.TraitKinds(
                                column.holdsText(),
                                column.holdsNumbers(),
                                column.holdsDates(),
                                column.holdsPersonalData());
            }

            @Override
            public boolean maySeePersonalData() {
                return Viewer.maySeePersonalData();
            }

            @Override
            public Optional<Long> tagId(String name) {
                return current.tagNames().entrySet().stream()
                        .filter(e -> e.getValue().equals(name))
                        .map(Map.Entry::getKey)
                        .findFirst();
            }

            @Override
            public boolean isValueTag(long tagId) {
                return "VALUE".equals(current.tagKinds().get(tagId));
            }

            @Override
            public boolean segmentExists(long id) {
                return current.segments().containsKey(id) || store.segment(id).isPresent();
            }

            @Override
            public boolean stageExists(String model, String stage) {
                if (model.equals(RfmModel.MODEL)) {
                    return RfmModel.GROUPS.contains(stage);
                }
                var partition = current.models().get(model);
                return partition != null && partition.values().contains(stage);
            }

            @Override
            public boolean indexedProperty(String property) {
                return properties.indexedProperties().contains(property);
            }

            @Override
            public java.util.SortedSet<String> consentCategories() {
                return AudienceEngine.this.consentCategories();
            }

            @Override
            public boolean measure(String property) {
                return properties.measures().contains(property);
            }

            @Override
            public int retentionDays() {
                return properties.retentionDays();
            }

            @Override
            public LocalDate today() {
                return AudienceEngine.this.today();
            }
        };
    }

    /** A trait customers hold, and which kinds of values it holds (what conditions on it may compare). */
    record TraitTerm(String name, boolean text, boolean numbers, boolean dates) {}

    /** The names conditions can use, as the index knows them now: for the segment builder's suggestions. */
    record Vocabulary(
            List<TraitTerm> traits,
            List<String> events,
            List<String> indexedProperties,
            List<String> measures,
            java.util.SortedSet<String> consentCategories) {}

    Vocabulary vocabulary() {
        var traits = index.read(() -> index.traits.entrySet().stream()
                .filter(entry ->
                        entry.getValue().holdsText() || entry.getValue().holdsNumbers())
                .map(entry -> new TraitTerm(
                        entry.getKey(),
                        entry.getValue().holdsText(),
                        entry.getValue().holdsNumbers(),
                        entry.getValue().holdsDates()))
                .sorted(java.util.Comparator.comparing(TraitTerm::name))
                .toList());
        var events = activity.keyIds().stream()
                .map(id -> activity.key(id).event())
                .filter(event -> !event.equals(ActivityRecorder.PURCHASE))
                .distinct()
                .sorted()
                .toList();
        return new Vocabulary(
                traits,
                events,
                List.copyOf(properties.indexedProperties()),
                List.copyOf(properties.measures()),
                consentCategories());
    }

    /** The categories of consent conditions may name: the configured ones and every one a customer decided on. */
    java.util.SortedSet<String> consentCategories() {
        var categories = new java.util.TreeSet<>(properties.consentCategories());
        index.read(() -> {
            categories.addAll(index.consentGranted.keySet());
            return categories.addAll(index.consentDenied.keySet());
        });
        return categories;
    }

    /** Publishes day-boundary changes: called shortly after midnight in the brand's zone. */
    void newDay() {
        var firstKept = firstKept();
        recomputeRfm();
        index.write(() -> index.activity.values().forEach(column -> column.forgetBefore(firstKept)));
        refresh(null);
        publisher.recordSizes(index, today());
    }

    /** Computes RFM again with the settings in force and refreshes what depends on it. */
    RfmCalculator.Result recomputeRfm() {
        var rfm = RfmCalculator.compute(jdbc, activity, RfmCalculator.settings(jdbc), today());
        index.write(() -> RfmCalculator.apply(rfm, index));
        lastRfm = rfm;
        return rfm;
    }

    /** Scores RFM again if purchases arrived since it was last computed; returns whether it did. */
    boolean refreshRfmIfPurchased() {
        if (!ready || !purchasesArrived.getAndSet(false)) {
            return false;
        }
        recomputeRfm();
        refresh(null);
        return true;
    }

    RfmCalculator.Result lastRfm() {
        return lastRfm;
    }
}
