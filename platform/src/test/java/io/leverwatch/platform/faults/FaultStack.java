package io.leverwatch.platform.faults;

import io.leverwatch.access.AccessServiceApplication;
import io.leverwatch.compliance.ComplianceServiceApplication;
import io.leverwatch.infra.EmbeddedDatabase;
import io.leverwatch.infra.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * What a fault test runs on: its own real PostgreSQL and Kafka broker (free ports, data below
 * {@code java.io.tmpdir}), which the test may stop and start again, and services it starts, stops and starts again at
 * will, each in its own Spring context as the embedded platform runs them. Embedded mode: one agency key and the demo
 * officer exist.
 */
public final class FaultStack implements AutoCloseable {

    public static final String AGENCY = "agency-pixel";
    public static final String KEY = "lw_fault_test_key_for_agency_pixel_0123456789";
    public static final String OFFICER = "officer";
    public static final String OFFICER_PASSWORD = "officer-fault-test-password";

    /** The services the fault tests stop and start; the others' published events are written straight to Kafka. */
    public enum Service {
        COMPLIANCE(ComplianceServiceApplication::builder),
        ACCESS(AccessServiceApplication::builder);

        private final Supplier<SpringApplicationBuilder> builder;

        Service(Supplier<SpringApplicationBuilder> builder) {
            this.builder = builder;
        }
    }

    private final EmbeddedDatabase database;
    private final EmbeddedKafkaBroker kafka;

    public FaultStack(String name) {
        Path dir = Path.of(
                System.getProperty("java.io.tmpdir"),
                name + "-" + ProcessHandle.current().pid());
        database = new EmbeddedDatabase(dir.resolve("postgres"), 0).start();
        kafka = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** Starts the service on a free port with the stack's settings, then {@code settings} (which win). */
    public RunningService start(Service service, Map<String, Object> settings, Class<?>... extraSources) {
        return start(service, freePort(), settings, extraSources);
    }

    public RunningService start(Service service) {
        return start(service, Map.of());
    }

    /** Starts the service again, as it was started, on the same port and database: a restart. */
    public RunningService restart(RunningService stopped) {
        return start(stopped.service(), stopped.port(), stopped.settings(), stopped.extraSources());
    }

    private RunningService start(Service service, int port, Map<String, Object> settings, Class<?>... extraSources) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("leverwatch.embedded", "true");
        properties.put("leverwatch.db.url", database.jdbcUrl());
        properties.put("leverwatch.db.user", database.username());
        properties.put("leverwatch.db.password", database.password());
        properties.put("leverwatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("leverwatch.demo-keys", AGENCY + "=" + KEY);
        properties.put("leverwatch.demo-users", OFFICER + "=" + OFFICER_PASSWORD);
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", port);
        properties.putAll(settings);
        // Command-line arguments, as the platform passes them: they win over each service's own file.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = service.builder
                .get()
                .sources(extraSources)
                .registerShutdownHook(false)
                .run(args);
        return new RunningService(service, port, Map.copyOf(settings), extraSources, context);
    }

    @Override
    public void close() {
        kafka.stop();
        database.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
