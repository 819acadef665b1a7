package io.leverwatch.compliance.operator.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters of one replay, read by any thread while the replay's own thread advances them. */
final class ReplayProgress implements AlertViewRebuild.Progress {

    final String contractId;
    final Instant startedAt;
    private final long startedNanos = System.nanoTime();
    private final Clock clock;

    final AtomicLong eventsTotal = new AtomicLong();
    final AtomicLong eventsDone = new AtomicLong();
    final AtomicLong contractsDone = new AtomicLong();
    final AtomicLong alertsTotal = new AtomicLong();
    final AtomicLong alertsRebuilt = new AtomicLong();
    final AtomicLong sagasRewritten = new AtomicLong();
    final AtomicLong sagasCreated = new AtomicLong();
    final AtomicLong alertCommands = new AtomicLong();
    final AtomicLong alertViewsChanged = new AtomicLong();
    final AtomicLong alertHistoriesChanged = new AtomicLong();
    final AtomicLong contractsFailed = new AtomicLong();
    private volatile String phase = "SAGA";
    private volatile long phaseStartedNanos = startedNanos;
    private volatile long sagaNanos;
    private volatile String state = "RUNNING";
    private volatile Instant finishedAt;
    private volatile long finishedNanos;
    private volatile String error;

    ReplayProgress(String contractId, Clock clock) {
        this.contractId = contractId;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    void readModelPhase() {
        long now = System.nanoTime();
        sagaNanos = now - startedNanos;
        phaseStartedNanos = now;
        phase = "READ_MODEL";
    }

    void completed() {
        phase = "DONE";
        finishedNanos = System.nanoTime();
        finishedAt = clock.instant();
        state = "COMPLETED";
    }

    void failed(String message) {
        finishedNanos = System.nanoTime();
        finishedAt = clock.instant();
        error = message;
        state = "FAILED";
    }

    synchronized void contractFailed(String message) {
        contractsFailed.incrementAndGet();
        if (error == null) {
            error = message;
        }
    }

    @Override
    public void alertsToRebuild(int count) {
        // Added: a replay of every contract may rebuild the alerts its commands touched a second time.
        alertsTotal.addAndGet(count);
    }

    @Override
    public void alertRebuilt() {
        alertsRebuilt.incrementAndGet();
    }

    ReplayStatus status() {
        long now = System.nanoTime();
        boolean inSaga = "SAGA".equals(phase);
        double sagaSeconds = (inSaga ? now - startedNanos : sagaNanos) / 1e9;
        long done = eventsDone.get();
        // Counted when the replay started; events stored in the inbox since are replayed too, and count then.
        long total = Math.max(eventsTotal.get(), done);
        double rate = sagaSeconds > 0 ? done / sagaSeconds : 0;
        Double left = null;
        if (inSaga && rate > 0) {
            left = (total - done) / rate;
        } else if ("READ_MODEL".equals(phase)) {
            double seconds = (now - phaseStartedNanos) / 1e9;
            long rebuilt = alertsRebuilt.get();
            left = rebuilt > 0 && seconds > 0 ? (alertsTotal.get() - rebuilt) / (rebuilt / seconds) : null;
        } else if ("DONE".equals(phase)) {
            left = 0.0;
        }
        double percent = total == 0 ? ("DONE".equals(phase) ? 100 : 0) : 100.0 * done / total;
        return new ReplayStatus(
                state,
                contractId == null ? "ALL" : "CONTRACT",
                contractId,
                phase,
                done,
                total,
                Math.round(percent * 10) / 10.0,
                Math.round(rate * 10) / 10.0,
                left == null ? null : Math.round(left * 10) / 10.0,
                contractsDone.get(),
                alertsRebuilt.get(),
                alertsTotal.get(),
                startedAt,
                finishedAt,
                finishedAt == null ? null : Math.round((finishedNanos - startedNanos) / 1e6) / 1e3,
                new ReplayStatus.Outcome(
                        sagasRewritten.get(),
                        sagasCreated.get(),
                        alertCommands.get(),
                        alertViewsChanged.get(),
                        alertHistoriesChanged.get(),
                        contractsFailed.get()),
                error);
    }
}
