package io.siyu.audience.internal.index;

import io.siyu.shared.PersonalData;
import io.siyu.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The index the audience answers from: replaced by a new one at each build, so that a build starts from nothing as
 * after a restart; whether it is ready to answer; the customers whose batches arrived while it was being built; and
 * the lock that batches hold while they are applied.
 */
@Component
public class CurrentIndex {

    private final Clock clock;
    private final ZoneId zone;

    private volatile AudienceIndex index;
    private volatile boolean ready;
    private final AtomicLong loaded = new AtomicLong();
    private final Set<Long> pending = new HashSet<>();
    private volatile long buildMillis = -1;
    private volatile Instant builtAt;

    /**
     * Held by a batch from the moment it writes its activity rows until it has been applied (across its commit), and
     * by whatever reads stored rows to set them in the index (each step of a catch-up, the start of a build, the moment
     * the index becomes ready). A batch's rows are then either all in what such a reader reads and not applied again,
     * or not in it and applied after: without it, a batch committed just before a catch-up read its rows but applied
     * just after would count twice.
     */
    private final ReentrantLock batches = new ReentrantLock();

    CurrentIndex(Clock clock, Environment environment, PersonalData personalData) {
        this.clock = clock;
        this.zone = ZoneId.of(environment.getProperty("siyu.time-zone", "Asia/Shanghai"));
        this.index = new AudienceIndex(zone, personalData::contains);
    }

    public AudienceIndex index() {
        return index;
    }

    public boolean ready() {
        return ready;
    }

    /** Refuses questions while the index is being built, with how far it got. */
    public void requireReady() {
        if (!ready) {
            var problem = Problems.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "index-building",
                    "Audience index is being built",
                    "the audience index is being built (" + loaded.get() + " profiles so far); try again in a moment");
            throw new AudienceNotReady(problem);
        }
    }

    /** The index is still being built: answered 503 with a Retry-After. */
    public static final class AudienceNotReady extends RuntimeException {
        public final ProblemDetail problem;

        AudienceNotReady(ProblemDetail problem) {
            super(problem.getDetail(), null, false, false);
            this.problem = problem;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public long loadedProfiles() {
        return loaded.get();
    }

    public void loaded(int profiles) {
        loaded.addAndGet(profiles);
    }

    /** How long the last build took, null before the first is done. */
    public Long buildMillis() {
        return buildMillis < 0 ? null : buildMillis;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /**
     * Called by a batch before it writes its activity rows, in its transaction, and by whatever reads stored rows to
     * set them in the index; {@link #releaseBatches} must follow.
     */
    public void holdBatches() {
        batches.lock();
    }

    public void releaseBatches() {
        batches.unlock();
    }

    /**
     * Puts a new, empty index in place of the current one, which answers nothing from now until the new one is
     * {@link #open opened}: a batch being applied finishes with the old index, later ones wait for the build.
     */
    public AudienceIndex startBuild() {
        batches.lock();
        try {
            ready = false;
            index = new AudienceIndex(index.zone(), index.personal());
        } finally {
            batches.unlock();
        }
        loaded.set(0);
        return index;
    }

    /**
     * Notes the customers of a batch committed while the index is being built, to be caught up once it is; answers
     * whether it did (the batch is then not applied now).
     */
    public boolean deferWhileBuilding(Collection<Long> changed, Collection<Long> absorbed) {
        synchronized (pending) {
            if (ready) {
                return false;
            }
            pending.addAll(changed);
            pending.addAll(absorbed);
            return true;
        }
    }

    /**
     * Makes the new index answer and returns the customers whose batches were deferred meanwhile, to catch up.
     * Callers hold the batch lock.
     */
    public Set<Long> open() {
        synchronized (pending) {
            ready = true;
            var caughtUp = Set.copyOf(pending);
            pending.clear();
            return caughtUp;
        }
    }

    /** Records when the build that just opened the index began (in {@link System#nanoTime}) and ended. */
    public void built(long startedNanos) {
        buildMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        builtAt = clock.instant();
    }
}
