package io.leverwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time the platform's parts spend over a stretch of the benchmark, read from {@code /proc} (Linux): the
 * platform's JVM (Kafka, contract, billing and access, and the bench), compliance-service's JVM, and PostgreSQL (the
 * postmaster and every backend, those that ended included). Each JVM's JIT compiler threads and garbage collector are
 * told apart from the rest.
 *
 * <p>The end-to-end rate depends on how much of the machine is free and on how much of it the JIT compilers still take
 * (a fifth of the measured load at 10,000 contracts); the CPU an event is what the pipeline itself costs, and reads the
 * same from run to run when the rate does not.
 */
final class CpuMeter {

    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_A_SECOND = 100; // USER_HZ: 100 on every Linux build this runs on

    private final long platformPid;
    private final long compliancePid;
    private final long postmasterPid;

    private CpuMeter(long platformPid, long compliancePid, long postmasterPid) {
        this.platformPid = platformPid;
        this.compliancePid = compliancePid;
        this.postmasterPid = postmasterPid;
    }

    /**
     * @param backendPid any PostgreSQL backend's process id ({@code pg_backend_pid()}): its parent is the postmaster
     * @return empty where there is no {@code /proc} to read
     */
    static Optional<CpuMeter> of(long platformPid, long compliancePid, long backendPid) {
        try {
            return Optional.of(new CpuMeter(
                    platformPid,
                    compliancePid,
                    stat(PROC.resolve(Long.toString(backendPid))).parentPid()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The CPU time each part has spent so far, in seconds. */
    Snapshot snapshot() {
        Jvm platform = jvm(platformPid);
        Jvm compliance = jvm(compliancePid);
        return new Snapshot(System.nanoTime(), platform, compliance, postgres());
    }

    /** CPU seconds of one JVM: all its threads (those ended too), its JIT compilers', its garbage collector's. */
    record Jvm(double total, double jit, double gc) {

        Jvm minus(Jvm earlier) {
            return new Jvm(total - earlier.total, jit - earlier.jit, gc - earlier.gc);
        }
    }

    record Snapshot(long nanos, Jvm platform, Jvm compliance, double postgres) {

        /** What was spent between {@code earlier} and this snapshot. */
        Usage since(Snapshot earlier) {
            return new Usage(
                    (nanos - earlier.nanos) / 1e9,
                    platform.minus(earlier.platform),
                    compliance.minus(earlier.compliance),
                    postgres - earlier.postgres);
        }
    }

    /** The CPU seconds spent over {@code seconds} of wall time. */
    record Usage(double seconds, Jvm platform, Jvm compliance, double postgres) {

        double total() {
            return platform.total() + compliance.total() + postgres;
        }

        double jit() {
            return platform.jit() + compliance.jit();
        }

        String describe(long events) {
            return String.format(
                    Locale.ROOT,
                    "%.1f CPU-s in %.1f s (%.2f of %d cores busy): compliance %.1f (its JIT compilers %.1f, GC %.1f),"
                            + " platform %.1f (JIT compilers %.1f, GC %.1f), PostgreSQL %.1f; %.3f ms of CPU an event,"
                            + " %.3f without the JIT compilers'",
                    total(),
                    seconds,
                    total() / seconds,
                    Runtime.getRuntime().availableProcessors(),
                    compliance.total(),
                    compliance.jit(),
                    compliance.gc(),
                    platform.total(),
                    platform.jit(),
                    platform.gc(),
                    postgres,
                    1e3 * total() / events,
                    1e3 * (total() - jit()) / events);
        }
    }

    private static Jvm jvm(long pid) {
        Path process = PROC.resolve(Long.toString(pid));
        double jit = 0;
        double gc = 0;
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                Optional<Stat> thread = quietly(task);
                if (thread.isEmpty()) {
                    continue; // ended meanwhile: its time is in the process's
                }
                String name = thread.get().name();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    jit += thread.get().seconds();
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += thread.get().seconds();
                }
            }
            return new Jvm(stat(process).seconds(), jit, gc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    // The postmaster, the backends it has reaped (its children's time) and those still running.
    private double postgres() {
        try {
            Stat postmaster = stat(PROC.resolve(Long.toString(postmasterPid)));
            double seconds = postmaster.seconds() + postmaster.reapedChildrenSeconds();
            try (Stream<Path> processes = Files.list(PROC)) {
                for (Path process : processes.toList()) {
                    if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    Optional<Stat> child = quietly(process);
                    if (child.isPresent() && child.get().parentPid() == postmasterPid) {
                        seconds += child.get().seconds();
                    }
                }
            }
            return seconds;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read PostgreSQL's CPU time", e);
        }
    }

    private static Optional<Stat> quietly(Path process) {
        try {
            return Optional.of(stat(process));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The fields of {@code /proc/<pid>/stat} (or of a task's) this reads: proc(5). */
    private record Stat(String name, long parentPid, long ticks, long childrenTicks) {

        double seconds() {
            return (double) ticks / TICKS_A_SECOND;
        }

        double reapedChildrenSeconds() {
            return (double) childrenTicks / TICKS_A_SECOND;
        }
    }

    private static Stat stat(Path process) throws IOException {
        String line = Files.readString(process.resolve("stat"));
        // The name is in parentheses and may hold spaces and parentheses: the fields start after the last ')'.
        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        List<String> fields = List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        // From the state (field 3): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
        return new Stat(
                name,
                Long.parseLong(fields.get(1)),
                Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)),
                Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14)));
    }
}
