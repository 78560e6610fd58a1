package io.siyu;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;

/**
 * The real PostgreSQL server of a test run: one server per JVM, one fresh database per Spring context. Set
 * {@code SIYU_TEST_DB_URL} (a JDBC URL of a superuser connection to any database, with {@code SIYU_TEST_DB_USER} and
 * {@code SIYU_TEST_DB_PASSWORD}) to run the suite against an external PostgreSQL 15+ instead of the embedded one.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile TestDatabase instance;

    private final String baseUrl;
    private final String user;
    private final String password;

    private TestDatabase(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static TestDatabase start() {
        var external = System.getenv("SIYU_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return new TestDatabase(
                    external, System.getenv("SIYU_TEST_DB_USER"), System.getenv("SIYU_TEST_DB_PASSWORD"));
        }
        try {
            var dir = Files.createTempDirectory("siyu-test-pg");
            var server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(Path.of(System.getProperty("java.io.tmpdir"), "siyu-test-pg-binaries")
                            .toFile())
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("shared_buffers", "256MB")
                    .setRegisterShutdownHook(false)
                    .start();
            // Spring closes the test contexts at exit; PostgreSQL stops after them, so that nothing waits for a
            // connection to a server that has gone
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return new TestDatabase(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase() {
        var name = "siyu_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var connection = DriverManager.getConnection(baseUrl, user, password);
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        var query = baseUrl.indexOf('?');
        var withoutQuery = query < 0 ? baseUrl : baseUrl.substring(0, query);
        var parameters = query < 0 ? "" : baseUrl.substring(query);
        return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + parameters;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password == null ? "" : password;
    }
}
