package io.leverwatch.bench;

import io.leverwatch.platform.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * compliance-service in a JVM of its own, as it is deployed, on the platform's database, broker and demo credentials,
 * with a bounded heap ({@code -Xmx}): its heap is then its own to measure, apart from the broker's and the other
 * services'. The JVM logs every collection (the heap each one leaves); {@code jcmd} takes the live set and its
 * classes. A heap that does not fit the bound ends the process ({@code ExitOnOutOfMemoryError}) and the run.
 */
final class ComplianceProcess implements AutoCloseable {

    /** A unified-logging GC line: {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 301M->97M(512M) 8.1ms}. */
    private static final Pattern COLLECTION = Pattern.compile("GC\\(\\d+\\) Pause .* \\d+M->(\\d+)M\\(\\d+M\\)");

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path gcLog;
    private final Path log;
    private final Path jcmd;
    private final String maxHeap;

    private ComplianceProcess(Process process, Path gcLog, Path log, Path jcmd, String maxHeap) {
        this.process = process;
        this.gcLog = gcLog;
        this.log = log;
        this.jcmd = jcmd;
        this.maxHeap = maxHeap;
    }

    /** Starts compliance-service from its executable jar and waits until it reports UP. */
    static ComplianceProcess start(Platform platform, Path jar, String maxHeap, List<String> jvmOptions, Path dir)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no compliance-service jar at " + jar.toAbsolutePath()
                    + ": build it (mvn -B -DskipTests install) or name it with --compliance-jar");
        }
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path gcLog = dir.resolve("compliance-gc.log");
        Path log = dir.resolve("compliance.log");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog,
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions); // a profiler's, say: -XX:StartFlightRecording=filename=compliance.jfr
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(platform.arguments("compliance")));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var compliance = new ComplianceProcess(process, gcLog, log, java.resolveSibling("jcmd"), maxHeap);
        try {
            compliance.awaitUp(platform.port("compliance"));
        } catch (Exception | Error e) {
            compliance.close(); // not left running against a platform about to stop
            throw e;
        }
        return compliance;
    }

    private void awaitUp(int port) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("compliance-service exited (" + process.exitValue() + "): " + tail());
            }
            try {
                if (Bench.HTTP
                                .send(health, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("compliance-service not UP after 3 minutes: " + tail());
    }

    String maxHeap() {
        return maxHeap;
    }

    long pid() {
        return process.pid();
    }

    /** Fails the run if the process is gone (a heap that outgrew its bound ends it). */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "compliance-service (-Xmx" + maxHeap + ") exited with " + process.exitValue() + ": " + tail());
        }
    }

    /** How many collections the GC log has so far: where a window of {@link #peakAfterGcMiB} starts. */
    int collections() throws IOException {
        return pauses().size();
    }

    /** The most heap any collection since the {@code from}th left, in MiB (heap in use, as the GC log rounds it). */
    long peakAfterGcMiB(int from) throws IOException {
        List<Long> all = pauses();
        return all.subList(Math.min(from, all.size()), all.size()).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(-1);
    }

    /** The heap in use after each pause, in MiB, as the GC log has them. */
    private List<Long> pauses() throws IOException {
        List<Long> after = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = COLLECTION.matcher(line);
            if (m.find()) {
                after.add(Long.parseLong(m.group(1)));
            }
        }
        return after;
    }

    /** The live set: heap used right after a full collection, in MiB. */
    long liveAfterFullGcMiB() throws Exception {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap use in jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1)) >> 10;
    }

    /** The classes that hold the most live heap, as {@code jcmd GC.class_histogram} prints them, indented. */
    String topClasses(int classes) throws Exception {
        return jcmd("GC.class_histogram")
                .lines()
                .dropWhile(line -> !line.contains("num "))
                .limit(classes + 2L)
                .map(line -> "    " + line)
                .collect(Collectors.joining("\n"));
    }

    private String jcmd(String command) throws Exception {
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops it as an orchestrator would (SIGTERM, then a kill after 30 s), before the database and broker stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
