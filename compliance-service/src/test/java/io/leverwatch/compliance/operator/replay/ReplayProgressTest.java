package io.leverwatch.compliance.operator.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void eventsStoredInTheInboxDuringTheReplayAddToItsTotalInsteadOfTakingItPastAHundredPercent() {
        ReplayProgress progress = new ReplayProgress(null, clock);
        progress.eventsTotal.set(14);
        progress.eventsDone.set(15);
        progress.completed();

        ReplayStatus status = progress.status();

        assertThat(status.eventsDone()).isEqualTo(15);
        assertThat(status.eventsTotal()).isEqualTo(15);
        assertThat(status.percent()).isEqualTo(100.0);
    }

    @Test
    void whileRunningThePercentIsOfTheEventsCountedAtTheStart() {
        ReplayProgress progress = new ReplayProgress(null, clock);
        progress.eventsTotal.set(200);
        progress.eventsDone.set(50);

        ReplayStatus status = progress.status();

        assertThat(status.eventsTotal()).isEqualTo(200);
        assertThat(status.percent()).isEqualTo(25.0);
    }
}
