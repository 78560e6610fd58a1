package io.siyu.platform.internal.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by a Siyu process that died without shutting it down (killed, power loss of
 * the JVM only). The embedded server is a child process that outlives a killed JVM; it holds the data folder, so a
 * restart must stop it first. A server still owned by a live Siyu (which holds the folder's lock) is never touched.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final String OWNER_LOCK = "epg-lock";

    private final Path clusterDir;

    StalePostmaster(Path clusterDir) {
        this.clusterDir = clusterDir;
    }

    void stopIfOrphaned() throws IOException {
        var pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        ensureNoLiveOwner();
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().trim());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !process.get().info().command().orElse("").endsWith("postgres")) {
            return;
        }
        log.warn("stopping PostgreSQL (pid {}) left running by a previous Siyu process", pid);
        try {
            // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            var deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the previous PostgreSQL", e);
        }
        if (process.get().isAlive()) {
            throw new IOException("PostgreSQL (pid " + pid + ") in " + clusterDir + " did not stop; stop it by hand");
        }
    }

    private void ensureNoLiveOwner() throws IOException {
        var lockFile = clusterDir.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException(
                        clusterDir + " is in use by another running Siyu; stop it or use another " + "SIYU_DATA_DIR");
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IOException(clusterDir + " is already in use by this process", e);
        }
    }
}
