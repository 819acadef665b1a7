package io.leverwatch.platform.faults;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Polls a condition until it holds or a deadline passes. A condition that throws (the database is down, the service
 * is restarting) has not held yet.
 */
public final class Await {

    /** Waits for the condition; returns how long it took, or fails naming what was awaited. */
    public static Duration until(String what, Duration timeout, Callable<Boolean> condition)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        AssertionError failure = new AssertionError("not within " + timeout + ": " + what);
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    private Await() {}
}
