package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.rfm.RfmCalculator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the index from PostgreSQL, then every derived set, and announces what changed since the members were last
 * saved; batches committed meanwhile are caught up after.
 */
@Component
class IndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(IndexBuilder.class);

    private final CurrentIndex current;
    private final IndexLoader loader;
    private final DerivedSets derivedSets;
    private final MembershipPublisher publisher;
    private final BatchIndexer batches;

    IndexBuilder(
            CurrentIndex current,
            IndexLoader loader,
            DerivedSets derivedSets,
            MembershipPublisher publisher,
            BatchIndexer batches) {
        this.current = current;
        this.loader = loader;
        this.derivedSets = derivedSets;
        this.publisher = publisher;
        this.batches = batches;
    }

    /** How long each step of a build took, for the log. */
    private record Timings(
            IndexLoader.Loaded loaded,
            long rfmMillis,
            long derivedMillis,
            long collectMillis,
            long announceMillis,
            long catchUpMillis) {}

    /** Builds the index from PostgreSQL, then every derived set; batches committed meanwhile are caught up after. */
    void rebuild() {
        var started = System.nanoTime();
        var building = current.startBuild();
        var loaded = loader.load(building);
        var rfmStarted = System.nanoTime();
        var rfm = derivedSets.scoreRfm();
        var rfmMillis = millisSince(rfmStarted);
        var derivedStarted = System.nanoTime();
        var changes = evaluateAgainstSavedMembers(building, rfm);
        var derivedMillis = millisSince(derivedStarted);
        var collectMillis = collectBuildGarbage();
        var opening = open();
        current.built(started);
        var announceStarted = System.nanoTime();
        try (var turn = opening.turn()) {
            publisher.publish(changes);
        }
        var announceMillis = millisSince(announceStarted);
        var catchUpStarted = System.nanoTime();
        if (!opening.caughtUp().isEmpty()) {
            batches.catchUp(opening.caughtUp());
        }
        report(
                changes,
                opening.caughtUp(),
                new Timings(
                        loaded, rfmMillis, derivedMillis, collectMillis, announceMillis, millisSince(catchUpStarted)));
    }

    /**
     * Evaluates every definition on the new index, which first takes the members last saved, so that the changes are
     * those since then (what happened while Siyu was down; on a first start, where everyone stands).
     */
    private List<MembershipPublisher.Change> evaluateAgainstSavedMembers(
            AudienceIndex building, RfmCalculator.Result rfm) {
        publisher.preload(building);
        return derivedSets.evaluateEverything(rfm);
    }

    /**
     * Collects the garbage of the build. The build leaves gigabytes of short-lived garbage in the old generation (rows
     * read, arrays outgrown). Left alone, the collector clears it piecemeal with mixed pauses of tens of milliseconds
     * (hundreds at worst) over the first queries; one full collection now, before the index answers, returns it in one
     * go.
     */
    private static long collectBuildGarbage() {
        var started = System.nanoTime();
        System.gc();
        return millisSince(started);
    }

    /** The turn to announce the build's changes, and the customers whose batches arrived during the build. */
    private record Opening(MembershipPublisher.Turn turn, Set<Long> caughtUp) {}

    /**
     * Makes the index answer. The changes found by the build are announced next, before any batch applied from now on
     * announces its own: the turn to announce is taken before the first such batch can be applied.
     */
    private Opening open() {
        current.holdBatches();
        try {
            var turn = publisher.takeTurn();
            return new Opening(turn, current.open());
        } finally {
            current.releaseBatches();
        }
    }

    private void report(List<MembershipPublisher.Change> changes, Set<Long> caughtUp, Timings timings) {
        var index = current.index();
        log.info(
                "audience index built in {} ms: {} live customers, {} activity keys, {} segments, ~{} MB "
                        + "(profiles {} ms, behaviour {} ms, RFM {} ms, segments and stages {} ms, build garbage "
                        + "collected in {} ms); then {} changes announced in {} ms and {} customers whose events "
                        + "arrived meanwhile caught up in {} ms",
                current.buildMillis(),
                index.liveCount(),
                index.activityKeys(),
                index.read(index::segmentCount),
                index.sizeInBytes() / (1024 * 1024),
                timings.loaded().profilesMillis(),
                timings.loaded().behaviourMillis(),
                timings.rfmMillis(),
                timings.derivedMillis(),
                timings.collectMillis(),
                changes.stream()
                        .mapToLong(
                                c -> c.entered().getLongCardinality() + c.left().getLongCardinality())
                        .sum(),
                timings.announceMillis(),
                caughtUp.size(),
                timings.catchUpMillis());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
