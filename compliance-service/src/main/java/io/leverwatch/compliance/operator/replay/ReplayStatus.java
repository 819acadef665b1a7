package io.leverwatch.compliance.operator.replay;

import java.time.Instant;

/**
 * Where the current or last replay stands ({@code GET /api/admin/replay}).
 *
 * @param state IDLE (none yet), RUNNING, COMPLETED or FAILED
 * @param scope ALL, or CONTRACT with {@code contractId}
 * @param phase SAGA (replaying contracts from the inbox; for every contract, the alert view is rebuilt meanwhile),
 *     READ_MODEL (rebuilding the alert view, or finishing its rebuild), DONE
 * @param eventsDone inbox events replayed so far, of {@code eventsTotal}
 * @param eventsPerSecond events replayed per second of the SAGA phase so far
 * @param secondsLeft an estimate of the time left in the current phase, at its rate so far; null before one is known
 * @param outcome what the replay changed
 */
public record ReplayStatus(
        String state,
        String scope,
        String contractId,
        String phase,
        long eventsDone,
        long eventsTotal,
        double percent,
        double eventsPerSecond,
        Double secondsLeft,
        long contractsDone,
        long alertsRebuilt,
        long alertsTotal,
        Instant startedAt,
        Instant finishedAt,
        Double durationSeconds,
        Outcome outcome,
        String error) {

    /**
     * @param sagasRewritten contracts whose saga did not hold every fact or the latest decisions, and was rewritten
     * @param sagasCreated contracts that had no saga
     * @param alertCommands commands sent to Alert aggregates to bring them in line (no-ops where nothing differed)
     * @param alertViewsChanged alerts whose read model row differed from the rebuilt one, and was replaced
     * @param alertHistoriesChanged alerts whose history differed from the rebuilt one, and was replaced
     * @param contractsFailed contracts the replay could not bring in line (see {@code error})
     */
    public record Outcome(
            long sagasRewritten,
            long sagasCreated,
            long alertCommands,
            long alertViewsChanged,
            long alertHistoriesChanged,
            long contractsFailed) {}

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
