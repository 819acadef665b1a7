package io.leverwatch.compliance.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.alert.AlertCommented;
import io.leverwatch.compliance.alert.AlertDismissed;
import io.leverwatch.compliance.alert.AlertEscalated;
import io.leverwatch.compliance.leverage.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An alert's history says who changed it: the officer by name, or the system for what the saga decided. */
class HistoryLinesTest {

    private static final Instant RECORDED = Instant.parse("2026-05-01T12:00:00Z");
    private static final Instant ACTED = Instant.parse("2026-05-01T11:59:00Z");

    @Test
    void anOfficersActionIsTheirsAtTheTimeTheyActed() {
        HistoryLines.Line line = HistoryLines.of(new AlertDismissed("a-1", "officer", "settled", ACTED), RECORDED);

        assertThat(line.what()).isEqualTo("DISMISSED");
        assertThat(line.actor()).isEqualTo("officer");
        assertThat(line.actorKind()).isEqualTo("OFFICER");
        assertThat(line.at()).isEqualTo(ACTED);
        assertThat(line.details()).containsEntry("justification", "settled");
    }

    @Test
    void aCommentKeepsItsText() {
        HistoryLines.Line line = HistoryLines.of(new AlertCommented("a-1", "officer", "Called them", ACTED), RECORDED);

        assertThat(line.summary()).isEqualTo("Comment by officer");
        assertThat(line.details()).containsEntry("text", "Called them");
    }

    @Test
    void aDecisionOfTheSagaIsTheSystemsAtTheTimeItWasRecorded() {
        HistoryLines.Line line = HistoryLines.of(new AlertEscalated("a-1", Severity.HIGH, Severity.CRITICAL), RECORDED);

        assertThat(line.what()).isEqualTo("ESCALATED");
        assertThat(line.actor()).isEqualTo("system");
        assertThat(line.actorKind()).isEqualTo("SYSTEM");
        assertThat(line.at()).isEqualTo(RECORDED);
        assertThat(line.summary()).isEqualTo("Severity changed from HIGH to CRITICAL");
    }
}
