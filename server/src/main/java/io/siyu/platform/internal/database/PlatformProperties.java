package io.siyu.platform.internal.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Siyu keeps its files and how it runs its embedded database.
 *
 * @param dataDir folder for the embedded database, generated keys and logs ({@code SIYU_DATA_DIR}, default
 *     {@code ./data})
 * @param embeddedDatabasePort TCP port of the embedded PostgreSQL on localhost, 0 to pick a free one
 */
@ConfigurationProperties("siyu")
record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedDatabasePort) {}
