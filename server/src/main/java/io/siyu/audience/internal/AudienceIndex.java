package io.siyu.audience.internal;

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
final class AudienceIndex {

    static final String CHANNEL = "channel";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ZoneId zone;
    private final Predicate<String> personal;

    final RoaringBitmap live = new RoaringBitmap();
    final Map<String, BitSlicedIndex> facts = new HashMap<>();
    final TraitColumn channel = new TraitColumn();
    final Map<String, TraitColumn> traits = new HashMap<>();
    final Map<Long, RoaringBitmap> tags = new HashMap<>();
    final Map<Long, TraitColumn> tagValues = new HashMap<>();
    final Map<Integer, ActivityColumn> activity = new HashMap<>();
    final Map<Long, RoaringBitmap> segments = new HashMap<>();
    final Map<String, Map<String, RoaringBitmap>> stages = new HashMap<>();
    /** Per category of consent, who granted it and who denied it; everyone else never decided. */
    final Map<String, RoaringBitmap> consentGranted = new HashMap<>();

    final Map<String, RoaringBitmap> consentDenied = new HashMap<>();

    /** Facts as bit-sliced indexes: counts, money in cents, times as days since 1970 in the brand's time zone. */
    enum Fact {
        EVENT_COUNT("event_count", Kind.NUMBER, false),
        ORDER_COUNT("order_count", Kind.NUMBER, true),
        TOTAL_SPENT("total_spent", Kind.MONEY, true),
        AVERAGE_ORDER_VALUE("average_order_value", Kind.MONEY, true),
        FIRST_SEEN_AT("first_seen_at", Kind.DAY, false),
        LAST_SEEN_AT("last_seen_at", Kind.DAY, false),
        FIRST_ORDER_AT("first_order_at", Kind.DAY, true),
        LAST_ORDER_AT("last_order_at", Kind.DAY, true);

        enum Kind {
            NUMBER,
            MONEY,
            DAY
        }

        final String wireName;
        final Kind kind;
        /** Whether only orders change it (commerce's order facts), not every event. */
        final boolean ofOrders;

        Fact(String wireName, Kind kind, boolean ofOrders) {
            this.wireName = wireName;
            this.kind = kind;
            this.ofOrders = ofOrders;
        }

        static java.util.Optional<Fact> of(String name) {
            for (var fact : values()) {
                if (fact.wireName.equals(name)) {
                    return java.util.Optional.of(fact);
                }
            }
            return java.util.Optional.empty();
        }
    }

    AudienceIndex(ZoneId zone, Predicate<String> personal) {
        this.zone = zone;
        this.personal = personal;
        for (var fact : Fact.values()) {
            facts.put(fact.wireName, new BitSlicedIndex());
        }
    }

    ZoneId zone() {
        return zone;
    }

    /** What the traits' columns take for personal data. */
    Predicate<String> personal() {
        return personal;
    }

    <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    static int ordinal(long customerId) {
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
    void applyAll(java.util.Collection<ProfileSnapshot> profiles) {
        applyAll(profiles, Touched.everything(), null, null);
    }

    /**
     * As {@link #applyAll(java.util.Collection)}, noting in {@code touched} what changed, and skipping what cannot
     * have changed: the traits, channel and consent of customers outside {@code traitsOf}, and the order facts of
     * customers outside {@code ordersOf} (null: everyone's). A batch of page views and product views changes neither,
     * and most of a batch's cost would otherwise go to finding that out.
     */
    void applyAll(
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
    void forget(int ordinal) {
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

    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    ActivityColumn column(int keyId, boolean measured) {
        return activity.computeIfAbsent(keyId, id -> new ActivityColumn(measured));
    }

    void setTag(long tagId, int ordinal, String value) {
        tags.computeIfAbsent(tagId, id -> new RoaringBitmap()).add(ordinal);
        if (value != null && !value.isEmpty()) {
            tagValues.computeIfAbsent(tagId, id -> new TraitColumn()).set(ordinal, value);
        }
    }

    void removeTag(long tagId, int ordinal) {
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
    long sizeInBytes() {
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
