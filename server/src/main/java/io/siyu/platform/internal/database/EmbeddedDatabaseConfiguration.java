package io.siyu.platform.internal.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL server from the binaries shipped as a Maven artifact when no external database is
 * configured ({@code SIYU_DB_URL} unset), keeping its data under {@code <data-dir>/postgres} across restarts.
 *
 * <p>The library's defaults suit throw-away test databases (no fsync, asynchronous commit); Siyu turns both back on
 * because an acknowledged message must survive a crash of the machine, not only of the process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "siyu";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformProperties properties) throws IOException {
        var dataDir = properties.dataDir().toAbsolutePath().normalize();
        var clusterDir = dataDir.resolve("postgres");
        Files.createDirectories(clusterDir);
        new StalePostmaster(clusterDir).stopIfOrphaned();
        var server = EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(
                        dataDir.resolve("postgres-binaries").toFile())
                .setPort(properties.embeddedDatabasePort())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("max_connections", "200")
                .setServerConfig("wal_compression", "on")
                .setServerConfig("checkpoint_completion_target", "0.9")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        createDatabaseIfMissing(server);
        log.info("embedded PostgreSQL listens on localhost:{}, data in {}", server.getPort(), clusterDir);
        return server;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres server, Environment environment) {
        var config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", DATABASE));
        config.setPoolName("siyu");
        config.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", int.class, 20));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) throws IOException {
        try (var connection = server.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database '" + DATABASE + "'", e);
        }
    }
}
