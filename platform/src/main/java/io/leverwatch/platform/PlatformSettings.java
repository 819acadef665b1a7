package io.leverwatch.platform;

import java.nio.file.Path;
import java.util.Map;

/** Where the embedded platform keeps its data and which ports it takes, from the environment. */
public record PlatformSettings(Path dataDir, int databasePort, int kafkaPort, int portOffset, boolean loadDemoCase) {

    public static PlatformSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new PlatformSettings(
                Path.of(env.getOrDefault("LEVERWATCH_DATA", "data")),
                Integer.parseInt(env.getOrDefault("LEVERWATCH_DB_PORT", "54329")),
                Integer.parseInt(env.getOrDefault("LEVERWATCH_KAFKA_PORT", "9092")),
                Integer.parseInt(env.getOrDefault("LEVERWATCH_PORT_OFFSET", "0")),
                !"false".equalsIgnoreCase(env.getOrDefault("LEVERWATCH_DEMO_CASE", "true")));
    }
}
