package io.leverwatch.compliance.operator.replay;

/** A replay was asked for while another one runs: one at a time. */
public class ReplayAlreadyRunningException extends RuntimeException {

    private final ReplayStatus running;

    public ReplayAlreadyRunningException(ReplayStatus running) {
        super("a replay is already running");
        this.running = running;
    }

    public ReplayStatus running() {
        return running;
    }
}
