package io.siyu.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;

/**
 * Key material kept apart from the database: given in an environment variable, else read from its file under the data
 * folder, else made on first start and written to that file, readable by its owner only where the file system knows
 * owners (elsewhere the folder's own permissions must protect it).
 */
public final class KeyFiles {

    private KeyFiles() {}

    /** Makes new key material, as text. */
    @FunctionalInterface
    public interface Generator {
        String generate() throws GeneralSecurityException;
    }

    /** What the key material is and whether it was made just now (then the caller tells people to back it up). */
    public record Keys(String text, boolean created) {}

    public static Keys readOrCreate(@Nullable String inEnvironment, Path file, Generator generator)
            throws IOException, GeneralSecurityException {
        if (inEnvironment != null && !inEnvironment.isBlank()) {
            return new Keys(inEnvironment, false);
        }
        if (Files.exists(file)) {
            return new Keys(Files.readString(file), false);
        }
        var text = generator.generate();
        Files.createDirectories(file.getParent());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text);
        return new Keys(text, true);
    }
}
