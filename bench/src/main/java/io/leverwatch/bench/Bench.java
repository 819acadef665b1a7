package io.leverwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leverwatch.platform.DemoCase;
import io.leverwatch.platform.Platform;
import io.leverwatch.platform.PlatformSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Benchmarks that print their figures, on the real embedded platform (PostgreSQL, Kafka, four services).
 *
 * <pre>
 * java -jar bench/target/leverwatch-bench.jar all [--contracts N] [--runs 3] [--latency-seconds 60]
 *                                                  [--warmup-contracts 10000] # first, not counted; 0: none
 *                                                  [--latency-curve 75,100]  # also at these % of the peak
 *                                                  [--compliance-heap 512m] [--compliance-jar file]
 *                                                  [--compliance-jvm "more JVM options, a profiler's"]
 *                                                  # end to end, latency, replay, heap, raw baselines, ratios;
 *                                                  # compliance-service in a JVM of its own, its heap bounded
 * java -jar bench/target/leverwatch-bench.jar soak [--rate events/s] [--minutes 30] [--csv file]
 *                                                  # heap and consumer lag under a steady load
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
        if (what.equals("all")) {
            FullBenchmark.all(
                    FullBenchmark.option(args, "--contracts", 10_000),
                    FullBenchmark.option(args, FullBenchmark.WARMUP, FullBenchmark.DEFAULT_WARMUP),
                    FullBenchmark.option(args, "--runs", 3),
                    FullBenchmark.option(args, "--latency-seconds", 60),
                    FullBenchmark.percents(args, "--latency-curve"),
                    FullBenchmark.complianceOptions(args));
            System.exit(0);
        }
        int size = args.length > 1 && !args[1].startsWith("--")
                ? Integer.parseInt(args[1])
                : switch (what) {
                    case "inbox" -> 10_000;
                    case "replay" -> 100_000;
                    default -> 20;
                };
        Path data = Files.createTempDirectory("leverwatch-bench");
        // One run of "all" measures compliance-service's heap: compliance runs in a JVM of its own, as deployed.
        boolean ownComplianceJvm = what.equals("run-once");
        Set<String> inProcess = new LinkedHashSet<>(Platform.SERVICES);
        if (ownComplianceJvm) {
            inProcess.remove("compliance");
        }
        Platform platform = new Platform(new PlatformSettings(data, 0, 0, 40000, false)).start(inProcess);
        ComplianceProcess compliance = null;
        boolean failed = false;
        try {
            if (ownComplianceJvm) {
                compliance = ComplianceProcess.start(
                        platform,
                        complianceJar(args),
                        stringOption(args, FullBenchmark.COMPLIANCE_HEAP, "512m"),
                        Stream.of(stringOption(args, FullBenchmark.COMPLIANCE_JVM, "")
                                        .split(" +"))
                                .filter(option -> !option.isBlank())
                                .toList(),
                        data);
            }
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
                case "run-once" ->
                    FullBenchmark.once(
                            platform,
                            compliance,
                            FullBenchmark.option(args, "--contracts", 10_000),
                            FullBenchmark.option(args, FullBenchmark.WARMUP, FullBenchmark.DEFAULT_WARMUP),
                            FullBenchmark.option(args, "--run", 1),
                            FullBenchmark.option(args, "--latency-seconds", 60),
                            FullBenchmark.percents(args, "--latency-curve"));
                case "soak" ->
                    new Soak(platform)
                            .run(
                                    FullBenchmark.option(args, "--rate", 0),
                                    Duration.ofMinutes(FullBenchmark.option(args, "--minutes", 30)),
                                    Path.of(stringOption(args, "--csv", "bench/soak-" + LocalDate.now() + ".csv")));
                default ->
                    throw new IllegalArgumentException(
                            "all, soak, demo-latency, inbox or replay (run-once is one run of all)");
            }
        } catch (Exception | Error e) {
            // Said on standard output, which a parent run passes on; the exit below is forced, as threads of the
            // stopped platform (Axon's janitor) would keep this JVM alive.
            System.out.println("  FAILED: " + e);
            e.printStackTrace(System.out);
            failed = true;
        } finally {
            if (compliance != null) {
                compliance.close();
            }
            platform.close();
        }
        System.exit(failed ? 1 : 0);
    }

    /** compliance-service's executable jar: {@code --compliance-jar}, or the one the build left in its module. */
    private static Path complianceJar(String[] args) throws IOException {
        String named = stringOption(args, FullBenchmark.COMPLIANCE_JAR, null);
        if (named != null) {
            return Path.of(named);
        }
        Path target = Path.of("compliance-service", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> jar = files.filter(
                                f -> f.getFileName().toString().matches("compliance-service-.*-exec\\.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        return target.resolve("compliance-service-exec.jar"); // named in the error that follows
    }

    static String stringOption(String[] args, String name, String otherwise) {
        int at = List.of(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? args[at + 1] : otherwise;
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
