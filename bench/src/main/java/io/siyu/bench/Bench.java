package io.siyu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** Where benchmarks run and where their results go. */
final class Bench {

    static final Path ROOT = locateRoot();
    static final Path RESULTS = ROOT.resolve("bench/results");
    static final Path REPORT = ROOT.resolve("docs/benchmarks.md");

    private Bench() {}

    private static Path locateRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("siyu"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run benchmarks from inside the Siyu repository");
        }
        return dir;
    }

    static String machine() {
        var cpus = Runtime.getRuntime().availableProcessors();
        var memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                / (1024L * 1024 * 1024);
        return String.format(
                Locale.ROOT,
                "%d cores, %d GiB, Java %s, %s, %s",
                cpus,
                memory,
                Runtime.version(),
                System.getProperty("os.name"),
                LocalDate.now());
    }

    /** Replaces the section of the report between the markers of {@code name} with {@code text}. */
    static void report(String name, String text) throws IOException {
        var begin = "<!-- bench:" + name + ":begin -->";
        var end = "<!-- bench:" + name + ":end -->";
        var report = Files.readString(REPORT);
        if (!report.contains(begin) || !report.contains(end)) {
            throw new IllegalStateException("docs/benchmarks.md lacks the markers of " + name);
        }
        var updated = report.substring(0, report.indexOf(begin) + begin.length()) + "\n" + text.strip() + "\n"
                + report.substring(report.indexOf(end));
        Files.writeString(REPORT, updated);
        System.out.println(text);
    }

    static Path fresh(String name) throws IOException {
        var dir = RESULTS.resolve(name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}
