package io.leverwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leverwatch.platform.Platform;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one-command benchmark ({@code all}): each run in a JVM of its own (a fresh platform and heap, so runs do not
 * share caches, data or garbage), then every figure of every run and their median.
 *
 * <p>One run ({@code run-once}): the end-to-end throughput on N contracts, compliance-service's heap (in a JVM of its
 * own, with a bounded heap), the raw Kafka and JDBC baselines on the same records and rows, the replay of the same
 * inbox and a raw scan of it, then the latency at half the measured peak; it ends with one line {@code RESULT {json}}
 * for the parent.
 */
final class FullBenchmark {

    static final String COMPLIANCE_HEAP = "--compliance-heap";
    static final String COMPLIANCE_JAR = "--compliance-jar";
    static final String COMPLIANCE_JVM = "--compliance-jvm";
    static final String WARMUP = "--warmup-contracts";
    /**
     * Contracts published, and waited for, before the measured load: the first minutes of a JVM spend a fifth of the
     * machine compiling the paths the load takes (the JIT compiler threads of compliance-service and of the platform,
     * measured), and run them slower meanwhile, which a running installation has long done. 2,000 until the eighth
     * session, too few: after them the compilers still took 20 CPU-s of the measured load at 10,000 contracts and the
     * saga's processor 1.8 times the CPU an event it takes once compiled (BENCHMARKS.md).
     */
    static final int DEFAULT_WARMUP = 10_000;

    private static final String RESULT = "RESULT ";
    private static final String[] FIGURES = {
        "coldEndToEnd",
        "endToEnd",
        "kafka",
        "postgres",
        "rawBound",
        "endToEndOverRawBound",
        "replay",
        "inboxScan",
        "replayOverScan",
        "p50",
        "p99",
        "max",
        "offered",
        "heapBeforeMiB",
        "heapPeakAfterGcMiB",
        "heapLiveAfterMiB",
        "heapGrowthMiB",
        "heapPeakWholeRunMiB",
        "cpuMsPerEvent",
        "cpuMsPerEventWithoutJit",
        "jitCpuSeconds"
    };

    private FullBenchmark() {}

    static void all(
            int contracts,
            int warmup,
            int runs,
            int latencySeconds,
            List<Integer> curve,
            List<String> complianceOptions)
            throws Exception {
        List<JsonNode> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            System.out.printf(Locale.ROOT, "== run %d of %d: %,d contracts%n", run, runs, contracts);
            results.add(child(contracts, warmup, run, latencySeconds, curve, complianceOptions));
            print("run " + run, results.get(results.size() - 1));
        }
        if (runs > 1) {
            ObjectNode median = Bench.MAPPER.createObjectNode();
            for (String figure : FIGURES) {
                double[] values = results.stream()
                        .mapToDouble(r -> r.path(figure).asDouble(Double.NaN))
                        .sorted()
                        .toArray();
                median.put(figure, values[values.length / 2]);
            }
            median.put("contracts", contracts);
            median.put("events", results.get(0).get("events").asLong());
            median.put("expectedAlerts", results.get(0).get("expectedAlerts").asLong());
            median.put("latencySamples", results.get(0).get("latencySamples").asLong());
            System.out.println("== every run");
            for (int i = 0; i < results.size(); i++) {
                print("run " + (i + 1), results.get(i));
            }
            print("median", median);
        }
    }

    private static JsonNode child(
            int contracts, int warmup, int run, int latencySeconds, List<Integer> curve, List<String> complianceOptions)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmArguments());
        command.addAll(List.of(
                "-jar",
                System.getProperty("java.class.path"), // java -jar: the bench's own jar
                "run-once",
                "--contracts",
                Integer.toString(contracts),
                WARMUP,
                Integer.toString(warmup),
                "--run",
                Integer.toString(run),
                "--latency-seconds",
                Integer.toString(latencySeconds)));
        if (!curve.isEmpty()) {
            command.addAll(List.of(
                    "--latency-curve", curve.stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        command.addAll(complianceOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        JsonNode result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    result = Bench.MAPPER.readTree(line.substring(RESULT.length()));
                } else if (line.startsWith("  ")
                        || line.startsWith("replay")
                        || line.startsWith("machine")
                        || line.startsWith("\tat io.leverwatch")
                        || line.startsWith("Caused by")) {
                    System.out.println(line); // the run's own progress; the services' logs stay in the child
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("run " + run + " failed (exit " + process.exitValue() + ")");
        }
        return result;
    }

    /** Waits (at most 30 minutes) until the contract learners have read every contract event; how long it took. */
    private static Duration awaitContractLearners(Platform platform) throws Exception {
        long started = System.nanoTime();
        Duration patience = Duration.ofMinutes(30);
        try (ConsumerLag lag = new ConsumerLag(platform.kafka().bootstrapServers())) {
            long left = lag.contractLearnersLag();
            while (left > 0) {
                if (System.nanoTime() - started > patience.toNanos()) {
                    throw new IllegalStateException(
                            "the contract learners still had " + left + " records to read after " + patience);
                }
                Thread.sleep(500);
                left = lag.contractLearnersLag();
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The options that say how to run compliance-service, passed on to each run. */
    static List<String> complianceOptions(String[] args) {
        List<String> options = new ArrayList<>();
        for (String name : List.of(COMPLIANCE_HEAP, COMPLIANCE_JAR, COMPLIANCE_JVM)) {
            String value = Bench.stringOption(args, name, null);
            if (value != null) {
                options.addAll(List.of(name, value));
            }
        }
        return options;
    }

    private static List<String> jvmArguments() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentpath"))
                .toList();
    }

    /** One run on a platform that is already started, with compliance-service in a JVM of its own. */
    static void once(
            Platform platform,
            ComplianceProcess compliance,
            int contracts,
            int warmup,
            int run,
            int latencySeconds,
            List<Integer> curve)
            throws Exception {
        ObjectNode result = Bench.MAPPER.createObjectNode();
        try (Database db = new Database(platform);
                AlertWatcher alerts = new AlertWatcher(platform)) {
            EndToEnd endToEnd = new EndToEnd(platform, db, alerts);
            int collectionsAtStart = compliance.collections();
            double cold = 0;
            if (warmup > 0) {
                // The same kind of load, on contracts of its own, through the same checks; not counted.
                String prefix = "r" + run + "-warmup-";
                var warm = endToEnd.throughput(new HistoryGenerator(prefix, 2000 + run), prefix, warmup);
                cold = warm.eventsPerSecond();
                Duration learnersAfterWarmUp = awaitContractLearners(platform);
                System.out.printf(
                        Locale.ROOT,
                        "  warm-up (not counted; the JVMs just started): %,d contracts, %,d events, %,d alerts in %.1f"
                                + " s: %,.0f events/s; the contract learners done %.1f s after%n",
                        warmup,
                        warm.events(),
                        warm.expectedAlerts(),
                        warm.seconds(),
                        cold,
                        learnersAfterWarmUp.toMillis() / 1e3);
            }
            long heapBefore = compliance.liveAfterFullGcMiB();
            int collectionsBefore = compliance.collections();
            Optional<CpuMeter> cpu =
                    CpuMeter.of(ProcessHandle.current().pid(), compliance.pid(), db.count("select pg_backend_pid()"));
            Optional<CpuMeter.Snapshot> cpuBefore = cpu.map(CpuMeter::snapshot);
            var throughput =
                    endToEnd.throughput(new HistoryGenerator("r" + run + "-e2e-", run), "r" + run + "-e2e-", contracts);
            compliance.requireAlive();
            Optional<CpuMeter.Usage> cpuUsed = cpu.map(meter -> meter.snapshot().since(cpuBefore.orElseThrow()));
            long heapPeak = compliance.peakAfterGcMiB(collectionsBefore);
            int collectionsDuring = compliance.collections() - collectionsBefore;
            long heapAfter = compliance.liveAfterFullGcMiB();
            System.out.printf(
                    Locale.ROOT,
                    "  end to end: %,d contracts, %,d events, %,d alerts expected and found in %.1f s (published in"
                            + " %.1f s): %,.0f events/s%n",
                    contracts,
                    throughput.events(),
                    throughput.expectedAlerts(),
                    throughput.seconds(),
                    throughput.publishSeconds(),
                    throughput.eventsPerSecond());
            System.out.println("  CPU over the end to end (/proc): "
                    + cpuUsed.map(used -> used.describe(throughput.events())).orElse("not measured (no /proc)"));
            System.out.printf(
                    Locale.ROOT,
                    "  heap of compliance-service (a JVM of its own, -Xmx%s): %d MiB live before; during the load at"
                            + " most %d MiB after a collection (%d collections); %d MiB live after, with %,d contracts more"
                            + " (%+d MiB)%n",
                    compliance.maxHeap(),
                    heapBefore,
                    heapPeak,
                    collectionsDuring,
                    heapAfter,
                    contracts,
                    heapAfter - heapBefore);
            System.out.println("  what compliance-service's live heap holds, by class:");
            System.out.println(compliance.topClasses(20));

            // The services' contract learners are not on compliance's path, but they share the machine: the
            // replay and the baselines are measured once they have caught up with the burst.
            Duration learners = awaitContractLearners(platform);
            System.out.printf(
                    Locale.ROOT,
                    "  billing- and access-service learned their last contract and account %.1f s after the end"
                            + " to end and the heap probes (not on compliance's path; they trail the burst)%n",
                    learners.toMillis() / 1e3);

            RawBaselines raw = new RawBaselines(platform, db);
            double kafka = raw.kafkaDrain(throughput.events());
            double postgres = raw.jdbcInserts(throughput.events());
            double scan = raw.inboxScan();
            double bound = 1 / (1 / kafka + 1 / postgres);
            System.out.printf(
                    Locale.ROOT,
                    "  raw: Kafka consumer %,.0f records/s; JDBC batched inserts %,.0f rows/s; bound"
                            + " 1/(1/kafka + 1/postgres) = %,.0f/s; JDBC scan of the inbox %,.0f rows/s%n",
                    kafka,
                    postgres,
                    bound,
                    scan);

            double replay = new ReplayThroughput(platform).eventsPerSecond();

            double offered = throughput.eventsPerSecond() / 2;
            var latency = endToEnd.latency(
                    new HistoryGenerator("r" + run + "-lat-", 1000 + run),
                    "r" + run + "-lat-",
                    offered,
                    Duration.ofSeconds(latencySeconds));
            printLatency(offered, "half the end-to-end rate", latency);
            // Further offered rates, as percentages of the end-to-end rate: where the latency target stops holding.
            for (int percent : curve) {
                double rate = throughput.eventsPerSecond() * percent / 100;
                String prefix = "r" + run + "-lat" + percent + "-";
                printLatency(
                        rate,
                        percent + " % of the end-to-end rate",
                        endToEnd.latency(
                                new HistoryGenerator(prefix, 1000 + 100 * percent + run),
                                prefix,
                                rate,
                                Duration.ofSeconds(latencySeconds)));
            }

            result.put("contracts", contracts);
            result.put("events", throughput.events());
            result.put("expectedAlerts", throughput.expectedAlerts());
            result.put("warmupContracts", warmup);
            result.put("coldEndToEnd", cold);
            result.put("endToEnd", throughput.eventsPerSecond());
            result.put("kafka", kafka);
            result.put("postgres", postgres);
            result.put("rawBound", bound);
            result.put("endToEndOverRawBound", throughput.eventsPerSecond() / bound);
            result.put("replay", replay);
            result.put("inboxScan", scan);
            result.put("replayOverScan", replay / scan);
            result.put("offered", offered);
            result.put("p50", latency.percentile(0.50));
            result.put("p99", latency.percentile(0.99));
            result.put("max", latency.millis().get(latency.millis().size() - 1));
            result.put("latencySamples", latency.millis().size());
            result.put("toInboxP50", EndToEnd.Latency.percentile(latency.toInbox(), 0.5));
            result.put("toDecisionP50", EndToEnd.Latency.percentile(latency.toDecision(), 0.5));
            result.put("toApiP50", EndToEnd.Latency.percentile(latency.toApi(), 0.5));
            result.put("heapBeforeMiB", heapBefore);
            result.put("heapPeakAfterGcMiB", heapPeak);
            result.put("heapLiveAfterMiB", heapAfter);
            result.put("heapGrowthMiB", heapAfter - heapBefore);
            cpuUsed.ifPresent(used -> {
                result.put("cpuMsPerEvent", 1e3 * used.total() / throughput.events());
                result.put("cpuMsPerEventWithoutJit", 1e3 * (used.total() - used.jit()) / throughput.events());
                result.put("jitCpuSeconds", used.jit());
            });
            compliance.requireAlive();
            long wholeRun = compliance.peakAfterGcMiB(collectionsAtStart);
            result.put("heapPeakWholeRunMiB", wholeRun);
            System.out.printf(
                    Locale.ROOT,
                    "  heap of compliance-service over the whole run (warm-up, load, replay, latency): at most %d MiB after a"
                            + " collection, within -Xmx%s%n",
                    wholeRun,
                    compliance.maxHeap());
        }
        System.out.println(RESULT + Bench.MAPPER.writeValueAsString(result));
    }

    private static void print(String label, JsonNode r) {
        System.out.printf(
                Locale.ROOT,
                "%-7s end-to-end %,6.0f ev/s (warm-up %,6.0f) | raw Kafka %,7.0f rec/s, JDBC insert %,7.0f rows/s, bound %,7.0f/s,"
                        + " ratio %.3f | replay %,6.0f ev/s, inbox scan %,7.0f rows/s, ratio %.3f | latency at %,.0f"
                        + " ev/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms | compliance heap MiB: before %.0f, peak after"
                        + " GC %.0f, after %.0f (%+.0f), whole run peak %.0f | CPU an event %.3f ms, %.3f without the JIT"
                        + " compilers' (%.1f CPU-s)%n",
                label,
                r.get("endToEnd").asDouble(),
                r.get("coldEndToEnd").asDouble(),
                r.get("kafka").asDouble(),
                r.get("postgres").asDouble(),
                r.get("rawBound").asDouble(),
                r.get("endToEndOverRawBound").asDouble(),
                r.get("replay").asDouble(),
                r.get("inboxScan").asDouble(),
                r.get("replayOverScan").asDouble(),
                r.get("offered").asDouble(),
                r.get("p50").asDouble(),
                r.get("p99").asDouble(),
                r.get("max").asDouble(),
                r.get("heapBeforeMiB").asDouble(),
                r.get("heapPeakAfterGcMiB").asDouble(),
                r.get("heapLiveAfterMiB").asDouble(),
                r.get("heapGrowthMiB").asDouble(),
                r.get("heapPeakWholeRunMiB").asDouble(),
                r.path("cpuMsPerEvent").asDouble(Double.NaN),
                r.path("cpuMsPerEventWithoutJit").asDouble(Double.NaN),
                r.path("jitCpuSeconds").asDouble(Double.NaN));
    }

    private static void printLatency(double offered, String what, EndToEnd.Latency latency) {
        System.out.printf(
                Locale.ROOT,
                "  latency at %,.0f events/s offered (%s) for %.0f s (%,d events): deciding event published -> alert on"
                        + " the API: p50 %d ms, p99 %d ms, max %d ms over %,d alerts%n",
                offered,
                what,
                latency.seconds(),
                latency.events(),
                latency.percentile(0.50),
                latency.percentile(0.99),
                latency.millis().get(latency.millis().size() - 1),
                latency.millis().size());
        System.out.printf(
                Locale.ROOT,
                "    where it went (p50 / p99): published -> received by the inbox %d / %d ms; received -> alert"
                        + " raised by the saga %d / %d ms; raised -> on the API stream %d / %d ms%n",
                EndToEnd.Latency.percentile(latency.toInbox(), 0.5),
                EndToEnd.Latency.percentile(latency.toInbox(), 0.99),
                EndToEnd.Latency.percentile(latency.toDecision(), 0.5),
                EndToEnd.Latency.percentile(latency.toDecision(), 0.99),
                EndToEnd.Latency.percentile(latency.toApi(), 0.5),
                EndToEnd.Latency.percentile(latency.toApi(), 0.99));
    }

    /** A comma-separated list of whole numbers ("75,100"), or none. */
    static List<Integer> percents(String[] args, String name) {
        int at = Arrays.asList(args).indexOf(name);
        if (at < 0 || at + 1 >= args.length) {
            return List.of();
        }
        return Arrays.stream(args[at + 1].split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    static int option(String[] args, String name, int otherwise) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : otherwise;
    }
}
