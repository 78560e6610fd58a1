package io.siyu;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public data sets beside the project ({@code ../shared/data} from the repository root, or {@code SIYU_SHARED_DATA}).
 * A test that needs one fails when it is missing: a skipped test would pass in CI without proving anything.
 */
public final class SharedData {

    private SharedData() {}

    public static Path file(String relative) {
        var root = System.getenv("SIYU_SHARED_DATA") != null
                ? Path.of(System.getenv("SIYU_SHARED_DATA"))
                : Path.of("..", "..", "shared", "data");
        var file = root.resolve(relative).toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the shared data file " + file + " is missing; set SIYU_SHARED_DATA to the "
                    + "folder holding the public data sets");
        }
        return file;
    }
}
