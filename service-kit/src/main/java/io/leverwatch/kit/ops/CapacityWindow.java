package io.leverwatch.kit.ops;

import java.time.Duration;

/**
 * What Axon's {@code CapacityMonitor} gauges, {@code <name>.capacity}: the share of the last window a processor's
 * threads spent handling messages (1 is a thread busy all the time). Axon's keeps every message's handling time in a
 * skip list for the window, its key a string built from the tags for each message (a twentieth of the saga
 * processor's time, BENCHMARKS.md); this one adds it to the second it ended in, one of a window's worth of seconds,
 * reused once the window has passed it. What ended in the current second counts whole until it leaves the window: the
 * gauge reads at most a second more than Axon's would. Times are a monotonic clock's nanoseconds.
 */
final class CapacityWindow {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final long[] second;
    private final long[] handling;

    CapacityWindow(Duration window) {
        int seconds = Math.toIntExact(window.toSeconds());
        second = new long[seconds];
        handling = new long[seconds];
    }

    synchronized void handled(long start, long end) {
        long now = end / SECOND;
        int slot = (int) Math.floorMod(now, (long) second.length);
        if (second[slot] != now) {
            second[slot] = now;
            handling[slot] = 0;
        }
        handling[slot] += end - start;
    }

    synchronized double capacity(long at) {
        long now = at / SECOND;
        long total = 0;
        for (int slot = 0; slot < second.length; slot++) {
            if (now - second[slot] < second.length) {
                total += handling[slot];
            }
        }
        return (double) total / (second.length * SECOND);
    }
}
