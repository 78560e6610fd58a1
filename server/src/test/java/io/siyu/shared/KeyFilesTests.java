package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTests {

    @TempDir
    Path folder;

    @Test
    void keysAreMadeOnceIntoAFileOnlyTheirOwnerReadsAndTheEnvironmentComesFirst() throws Exception {
        var file = folder.resolve("keys/test-keys.json");

        var made = KeyFiles.readOrCreate(null, file, () -> "first");
        var read = KeyFiles.readOrCreate(" ", file, () -> "second");
        var given = KeyFiles.readOrCreate("from-environment", file, () -> "third");

        assertThat(made).isEqualTo(new KeyFiles.Keys("first", true));
        assertThat(read).isEqualTo(new KeyFiles.Keys("first", false));
        assertThat(given).isEqualTo(new KeyFiles.Keys("from-environment", false));
        assertThat(Files.readString(file)).isEqualTo("first");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }
}
