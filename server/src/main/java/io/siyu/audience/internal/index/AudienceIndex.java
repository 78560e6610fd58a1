package io.siyu.audience.internal.index;

import io.siyu.customers.ProfileSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Every customer, in memory, as bitmaps: who is live, their facts and traits, their tags, what they did per day, and
 * the members of every segment, lifecycle stage and RFM cell. Segment questions are bitmap algebra over it.
 *
 * <p>A customer's ordinal is their profile id (profile ids come from a sequence, so they are dense). A merged profile
 * is removed from everything; its survivor carries its history. PostgreSQL stays the truth: the index is built from it
 * at start and kept current from the same transactions that change it, after they commit.
 *
 * <p>Readers share a read lock; a batch of changes takes the write lock once.
 */
public final class AudienceIndex {

    public static final String CHANNEL = "channel";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ZoneId zone;
    private final Predicate<String> personal;

    private final RoaringBitmap live = new RoaringBitmap();
    private final Map<String, BitSlicedIndex> facts = new HashMap<>();
    private final TraitColumn channel = new TraitColumn();
    private final Map<String, TraitColumn> traits = new HashMap<>();
    private final Map<Long, RoaringBitmap> tags = new HashMap<>();
    private final Map<Long, TraitColumn> tagValues = new HashMap<>();
    private final Map<Integer, ActivityColumn> activity = new HashMap<>();
    private final Map<Long, RoaringBitmap> segments = new HashMap<>();
    private final Map<String, Map<String, RoaringBitmap>> stages = new HashMap<>();
    /** Per category of consent, who granted it and who denied it; everyone else never decided. */
    private final Map<String, RoaringBitmap> consentGranted = new HashMap<>();

    private final Map<String, RoaringBitmap> consentDenied = new HashMap<>();

    /** Facts as bit-sliced indexes: counts, money in cents, times as days since 1970 in the brand's time zone. */
    public enum Fact {
        EVENT_COUNT("event_count", Kind.NUMBER, false),
        ORDER_COUNT("order_count", Kind.NUMBER, true),
        TOTAL_SPENT("total_spent", Kind.MONEY, true),
        AVERAGE_ORDER_VALUE("average_order_value", Kind.MONEY, true),
        FIRST_SEEN_AT("first_seen_at", Kind.DAY, false),
        LAST_SEEN_AT("last_seen_at", Kind.DAY, false),
        FIRST_ORDER_AT("first_order_at", Kind.DAY, true),
        LAST_ORDER_AT("last_order_at", Kind.DAY, true);

        public enum Kind {
            NUMBER,
            MONEY,
            DAY
        }

        private final String wireName;
        private final Kind kind;
        /** Whether only orders change it (commerce's order facts), not every event. */
        private final boolean ofOrders;

        Fact(String wireName, Kind kind, boolean ofOrders) {
            this.wireName = wireName;
            this.kind = kind;
            this.ofOrders = ofOrders;
        }

        /** The fact's name in conditions and in the index. */
        public String wireName() {
            return wireName;
        }

        public Kind kind() {
            return kind;
        }

        public static java.util.Optional<Fact> of(String name) {
            for (var fact : values()) {
                if (fact.wireName.equals(name)) {
                    return java.util.Optional.of(fact);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public AudienceIndex(ZoneId zone, Predicate<String> personal) {
        this.zone = zone;
        this.personal = personal;
        for (var fact : Fact.values()) {
            facts.put(fact.wireName, new BitSlicedIndex());
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** What the traits' columns take for personal data. */
    Predicate<String> personal() {
        return personal;
    }

    public <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public static int ordinal(long customerId) {
        if (customerId <= 0 || customerId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("customer id " + customerId + " is outside the index's range");
        }
        return (int) customerId;
    }

    /**
     * Sets profiles' traits and facts; a merged profile leaves the index entirely. Each fact and each trait is set for
     * all of them in one step, which reads and changes each bitmap once for the batch instead of once per customer.
     * Callers hold the write lock.
     */
    public void applyAll(java.util.Collection<ProfileSnapshot> profiles) {
        applyAll(profiles, Touched.everything(), null, null);
    }

    /**
     * As {@link #applyAll(java.util.Collection)}, noting in {@code touched} what changed, and skipping what cannot
     * have changed: the traits, channel and consent of customers outside {@code traitsOf}, and the order facts of
     * customers outside {@code ordersOf} (null: everyone's). A batch of page views and product views changes neither,
     * and most of a batch's cost would otherwise go to finding that out.
     */
    public void applyAll(
            java.util.Collection<ProfileSnapshot> profiles,
            Touched touched,
            java.util.Set<Long> traitsOf,
            java.util.Set<Long> ordersOf) {
        var byId = new java.util.TreeMap<Long, ProfileSnapshot>();
        profiles.forEach(profile -> byId.put(profile.id().value(), profile));
        var ordinals = new int[FACTS.length][byId.size()];
        var values = new long[FACTS.length][byId.size()];
        var counts = new int[FACTS.length];
        var without = new RoaringBitmap[FACTS.length]; // those who lack a fact (no orders: no order dates)
        var everyLive = new int[byId.size()];
        var everyAlive = 0;
        var liveOrdinals = new int[byId.size()]; // those whose traits, channel and consent are set
        var liveProfiles = new ProfileSnapshot[byId.size()];
        var alive = 0;
        var joinedOrLeft = false;
        for (var profile : byId.values()) {
            var ordinal = ordinal(profile.id().value());
            if (profile.mergedInto() != null) {
                forget(ordinal);
                joinedOrLeft = true;
                continue;
            }
            everyLive[everyAlive++] = ordinal;
            // a customer new to the index gets everything, whatever the batch says
            var known = live.contains(ordinal);
            if (!known || traitsOf == null || traitsOf.contains(profile.id().value())) {
                liveOrdinals[alive] = ordinal;
                liveProfiles[alive++] = profile;
            }
            var figures = facts(profile);
            var ordersMayHaveChanged =
                    !known || ordersOf == null || ordersOf.contains(profile.id().value());
            for (var fact : FACTS) {
                if (fact.ofOrders && !ordersMayHaveChanged) {
                    continue;
                }
                var value = figures[fact.ordinal()];
                var f = fact.ordinal();
                if (value == NONE) {
                    if (without[f] == null) {
                        without[f] = new RoaringBitmap();
                    }
                    without[f].add(ordinal);
                } else {
                    ordinals[f][counts[f]] = ordinal;
                    values[f][counts[f]++] = value;
                }
            }
        }
        var wasLive = live.getLongCardinality();
        live.or(RoaringBitmap.bitmapOf(java.util.Arrays.copyOf(everyLive, everyAlive)));
        if (joinedOrLeft || live.getLongCardinality() != wasLive) {
            touched.all(); // who is live changed: every definition's NOT and "otherwise" with it
        }
        for (var fact : FACTS) {
            var f = fact.ordinal();
            var index = facts.get(fact.wireName);
            var removed = without[f] != null && index.removeAll(without[f]);
            if (index.setAll(ordinals[f], values[f], counts[f]) || removed) {
                touched.changed(Touched.Input.FACT, fact.wireName);
            }
        }
        if (alive > 0) {
            setTraits(liveOrdinals, liveProfiles, alive, touched);
            setConsents(liveOrdinals, liveProfiles, alive, touched);
        }
    }

    private static final Fact[] FACTS = Fact.values();

    /** Stands for a fact a profile does not have (no orders yet: no average, no order dates). */
    private static final long NONE = Long.MIN_VALUE;

    /** A profile's facts in the order of {@link Fact}; {@link #NONE} where it has none. */
    private long[] facts(ProfileSnapshot profile) {
        var figures = new long[FACTS.length];
        figures[Fact.EVENT_COUNT.ordinal()] = profile.eventCount();
        figures[Fact.ORDER_COUNT.ordinal()] = profile.orderCount();
        figures[Fact.TOTAL_SPENT.ordinal()] = cents(profile.totalSpent());
        figures[Fact.AVERAGE_ORDER_VALUE.ordinal()] = profile.orderCount() == 0
                ? NONE
                : cents(profile.totalSpent()
                        .divide(BigDecimal.valueOf(profile.orderCount()), 2, RoundingMode.HALF_EVEN));
        figures[Fact.FIRST_SEEN_AT.ordinal()] = dayOrNone(profile.firstSeenAt());
        figures[Fact.LAST_SEEN_AT.ordinal()] = dayOrNone(profile.lastSeenAt());
        figures[Fact.FIRST_ORDER_AT.ordinal()] = dayOrNone(profile.firstOrderAt());
        figures[Fact.LAST_ORDER_AT.ordinal()] = dayOrNone(profile.lastOrderAt());
        return figures;
    }

    private long dayOrNone(Instant instant) {
        return instant == null ? NONE : LocalDate.ofInstant(instant, zone).toEpochDay();
    }

    /**
     * Sets the channel and every trait of live profiles ({@code ordinals} ascending): a trait column at a time, for all
     * of them at once, each column learning which of them hold which value and which (lacking the trait) none.
     */
    private void setTraits(int[] ordinals, ProfileSnapshot[] profiles, int count, Touched touched) {
        var channels = new Object[count];
        var byTrait = new HashMap<String, Object[]>();
        for (int i = 0; i < count; i++) {
            channels[i] = profiles[i].channel();
            for (var trait : profiles[i].traits().entrySet()) {
                byTrait.computeIfAbsent(trait.getKey(), name -> new Object[count])[i] = trait.getValue();
            }
        }
        if (channel.setAll(ordinals, channels, count)) {
            touched.changed(Touched.Input.FACT, CHANNEL);
        }
        var none = new Object[count]; // a trait none of them has: those who held it lose it
        traits.forEach((name, column) -> {
            if (!byTrait.containsKey(name) && column.setAll(ordinals, none, count)) {
                touched.changed(Touched.Input.TRAIT, name);
            }
        });
        byTrait.forEach((name, values) -> {
            if (traits.computeIfAbsent(name, n -> new TraitColumn(personal)).setAll(ordinals, values, count)) {
                touched.changed(Touched.Input.TRAIT, name);
            }
        });
    }

    /**
     * Sets the consent of live profiles ({@code ordinals} ascending): per category, those who granted it and those who
     * denied it, replacing what the index held for them.
     */
    private void setConsents(int[] ordinals, ProfileSnapshot[] profiles, int count, Touched touched) {
        var granted = new HashMap<String, RoaringBitmap>();
        var denied = new HashMap<String, RoaringBitmap>();
        for (int i = 0; i < count; i++) {
            var ordinal = ordinals[i];
            profiles[i]
                    .consents()
                    .forEach((category, yes) -> (yes ? granted : denied)
                            .computeIfAbsent(category, c -> new RoaringBitmap())
                            .add(ordinal));
        }
        var all = RoaringBitmap.bitmapOf(java.util.Arrays.copyOf(ordinals, count));
        var categories = new java.util.HashSet<>(consentGranted.keySet());
        categories.addAll(consentDenied.keySet());
        categories.addAll(granted.keySet());
        categories.addAll(denied.keySet());
        for (var category : categories) {
            var grantedChanged = replaceAmong(consentGranted, category, all, granted.get(category));
            var deniedChanged = replaceAmong(consentDenied, category, all, denied.get(category));
            if (grantedChanged || deniedChanged) {
                touched.changed(Touched.Input.CONSENT, category);
            }
        }
    }

    /** Makes {@code members} the members of {@code bitmaps[name]} among {@code among}; returns whether that changed. */
    private static boolean replaceAmong(
            Map<String, RoaringBitmap> bitmaps, String name, RoaringBitmap among, RoaringBitmap members) {
        var bitmap = bitmaps.get(name);
        if (bitmap == null) {
            if (members == null) {
                return false;
            }
            bitmap = new RoaringBitmap();
            bitmaps.put(name, bitmap);
        }
        var fresh = members == null ? new RoaringBitmap() : members;
        var before = RoaringBitmap.and(bitmap, among);
        if (before.equals(fresh)) {
            return false;
        }
        bitmap.andNot(before);
        bitmap.or(fresh);
        return true;
    }

    /** Removes a customer from everything (merged away or erased). Callers hold the write lock. */
    public void forget(int ordinal) {
        live.remove(ordinal);
        facts.values().forEach(index -> index.remove(ordinal));
        channel.remove(ordinal);
        traits.values().forEach(column -> column.remove(ordinal));
        tags.values().forEach(bitmap -> bitmap.remove(ordinal));
        tagValues.values().forEach(column -> column.remove(ordinal));
        activity.values().forEach(column -> column.remove(ordinal));
        segments.values().forEach(bitmap -> bitmap.remove(ordinal));
        stages.values().forEach(model -> model.values().forEach(bitmap -> bitmap.remove(ordinal)));
        consentGranted.values().forEach(bitmap -> bitmap.remove(ordinal));
        consentDenied.values().forEach(bitmap -> bitmap.remove(ordinal));
    }

    // ---------------------------------------------------------------- what the index answers

    /** The live customers: every profile not merged into another. The index's own bitmap: callers only read it. */
    public RoaringBitmap live() {
        return live;
    }

    public boolean isLive(int ordinal) {
        return live.contains(ordinal);
    }

    public int liveCount() {
        return live.getCardinality();
    }

    /** The values of a fact or of an RFM score, null when the index holds none. */
    public BitSlicedIndex fact(String name) {
        return facts.get(name);
    }

    /** Replaces the values of a fact for everyone (RFM scores). Callers hold the write lock. */
    public void replaceFact(String name, BitSlicedIndex values) {
        facts.put(name, values);
    }

    public TraitColumn channel() {
        return channel;
    }

    /** The column of a trait, null when no customer holds it. */
    public TraitColumn trait(String name) {
        return traits.get(name);
    }

    /** Every trait's column by name, read only. */
    public Map<String, TraitColumn> traits() {
        return java.util.Collections.unmodifiableMap(traits);
    }

    /** Who granted a category of consent; an empty bitmap when nobody did. Callers only read it. */
    public RoaringBitmap granted(String category) {
        return consentGranted.getOrDefault(category, new RoaringBitmap());
    }

    /** Who denied a category of consent; an empty bitmap when nobody did. Callers only read it. */
    public RoaringBitmap denied(String category) {
        return consentDenied.getOrDefault(category, new RoaringBitmap());
    }

    /** The categories of consent some customer decided on. */
    public java.util.Set<String> consentCategories() {
        var categories = new java.util.HashSet<>(consentGranted.keySet());
        categories.addAll(consentDenied.keySet());
        return categories;
    }

    /** Who holds a tag, null when the index holds nobody for it. Callers only read it. */
    public RoaringBitmap tag(long tagId) {
        return tags.get(tagId);
    }

    /** The values of a value tag, null when the index holds none. */
    public TraitColumn tagValues(long tagId) {
        return tagValues.get(tagId);
    }

    /** Who holds a tag, created empty when missing, for a refresh to change. Callers hold the write lock. */
    public RoaringBitmap tagToChange(long tagId) {
        return tags.computeIfAbsent(tagId, id -> new RoaringBitmap());
    }

    /** The values of a value tag, created empty when missing, for a refresh to change. Callers hold the write lock. */
    public TraitColumn tagValuesToChange(long tagId) {
        return tagValues.computeIfAbsent(tagId, id -> new TraitColumn());
    }

    /** Forgets a deleted tag. Callers hold the write lock. */
    public void forgetTag(long tagId) {
        tags.remove(tagId);
        tagValues.remove(tagId);
    }

    /** Every tag's holders, read only. */
    public void forEachTag(java.util.function.BiConsumer<Long, RoaringBitmap> visitor) {
        tags.forEach(visitor);
    }

    /** The members of a segment, null when the index holds none. Callers only read it. */
    public RoaringBitmap segment(long id) {
        return segments.get(id);
    }

    /** A copy of the members of a segment (empty when the index holds none), read under the read lock. */
    public RoaringBitmap segmentMembers(long id) {
        return read(() -> {
            var members = segments.get(id);
            return members == null ? new RoaringBitmap() : members.clone();
        });
    }

    /** The members of a segment, created empty when missing, for a refresh to change. Callers hold the write lock. */
    public RoaringBitmap segmentToChange(long id) {
        return segments.computeIfAbsent(id, key -> new RoaringBitmap());
    }

    /** Sets the members of a segment (new, or as last saved). Callers hold the write lock. */
    public void putSegment(long id, RoaringBitmap members) {
        segments.put(id, members);
    }

    public void removeSegment(long id) {
        segments.remove(id);
    }

    /** Forgets every segment not among {@code ids}. Callers hold the write lock. */
    public void retainSegments(java.util.Set<Long> ids) {
        segments.keySet().retainAll(ids);
    }

    /** How many segments the index holds members for. */
    public int segmentCount() {
        return segments.size();
    }

    /** Every segment's members, read only. */
    public void forEachSegment(java.util.function.BiConsumer<Long, RoaringBitmap> visitor) {
        segments.forEach(visitor);
    }

    /** The members of a stage of a lifecycle model (or of an RFM group), null when the index holds none. */
    public RoaringBitmap stage(String model, String stage) {
        var byStage = stages.get(model);
        return byStage == null ? null : byStage.get(stage);
    }

    /** The models (and RFM) whose stages the index holds. */
    public java.util.Set<String> models() {
        return java.util.Collections.unmodifiableSet(stages.keySet());
    }

    /** The stages of a model with their members, read only; empty when the index holds none. */
    public Map<String, RoaringBitmap> stages(String model) {
        return java.util.Collections.unmodifiableMap(stages.getOrDefault(model, Map.of()));
    }

    /** The stage of a model a customer is in, if any. */
    public java.util.Optional<String> stageOf(String model, int ordinal) {
        return stages.getOrDefault(model, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().contains(ordinal))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The stages of a model, created empty when missing, for a refresh to move customers between (a stage missing
     * from it is added by the refresh). Callers hold the write lock.
     */
    public Map<String, RoaringBitmap> stagesToChange(String model) {
        return stages.computeIfAbsent(model, m -> new HashMap<>());
    }

    /** Sets the members of a stage as last saved. Callers hold the write lock. */
    public void putStage(String model, String stage, RoaringBitmap members) {
        stages.computeIfAbsent(model, m -> new HashMap<>()).put(stage, members);
    }

    /** Replaces every stage of a model (RFM's groups). Callers hold the write lock. */
    public void replaceStages(String model, Map<String, RoaringBitmap> members) {
        stages.put(model, members);
    }

    /** Forgets the models that are gone. Callers hold the write lock. */
    public void removeModelsIf(Predicate<String> gone) {
        stages.keySet().removeIf(gone);
    }

    /** Forgets the stages a model no longer has. Callers hold the write lock. */
    public void retainStages(String model, java.util.Collection<String> kept) {
        var byStage = stages.get(model);
        if (byStage != null) {
            byStage.keySet().retainAll(kept);
        }
    }

    /** Receives the members of one stage of one model. */
    @FunctionalInterface
    public interface StageVisitor {
        void accept(String model, String stage, RoaringBitmap members);
    }

    /** Every stage of every model with its members, read only. */
    public void forEachStage(StageVisitor visitor) {
        stages.forEach((model, byStage) -> byStage.forEach((stage, members) -> visitor.accept(model, stage, members)));
    }

    /** The column of an activity key, null when the index has none. */
    public ActivityColumn activity(int keyId) {
        return activity.get(keyId);
    }

    /** The column of an activity key, created empty when missing. Callers hold the write lock. */
    public ActivityColumn activityToChange(int keyId, boolean measured) {
        return activity.computeIfAbsent(keyId, id -> new ActivityColumn(measured));
    }

    /** How many activity keys the index holds columns for. */
    public int activityKeys() {
        return activity.size();
    }

    /** Every activity key's column, read only. */
    public void forEachActivity(java.util.function.BiConsumer<Integer, ActivityColumn> visitor) {
        activity.forEach(visitor);
    }

    /** Removes a customer's behaviour under every key. Callers hold the write lock. */
    public void forgetActivity(int ordinal) {
        activity.values().forEach(column -> column.remove(ordinal));
    }

    /** Drops the per-day figures of days before {@code firstKept}; all-time figures stay. Callers hold the write lock. */
    public void forgetActivityBefore(int firstKept) {
        activity.values().forEach(column -> column.forgetBefore(firstKept));
    }

    /**
     * Finishes loading behaviour into a new index: each day's rows are sorted once, and the behaviour of customers who
     * are not live (merged into others, whose survivors have it) leaves no trace.
     */
    public void finishActivityLoad() {
        activity.values().forEach(ActivityColumn::compact);
        var active = new RoaringBitmap();
        activity.values().forEach(column -> active.or(column.did(null, null)));
        var gone = RoaringBitmap.andNot(active, live);
        if (!gone.isEmpty()) {
            activity.values().forEach(column -> column.removeAll(gone));
        }
    }

    /**
     * A digest of what the index holds, part by part (see {@link IndexFingerprint}); the caller holds at least the
     * read lock.
     */
    public Map<String, String> fingerprint() {
        var parts = new IndexFingerprint();
        parts.bitmap("live", live);
        facts.forEach((name, values) -> parts.numbers("fact " + name, values));
        parts.text("channel", channel);
        traits.forEach((name, column) -> parts.text("trait " + name, column));
        consentGranted.forEach((category, members) -> parts.bitmap("consent granted " + category, members));
        consentDenied.forEach((category, members) -> parts.bitmap("consent denied " + category, members));
        tags.forEach((id, members) -> parts.bitmap("tag " + id, members));
        tagValues.forEach((id, column) -> parts.text("tag value " + id, column));
        activity.forEach((key, column) -> parts.activity("activity " + key, column));
        segments.forEach((id, members) -> parts.bitmap("segment " + id, members));
        forEachStage((model, stage, members) -> parts.bitmap("stage " + model + "/" + stage, members));
        return parts.digests();
    }

    public static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    public void setTag(long tagId, int ordinal, String value) {
        tags.computeIfAbsent(tagId, id -> new RoaringBitmap()).add(ordinal);
        if (value != null && !value.isEmpty()) {
            tagValues.computeIfAbsent(tagId, id -> new TraitColumn()).set(ordinal, value);
        }
    }

    public void removeTag(long tagId, int ordinal) {
        var bitmap = tags.get(tagId);
        if (bitmap != null) {
            bitmap.remove(ordinal);
        }
        var values = tagValues.get(tagId);
        if (values != null) {
            values.remove(ordinal);
        }
    }

    /** The approximate heap the index takes, in bytes. */
    public long sizeInBytes() {
        return read(() -> {
            long bytes = live.getLongSizeInBytes() + channel.sizeInBytes();
            for (var index : facts.values()) {
                bytes += index.sizeInBytes();
            }
            for (var column : traits.values()) {
                bytes += column.sizeInBytes();
            }
            for (var bitmap : tags.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
            for (var column : tagValues.values()) {
                bytes += column.sizeInBytes();
            }
            for (var column : activity.values()) {
                bytes += column.sizeInBytes();
            }
            for (var bitmap : segments.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
            for (var bitmap : consentGranted.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
            for (var bitmap : consentDenied.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
            for (var model : stages.values()) {
                for (var bitmap : model.values()) {
                    bytes += bitmap.getLongSizeInBytes();
                }
            }
            return bytes;
        });
    }
}
