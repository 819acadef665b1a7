package io.leverwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.platform.DemoCase;
import io.leverwatch.platform.Platform;
import io.leverwatch.platform.PlatformSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmarks that print their figures, on the real embedded platform (PostgreSQL, Kafka, four services).
 *
 * <pre>
 * java -jar bench/target/leverwatch-bench.jar demo-latency [runs]      # last event posted → alert visible
 * java -jar bench/target/leverwatch-bench.jar inbox [contracts]        # compliance inbox + saga throughput
 * java -jar bench/target/leverwatch-bench.jar replay [events]         # compliance replay throughput (100,000)
 * </pre>
 */
public final class Bench {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        String what = args.length > 0 ? args[0] : "demo-latency";
        int size = args.length > 1
                ? Integer.parseInt(args[1])
                : switch (what) {
                    case "inbox" -> 10_000;
                    case "replay" -> 100_000;
                    default -> 20;
                };
        Path data = Files.createTempDirectory("leverwatch-bench");
        Platform platform = new Platform(new PlatformSettings(data, 0, 0, 40000, false)).start();
        try {
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, max heap %d MiB, java %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"));
            switch (what) {
                case "demo-latency" -> demoLatency(platform, size);
                case "inbox" -> new InboxThroughput(platform).run(size);
                case "replay" -> new ReplayThroughput(platform).run(size);
                default -> throw new IllegalArgumentException("demo-latency, inbox or replay");
            }
        } finally {
            platform.close();
        }
        System.exit(0);
    }

    /** Sends the demo case again and again under new contract ids; times the last POST to the alert on the API. */
    static void demoLatency(Platform platform, int runs) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            String contract = "bench-demo-" + i + "-" + System.nanoTime();
            new DemoCase(platform, contract, contract + "-e").load();
            long sent = System.nanoTime();
            while (criticalAlerts(platform, contract) == 0) {
                if (System.nanoTime() - sent > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("no alert for " + contract + " after 60 s");
                }
                Thread.sleep(5);
            }
            long elapsed = (System.nanoTime() - sent) / 1_000_000;
            if (i >= 2) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "demo case, last event posted -> CRITICAL alert on GET /api/alerts: runs=%d"
                        + " p50=%d ms p90=%d ms max=%d ms (2 warm-up runs not counted)%n",
                millis.size(),
                millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.9)),
                millis.get(millis.size() - 1));
    }

    static int criticalAlerts(Platform platform, String contract) throws Exception {
        JsonNode alerts = alerts(platform, "?contractId=" + contract);
        int count = 0;
        for (JsonNode alert : alerts) {
            if ("CRITICAL".equals(alert.get("severity").asText())) {
                count++;
            }
        }
        return count;
    }

    static JsonNode alerts(Platform platform, String query) throws Exception {
        String credentials = "officer:" + platform.demo().users().get("officer");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + platform.port("compliance") + "/api/alerts" + query))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/alerts: " + response.statusCode() + " " + response.body());
        }
        return MAPPER.readTree(response.body()).get("alerts");
    }
}
