package io.leverwatch.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server from the embedded binaries, with its data in a folder of our choosing, so a
 * restart keeps the history. As root it runs in a user namespace (zonky uses {@code unshare -U}), since
 * PostgreSQL refuses to run as root.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    public static final String DATABASE = "leverwatch";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    public EmbeddedDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port == 0 ? EmbeddedKafkaBroker.freePort() : port;
    }

    public synchronized EmbeddedDatabase start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .start();
            createDatabaseIfMissing();
            log.info("PostgreSQL listening on port {}, data in {}", port, dataDir.toAbsolutePath());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!result.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }
}
