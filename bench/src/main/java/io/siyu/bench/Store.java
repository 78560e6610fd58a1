package io.siyu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's data, filled once under {@code bench/results/<name>} and reused by later runs: a file {@code loaded}
 * beside it says the load finished and how many seconds it took.
 */
record Store(Path dir, boolean loaded) {

    /** Fills the store. */
    interface Load {
        void run() throws Exception;
    }

    /** The store of that name: as the last complete load left it, or a fresh folder when none completed. */
    static Store named(String name) throws IOException {
        var dir = Bench.RESULTS.resolve(name);
        var loaded = Files.exists(dir.resolve("loaded"));
        return new Store(loaded ? dir : Bench.fresh(name), loaded);
    }

    /** The seconds the first load took: measured now if the store is not loaded yet, else as recorded then. */
    double loadSeconds(Load load) throws Exception {
        if (loaded) {
            return Double.parseDouble(Files.readString(dir.resolve("loaded")));
        }
        var started = System.nanoTime();
        load.run();
        var seconds = (System.nanoTime() - started) / 1e9;
        Files.writeString(dir.resolve("loaded"), Double.toString(seconds));
        return seconds;
    }

    /** Whether the run was asked only to load ({@code load-only} as the argument at that index); says so if it was. */
    static boolean onlyLoad(String[] args, int index, double loadSeconds) {
        if (args.length > index && args[index].equals("load-only")) {
            System.out.printf("store loaded in %.0f s%n", loadSeconds);
            return true;
        }
        return false;
    }
}
