package io.leverwatch.infra;

import java.nio.file.Path;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use and stopped when the
 * JVM exits. Both write below {@code java.io.tmpdir}, which the build points into {@code target/}.
 * Set {@code LEVERWATCH_TEST_JDBC_URL} / {@code LEVERWATCH_TEST_KAFKA} to use external ones instead.
 */
public final class TestInfrastructure {

    private static EmbeddedDatabase database;
    private static EmbeddedKafkaBroker kafka;

    public static synchronized EmbeddedDatabase database() {
        if (database == null) {
            Path dir = Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "leverwatch-pg-" + ProcessHandle.current().pid());
            database = new EmbeddedDatabase(dir, 0).start();
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "embedded-postgres-stop"));
        }
        return database;
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            Path dir = Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "leverwatch-kafka-" + ProcessHandle.current().pid());
            kafka = new EmbeddedKafkaBroker(dir, 0).start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "embedded-kafka-stop"));
        }
        return kafka;
    }

    private TestInfrastructure() {}
}
