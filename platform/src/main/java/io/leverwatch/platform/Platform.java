package io.leverwatch.platform;

import io.leverwatch.access.AccessServiceApplication;
import io.leverwatch.billing.BillingServiceApplication;
import io.leverwatch.compliance.ComplianceServiceApplication;
import io.leverwatch.contract.ContractServiceApplication;
import io.leverwatch.infra.EmbeddedDatabase;
import io.leverwatch.infra.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: a real PostgreSQL and a real Kafka broker in this JVM, and the four services, each
 * in its own Spring context, schema and port. Everything it stores lives under one folder ({@code ./data}
 * unless {@code LEVERWATCH_DATA} says otherwise), so a restart keeps the history. Demo keys and users
 * exist in this mode only.
 */
public final class Platform implements AutoCloseable {

    /** The four services, in the order the platform starts them. */
    public static final Set<String> SERVICES =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of("contract", "billing", "access", "compliance")));

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final PlatformSettings settings;
    private EmbeddedDatabase database;
    private EmbeddedKafkaBroker kafka;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final Map<String, Object> common = new LinkedHashMap<>();
    private DemoAgencies demo;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Platform platform = new Platform(PlatformSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "leverwatch-shutdown"));
        platform.start();
        platform.printWelcome();
    }

    public Platform start() {
        return start(SERVICES);
    }

    /**
     * Starts the database, the broker and, in this JVM, the services named (of {@link #SERVICES}); a service left out
     * can run in a JVM of its own with {@link #arguments}, as the benchmark runs compliance-service to measure its heap.
     */
    public Platform start(Set<String> inProcess) {
        if (!SERVICES.containsAll(inProcess)) {
            throw new IllegalArgumentException("services are " + SERVICES + ", not " + inProcess);
        }
        Path data = settings.dataDir().toAbsolutePath();
        database = new EmbeddedDatabase(data.resolve("postgres"), settings.databasePort()).start();
        kafka = new EmbeddedKafkaBroker(data.resolve("kafka"), settings.kafkaPort()).start();
        demo = DemoAgencies.loadOrCreate(data.resolve("demo-credentials.properties"));
        common.put("leverwatch.embedded", "true");
        common.put("leverwatch.db.url", database.jdbcUrl());
        common.put("leverwatch.db.user", database.username());
        common.put("leverwatch.db.password", database.password());
        common.put("leverwatch.kafka.bootstrap-servers", kafka.bootstrapServers());
        common.put("leverwatch.demo-keys", String.join(",", demo.keyEntries()));
        common.put("leverwatch.demo-users", String.join(",", demo.userEntries()));
        common.put("spring.main.banner-mode", "off");
        Map<String, SpringApplicationBuilder> builders = Map.of(
                "contract", ContractServiceApplication.builder(),
                "billing", BillingServiceApplication.builder(),
                "access", AccessServiceApplication.builder(),
                "compliance", ComplianceServiceApplication.builder());
        for (String service : SERVICES) {
            if (inProcess.contains(service)) {
                services.add(builders.get(service).registerShutdownHook(false).run(arguments(service)));
            }
        }
        if (settings.loadDemoCase()) {
            new DemoCase(this).load();
        }
        return this;
    }

    /**
     * The command-line arguments that run a service on this platform's database, broker, demo credentials and port.
     * They go in as arguments because they must win over each service's own file.
     */
    public String[] arguments(String service) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.put("server.port", port(service));
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    public int port(String service) {
        return switch (service) {
            case "compliance" -> settings.portOffset() + 8080;
            case "contract" -> settings.portOffset() + 8081;
            case "billing" -> settings.portOffset() + 8082;
            case "access" -> settings.portOffset() + 8083;
            default -> throw new IllegalArgumentException(service);
        };
    }

    public DemoAgencies demo() {
        return demo;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    @Override
    public synchronized void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
        services.clear();
        if (kafka != null) {
            kafka.stop();
        }
        if (database != null) {
            database.stop();
        }
        log.info("Leverwatch stopped; data kept in {}", settings.dataDir().toAbsolutePath());
    }

    private void printWelcome() {
        String key = demo.keys().values().iterator().next();
        String agency = demo.keys().keySet().iterator().next();
        StringBuilder text = new StringBuilder();
        text.append(
                "\n\n  Leverwatch is running (embedded mode: demo credentials below, never use them in production)\n\n");
        text.append("  Dashboard (compliance officers)  http://localhost:")
                .append(port("compliance"))
                .append("/\n");
        text.append("  contract-service                 http://localhost:")
                .append(port("contract"))
                .append("/api/events\n");
        text.append("  billing-service                  http://localhost:")
                .append(port("billing"))
                .append("/api/events\n");
        text.append("  access-service                   http://localhost:")
                .append(port("access"))
                .append("/api/events\n");
        text.append("  Kafka                            ")
                .append(kafka.bootstrapServers())
                .append("\n");
        text.append("  PostgreSQL                       ")
                .append(database.jdbcUrl())
                .append(" (user postgres)\n");
        text.append("  Data folder                      ")
                .append(settings.dataDir().toAbsolutePath())
                .append("\n\n");
        text.append("  Demo agency API keys:\n");
        demo.keys()
                .forEach((a, k) ->
                        text.append("    ").append(a).append("  ").append(k).append("\n"));
        text.append("  Demo users (dashboard and alert API):\n");
        demo.users()
                .forEach((u, p) ->
                        text.append("    ").append(u).append(" / ").append(p).append("\n"));
        text.append("\n  Send a first event:\n");
        text.append("    curl -i http://localhost:")
                .append(port("contract"))
                .append("/api/events \\\n")
                .append("      -H 'Authorization: Bearer ")
                .append(key)
                .append("' \\\n")
                .append("      -H 'Content-Type: application/cloudevents+json' \\\n")
                .append("      -d '{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"https://crm.example\",")
                .append("\"type\":\"leverwatch.contract.registered\",\"time\":\"2026-01-05T09:00:00Z\",")
                .append("\"data\":{\"contractId\":\"my-first-contract\",\"agencyId\":\"")
                .append(agency)
                .append("\",\"agencyName\":\"My agency\",\"clientId\":\"client-1\",\"clientName\":\"My client\",")
                .append("\"scope\":\"community management\",\"startDate\":\"2026-01-05\"}}'\n\n");
        text.append("  Ctrl-C stops it; starting again keeps the data.\n");
        log.info(text.toString());
    }
}
