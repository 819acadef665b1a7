package io.leverwatch.bench;

import io.leverwatch.platform.Platform;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak: the generator's stories at a steady offered rate for a long time, and every 30 seconds the live heap (used
 * right after a full collection the soak asks for), the heap the last collection left, the compliance inbox group's
 * consumer lag, the events stored per second and the alerts. At the end, the verdict: did the live heap and the lag
 * stay flat over the second half (their least-squares slopes)?
 *
 * <p>The live heap needs the full collection: what G1's young collections leave grows for minutes on a large heap
 * until a concurrent cycle runs, and would read as a leak.
 */
final class Soak {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** Flat: the live heap grows by less than this over the second half, in MiB per minute. */
    static final double FLAT_HEAP_MIB_PER_MINUTE = 2.0;

    private final Platform platform;

    Soak(Platform platform) {
        this.platform = platform;
    }

    record Sample(
            double minutes,
            long published,
            long stored,
            double storedPerSecond,
            long alerts,
            long liveHeapMiB,
            long heapAfterGcMiB,
            long collections,
            long lag) {}

    void run(double eventsPerSecond, Duration duration, Path csv) throws Exception {
        try (Database db = new Database(platform)) {
            run(db, eventsPerSecond, duration, csv);
        }
    }

    private void run(Database db, double eventsPerSecond, Duration duration, Path csv) throws Exception {
        HeapProbe heap = new HeapProbe();
        if (eventsPerSecond <= 0) {
            eventsPerSecond = measuredPeak(db) / 2;
        }
        double rate = eventsPerSecond;
        System.out.printf(
                Locale.ROOT,
                "soak: %,.0f events/s offered for %d min; a line every %d s%n",
                rate,
                duration.toMinutes(),
                INTERVAL.toSeconds());
        AtomicLong published = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Thread publisher = new Thread(
                () -> {
                    try (Load load = new Load(platform)) {
                        load.publish(new HistoryGenerator("soak-", 7), 0, Integer.MAX_VALUE, rate, (story, i) -> {
                            published.addAndGet(story.events().size());
                            return System.nanoTime() < end;
                        });
                    }
                },
                "bench-soak-load");
        publisher.start();
        List<Sample> samples = new ArrayList<>();
        long storedBefore = db.inboxEvents();
        long lastStored = storedBefore;
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (ConsumerLag lag = new ConsumerLag(platform.kafka().bootstrapServers());
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println(
                    "minute,published,stored,stored_per_s,alerts,live_heap_mib,heap_after_last_gc_mib,gc_count,lag");
            long next = start + INTERVAL.toNanos();
            while (next <= end + 1_000_000L) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                long stored = db.inboxEvents() - storedBefore;
                long afterLastGc = heap.lastAfterGcMiB();
                Sample sample = new Sample(
                        (System.nanoTime() - start) / 60e9,
                        published.get(),
                        stored,
                        (stored - (lastStored - storedBefore)) / (double) INTERVAL.toSeconds(),
                        db.count("select count(*) from compliance.alert_view where contract_id like 'soak-%'"),
                        HeapProbe.liveAfterFullGcMiB(),
                        afterLastGc,
                        HeapProbe.collections(),
                        lag.lag());
                lastStored = stored + storedBefore;
                samples.add(sample);
                System.out.printf(
                        Locale.ROOT,
                        "  %5.1f min  published %,9d  stored %,9d  %,6.0f ev/s  alerts %,7d  live heap %5d MiB"
                                + " (after last GC %5d, GCs %d)  lag %,7d%n",
                        sample.minutes(),
                        sample.published(),
                        sample.stored(),
                        sample.storedPerSecond(),
                        sample.alerts(),
                        sample.liveHeapMiB(),
                        sample.heapAfterGcMiB(),
                        sample.collections(),
                        sample.lag());
                out.printf(
                        Locale.ROOT,
                        "%.2f,%d,%d,%.1f,%d,%d,%d,%d,%d%n",
                        sample.minutes(),
                        sample.published(),
                        sample.stored(),
                        sample.storedPerSecond(),
                        sample.alerts(),
                        sample.liveHeapMiB(),
                        sample.heapAfterGcMiB(),
                        sample.collections(),
                        sample.lag());
                out.flush();
                next += INTERVAL.toNanos();
            }
        }
        publisher.join();
        verdict(samples, rate);
        System.out.println("curve saved to " + csv.toAbsolutePath() + " (" + Instant.now() + ")");
    }

    private double measuredPeak(Database db) throws Exception {
        try (AlertWatcher alerts = new AlertWatcher(platform)) {
            var throughput = new EndToEnd(platform, db, alerts)
                    .throughput(new HistoryGenerator("soak-peak-", 3), "soak-peak-", 5_000);
            System.out.printf(
                    Locale.ROOT,
                    "peak measured first on 5,000 contracts: %,.0f events/s%n",
                    throughput.eventsPerSecond());
            return throughput.eventsPerSecond();
        }
    }

    private static void verdict(List<Sample> samples, double rate) {
        List<Sample> half = samples.subList(samples.size() / 2, samples.size());
        double heapSlope = slope(half, Sample::liveHeapMiB);
        double lagSlope = slope(half, Sample::lag);
        long maxLag = half.stream().mapToLong(Sample::lag).max().orElse(0);
        // Flat lag: it neither grows by more than a second of load per minute nor ever exceeds ten seconds of it.
        boolean heapFlat = heapSlope < FLAT_HEAP_MIB_PER_MINUTE;
        boolean lagFlat = lagSlope < rate && maxLag < 10 * rate;
        System.out.printf(
                Locale.ROOT,
                "soak verdict over the second half (%d samples): live heap %+.2f MiB/min (flat below %.1f): %s;"
                        + " consumer lag %+.1f records/min, at most %,d (flat: slope under %,.0f/min and never above"
                        + " %,.0f): %s%n",
                half.size(),
                heapSlope,
                FLAT_HEAP_MIB_PER_MINUTE,
                heapFlat ? "FLAT" : "GROWING",
                lagSlope,
                maxLag,
                rate,
                10 * rate,
                lagFlat ? "FLAT" : "GROWING");
    }

    /** Least-squares slope of the figure against minutes. */
    private static double slope(List<Sample> samples, java.util.function.ToLongFunction<Sample> figure) {
        double n = samples.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Sample s : samples) {
            double x = s.minutes();
            double y = figure.applyAsLong(s);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }
}
