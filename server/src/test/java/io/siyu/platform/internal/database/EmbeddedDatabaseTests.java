package io.siyu.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of {@code ./siyu run}: durable, persistent, and recovering from a killed Siyu. */
class EmbeddedDatabaseTests {

    @TempDir
    Path dataDir;

    final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    PlatformProperties properties() {
        return new PlatformProperties(dataDir, 0);
    }

    static String query(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, String sql) throws SQLException {
        try (var connection = server.getDatabase("postgres", EmbeddedDatabaseConfiguration.DATABASE)
                        .getConnection();
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void acknowledgedWritesAreDurable() throws Exception {
        try (var server = configuration.embeddedPostgres(properties())) {
            assertThat(query(server, "show fsync")).isEqualTo("on");
            assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(server, "show full_page_writes")).isEqualTo("on");
            assertThat(query(server, "show listen_addresses")).isEqualTo("localhost");
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        try (var server = configuration.embeddedPostgres(properties());
                var connection = server.getDatabase("postgres", "siyu").getConnection()) {
            connection
                    .createStatement()
                    .execute("create table kept (value text); insert into kept values ('still here')");
        }
        try (var server = configuration.embeddedPostgres(properties())) {
            assertThat(query(server, "select value from kept")).isEqualTo("still here");
        }
    }

    @Test
    void aPostgresLeftBehindByAKilledSiyuIsStoppedBeforeTheNextStart() throws Exception {
        Path pgCtl;
        try (var server = configuration.embeddedPostgres(properties());
                var connection = server.getDatabase("postgres", "siyu").getConnection()) {
            connection
                    .createStatement()
                    .execute("create table kept (value text); insert into kept values ('survived')");
            pgCtl = pgCtlOf(dataDir.resolve("postgres"));
        }
        // a Siyu process killed with SIGKILL leaves its PostgreSQL running on the cluster
        var cluster = dataDir.resolve("postgres");
        var command = new java.util.ArrayList<String>();
        if (new ProcessBuilder("unshare", "-U", "true").start().waitFor() == 0) {
            // as the library does: PostgreSQL refuses to run as root, a user namespace makes it unprivileged
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                cluster.toString(),
                "-o",
                "-p " + freePort() + " -c listen_addresses=localhost",
                "-w",
                "start"));
        // the server's output goes to a log file: a pipe would stay open as long as the server runs
        var log = dataDir.resolve("orphan.log");
        command.addAll(command.indexOf("start"), List.of("-l", log.toString()));
        var orphan = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(orphan.waitFor())
                .as(command + ": " + (Files.exists(log) ? Files.readString(log) : ""))
                .isZero();
        assertThat(Files.exists(cluster.resolve("postmaster.pid"))).isTrue();

        try (var server = configuration.embeddedPostgres(properties())) {
            assertThat(query(server, "select value from kept")).isEqualTo("survived");
        }
    }

    @Test
    void aDataFolderInUseByAnotherLiveSiyuIsNotTouched() throws Exception {
        try (var first = configuration.embeddedPostgres(properties())) {
            assertThatThrownBy(() -> configuration.embeddedPostgres(properties()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
            assertThat(query(first, "select 'alive'")).isEqualTo("alive");
        }
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The {@code pg_ctl} beside the server running on {@code cluster}: the binaries are unpacked once per process, so
     * they may sit in an earlier test's folder rather than this one's.
     */
    static Path pgCtlOf(Path cluster) throws IOException {
        var pid =
                Files.readAllLines(cluster.resolve("postmaster.pid")).getFirst().strip();
        return Files.readSymbolicLink(Path.of("/proc", pid, "exe")).resolveSibling("pg_ctl");
    }
}
