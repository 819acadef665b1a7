package io.leverwatch.kit.test;

import io.leverwatch.infra.EmbeddedDatabase;
import io.leverwatch.infra.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the real PostgreSQL and Kafka broker of this test JVM (or at external
 * ones named by {@code LEVERWATCH_TEST_DB_URL} and {@code LEVERWATCH_TEST_KAFKA}).
 */
public final class RealInfrastructure {

    public static void register(DynamicPropertyRegistry registry) {
        String externalDb = System.getenv("LEVERWATCH_TEST_DB_URL");
        if (externalDb != null) {
            registry.add("leverwatch.db.url", () -> externalDb);
            registry.add(
                    "leverwatch.db.user", () -> System.getenv().getOrDefault("LEVERWATCH_TEST_DB_USER", "postgres"));
            registry.add(
                    "leverwatch.db.password", () -> System.getenv().getOrDefault("LEVERWATCH_TEST_DB_PASSWORD", ""));
        } else {
            EmbeddedDatabase db = TestInfrastructure.database();
            registry.add("leverwatch.db.url", db::jdbcUrl);
            registry.add("leverwatch.db.user", db::username);
            registry.add("leverwatch.db.password", db::password);
        }
        registry.add("leverwatch.kafka.bootstrap-servers", RealInfrastructure::bootstrapServers);
    }

    public static String bootstrapServers() {
        String external = System.getenv("LEVERWATCH_TEST_KAFKA");
        return external != null ? external : TestInfrastructure.kafka().bootstrapServers();
    }

    private RealInfrastructure() {}
}
