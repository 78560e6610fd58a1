package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.activity.ActivityLoader;
import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import io.siyu.customers.ProfileSnapshot;
import io.siyu.customers.Profiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets what PostgreSQL holds into the index: every live profile, tag assignment and activity row into a new index,
 * and later the stored rows of customers whose batches the index could not follow (a catch-up, a merge).
 */
@Component
class IndexLoader {

    /** Profiles set in the index being built at a time. */
    private static final int PROFILE_CHUNK = 10_000;

    /** Marks the end of the profiles read (compared by identity). */
    private static final List<ProfileSnapshot> LAST_CHUNK = new ArrayList<>();

    private final CurrentIndex current;
    private final Profiles profiles;
    private final ActivityLoader activity;
    private final TagStore tags;
    private final TransactionTemplate readOnly;

    IndexLoader(
            CurrentIndex current,
            Profiles profiles,
            ActivityLoader activity,
            TagStore tags,
            PlatformTransactionManager transactions) {
        this.current = current;
        this.profiles = profiles;
        this.activity = activity;
        this.tags = tags;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** How long loading took: the profiles and tags, and the behaviour read meanwhile. */
    record Loaded(long profilesMillis, long behaviourMillis) {}

    /**
     * Loads everything stored into a new index: profiles and tags on this thread (read on another), behaviour on two
     * more. They fill separate parts of the new index, which nobody reads or writes before it is ready, so none takes
     * the lock.
     */
    Loaded load(AudienceIndex building) {
        var started = System.nanoTime();
        // behaviour in two halves (by key), so that the second core is busy once the profiles are in
        activity.prepareColumns(building);
        var behaviourMillis = new AtomicLong();
        var behaviour = CompletableFuture.allOf(IntStream.range(0, 2)
                .mapToObj(part -> CompletableFuture.runAsync(
                        () -> {
                            var from = System.nanoTime();
                            readOnly.executeWithoutResult(status -> activity.loadPart(building, 2, part));
                            behaviourMillis.accumulateAndGet((System.nanoTime() - from) / 1_000_000, Math::max);
                        },
                        ownThread("siyu-audience-build-behaviour-" + part)))
                .toArray(CompletableFuture[]::new));
        loadProfiles(building);
        readOnly.executeWithoutResult(status -> loadTags(building, null));
        var profilesMillis = (System.nanoTime() - started) / 1_000_000;
        behaviour.join();
        building.finishActivityLoad();
        return new Loaded(profilesMillis, behaviourMillis.get());
    }

    /**
     * Sets every live profile: read in chunks on a thread of their own while this one sets them, so that PostgreSQL
     * producing rows, the driver and the JSON parser reading them, and the index taking them overlap instead of taking
     * turns.
     */
    private void loadProfiles(AudienceIndex building) {
        var chunks = new ArrayBlockingQueue<List<ProfileSnapshot>>(4);
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
                current.loaded(chunk.size());
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

    /** Queues a chunk of profiles for the builder, waiting while it is behind, unless it has stopped. */
    private static void hand(
            BlockingQueue<List<ProfileSnapshot>> chunks, List<ProfileSnapshot> chunk, AtomicBoolean stopped) {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new CancellationException("the audience index build stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading profiles");
        }
    }

    private static Executor ownThread(String name) {
        return runnable -> Thread.ofPlatform().name(name).daemon(true).start(runnable);
    }

    /** Sets the tags of every customer, or of one ({@code customerId} not null), as stored. */
    private void loadTags(AudienceIndex index, Long customerId) {
        tags.forEachAssignment(customerId, (tag, customer, value) -> {
            var ordinal = AudienceIndex.ordinal(customer);
            index.write(() -> {
                if (index.isLive(ordinal)) {
                    index.setTag(tag, ordinal, value);
                }
            });
        });
    }

    /** The profiles of customers as they stand now. */
    List<ProfileSnapshot> snapshots(Collection<Long> ids) {
        return profiles.snapshots(ids.stream().map(CustomerId::of).toList());
    }

    /**
     * Catches customers up with PostgreSQL (profiles and activity). They are read first and then set in one go, so that
     * readers never see a customer half loaded; the stored rows overwrite the index's. Holds the batch lock meanwhile.
     */
    void reload(List<Long> ids) {
        current.holdBatches();
        try {
            var snapshots = snapshots(ids);
            var rows = activity.stored(ids);
            var firstKept = activity.firstKept();
            var index = current.index();
            index.write(() -> {
                index.applyAll(snapshots);
                rows.forEach((customerId, customerRows) -> {
                    var ordinal = AudienceIndex.ordinal(customerId);
                    if (index.isLive(ordinal)) {
                        activity.replace(index, ordinal, customerRows, firstKept);
                    }
                });
            });
        } finally {
            current.releaseBatches();
        }
    }

    /**
     * Sets the activity and tags of customers who absorbed others in merges to their stored rows, which now include
     * those of the customers merged into them and hold every row the index has for them.
     */
    void reloadSurvivors(Set<Long> survivors) {
        var rows = activity.stored(survivors);
        var firstKept = activity.firstKept();
        var index = current.index();
        index.write(() -> {
            for (var survivor : survivors) {
                var ordinal = AudienceIndex.ordinal(survivor);
                if (index.isLive(ordinal)) {
                    activity.replace(index, ordinal, rows.getOrDefault(survivor, List.of()), firstKept);
                } else {
                    index.forgetActivity(ordinal);
                }
            }
        });
        survivors.forEach(survivor -> loadTags(index, survivor));
    }
}
