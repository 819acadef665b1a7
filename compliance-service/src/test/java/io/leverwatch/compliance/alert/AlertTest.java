package io.leverwatch.compliance.alert;

import static io.leverwatch.compliance.leverage.History.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.AlertFacts;
import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.Evidence;
import io.leverwatch.compliance.leverage.History;
import io.leverwatch.compliance.leverage.Severity;
import io.leverwatch.events.contract.HeldInNameOf;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Alert aggregate: the saga's commands are idempotent, officers act only on alerts still open. */
class AlertTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");

    private FixtureConfiguration<Alert> fixture;
    private AlertDecision decision;
    private String id;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        History history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
        history.overdue("INV-1", "800.00", day(10));
        history.lockedOut("facebook", day(12));
        decision = AlertDecider.decide(History.caseOf(history.facts())).get(0);
        id = decision.alertId();
    }

    @Nested
    class SagaCommands {

        @Test
        void raisesTheAlertTheSagaDecidedOn() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseAlert(id, decision))
                    .expectEvents(new AlertRaised(id, decision))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.OPEN));
        }

        @Test
        void raisingAnExistingAlertAgainIsANoOp() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new RaiseAlert(id, decision))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void raisingARetractedAlertAgainReinstatesIt() {
            fixture.given(new AlertRaised(id, decision), new AlertRetracted(id, "paid", null))
                    .when(new RaiseAlert(id, decision))
                    .expectEvents(new AlertRaised(id, decision))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.OPEN));
        }

        @Test
        void rejectsARaiseWhoseDecisionIsForAnotherAlert() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseAlert("alert-other", decision))
                    .expectException(InvalidAlertCommandException.class);
        }

        @Test
        void updatesTheFactsWhenTheyChanged() {
            AlertFacts changed = factsWithEvidence(List.of());
            fixture.given(new AlertRaised(id, decision))
                    .when(new UpdateAlertFacts(id, changed))
                    .expectEvents(new AlertFactsUpdated(id, changed));
        }

        @Test
        void ignoresAnUpdateWithTheSameFacts() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new UpdateAlertFacts(id, decision.facts()))
                    .expectNoEvents();
        }

        @Test
        void reclassifiesUnderAnotherRule() {
            AlertDecision termination = withRule(AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION, Severity.MEDIUM);
            var recommendation = decision.facts().recommendation();
            fixture.given(new AlertRaised(id, termination))
                    .when(new ReclassifyAlert(
                            id, AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES, Severity.HIGH, recommendation))
                    .expectEvents(new AlertReclassified(
                            id,
                            AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION,
                            AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES,
                            Severity.HIGH,
                            recommendation))
                    .expectState(alert -> {
                        assertThat(alert.rule()).isEqualTo(AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES);
                        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
                    });
        }

        @Test
        void ignoresAReclassificationToTheSameRule() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new ReclassifyAlert(
                            id,
                            decision.rule(),
                            Severity.CRITICAL,
                            decision.facts().recommendation()))
                    .expectNoEvents();
        }

        @Test
        void escalatesToTheNewSeverity() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new EscalateAlert(id, Severity.CRITICAL))
                    .expectEvents(new AlertEscalated(id, Severity.HIGH, Severity.CRITICAL));
        }

        @Test
        void ignoresAnEscalationToTheSameSeverity() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new EscalateAlert(id, Severity.HIGH))
                    .expectNoEvents();
        }

        @Test
        void resolvesWithTheRestoringEvidence() {
            List<Evidence> restoring = List.of(new Evidence("evt-9", "leverwatch.access.restored", day(14), "urn:v"));
            fixture.given(new AlertRaised(id, decision))
                    .when(new ResolveAlert(id, day(14), restoring))
                    .expectEvents(new AlertResolved(id, day(14), restoring))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED));
        }

        @Test
        void resolvingAgainAtTheSameTimeIsANoOp() {
            fixture.given(new AlertRaised(id, decision), new AlertResolved(id, day(14), List.of()))
                    .when(new ResolveAlert(id, day(14), List.of()))
                    .expectNoEvents();
        }

        @Test
        void aDismissedAlertStaysDismissedWhenTheAccountsAreRestored() {
            fixture.given(new AlertRaised(id, decision), new AlertDismissed(id, "officer", "duplicate", NOW))
                    .when(new ResolveAlert(id, day(14), List.of()))
                    .expectEvents(new AlertResolved(id, day(14), List.of()))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.DISMISSED));
        }

        @Test
        void reopensAResolvedAlertAsItWasBefore() {
            fixture.given(
                            new AlertRaised(id, decision),
                            new AlertAcknowledged(id, "officer", NOW),
                            new AlertResolved(id, day(14), List.of()))
                    .when(new ReopenAlert(id, "still locked"))
                    .expectEvents(new AlertReopened(id, "still locked"))
                    .expectState(alert -> {
                        assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
                        assertThat(alert.resolvedAt()).isNull();
                    });
        }

        @Test
        void reopeningAnAlertThatIsNotResolvedIsANoOp() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new ReopenAlert(id, "still locked"))
                    .expectNoEvents();
        }

        @Test
        void retractsTheAlert() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new RetractAlert(id, "paid before the lockout", null))
                    .expectEvents(new AlertRetracted(id, "paid before the lockout", null))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.RETRACTED));
        }

        @Test
        void retractingTwiceIsANoOp() {
            fixture.given(new AlertRaised(id, decision), new AlertRetracted(id, "paid", null))
                    .when(new RetractAlert(id, "paid", null))
                    .expectNoEvents();
        }

        @Test
        void ignoresFactsAboutARetractedAlert() {
            fixture.given(new AlertRaised(id, decision), new AlertRetracted(id, "paid", null))
                    .when(new EscalateAlert(id, Severity.CRITICAL))
                    .expectNoEvents();
        }
    }

    @Nested
    class OfficerActions {

        @Test
        void acknowledgesAtTheClocksTime() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new AcknowledgeAlert(id, "officer"))
                    .expectEvents(new AlertAcknowledged(id, "officer", NOW))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED));
        }

        @Test
        void acknowledgingTwiceIsANoOp() {
            fixture.given(new AlertRaised(id, decision), new AlertAcknowledged(id, "officer", NOW))
                    .when(new AcknowledgeAlert(id, "other officer"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotAcknowledgeAResolvedAlert() {
            fixture.given(new AlertRaised(id, decision), new AlertResolved(id, day(14), List.of()))
                    .when(new AcknowledgeAlert(id, "officer"))
                    .expectException(AlertClosedException.class);
        }

        @Test
        void rejectsAnAcknowledgementWithoutOfficer() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new AcknowledgeAlert(id, " "))
                    .expectException(InvalidAlertCommandException.class);
        }

        @Test
        void assignsTheAlert() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new AssignAlert(id, "claire", "officer"))
                    .expectEvents(new AlertAssigned(id, "claire", "officer", NOW));
        }

        @Test
        void rejectsAnAssignmentWithoutAssignee() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new AssignAlert(id, "", "officer"))
                    .expectException(InvalidAlertCommandException.class);
        }

        @Test
        void cannotAssignADismissedAlert() {
            fixture.given(new AlertRaised(id, decision), new AlertDismissed(id, "officer", "duplicate", NOW))
                    .when(new AssignAlert(id, "claire", "officer"))
                    .expectException(AlertClosedException.class);
        }

        @Test
        void commentsOnTheAlert() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new CommentOnAlert(id, "officer", "Called the agency."))
                    .expectEvents(new AlertCommented(id, "officer", "Called the agency.", NOW));
        }

        @Test
        void rejectsABlankComment() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new CommentOnAlert(id, "officer", "  "))
                    .expectException(InvalidAlertCommandException.class);
        }

        @Test
        void cannotCommentOnAResolvedAlert() {
            fixture.given(new AlertRaised(id, decision), new AlertResolved(id, day(14), List.of()))
                    .when(new CommentOnAlert(id, "officer", "too late"))
                    .expectException(AlertClosedException.class);
        }

        @Test
        void dismissesWithAJustification() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new DismissAlert(id, "officer", "Account is the agency's own test page."))
                    .expectEvents(new AlertDismissed(id, "officer", "Account is the agency's own test page.", NOW))
                    .expectState(alert -> assertThat(alert.status()).isEqualTo(AlertStatus.DISMISSED));
        }

        @Test
        void rejectsADismissalWithABlankJustification() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new DismissAlert(id, "officer", " "))
                    .expectException(JustificationRequiredException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsADismissalWithoutJustification() {
            fixture.given(new AlertRaised(id, decision))
                    .when(new DismissAlert(id, "officer", null))
                    .expectException(JustificationRequiredException.class);
        }

        @Test
        void cannotDismissTwice() {
            fixture.given(new AlertRaised(id, decision), new AlertDismissed(id, "officer", "duplicate", NOW))
                    .when(new DismissAlert(id, "officer", "again"))
                    .expectException(AlertClosedException.class);
        }

        @Test
        void cannotActOnARetractedAlert() {
            fixture.given(new AlertRaised(id, decision), new AlertRetracted(id, "paid", null))
                    .when(new DismissAlert(id, "officer", "no longer relevant"))
                    .expectException(AlertClosedException.class);
        }

        @Test
        void cannotActOnAnUnknownAlert() {
            fixture.givenNoPriorActivity()
                    .when(new AcknowledgeAlert("alert-unknown", "officer"))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    private AlertDecision withRule(AlertRule rule, Severity severity) {
        return new AlertDecision(
                id,
                decision.contractId(),
                decision.episodeFirstEventId(),
                rule,
                severity,
                decision.status(),
                decision.resolvedAt(),
                decision.facts());
    }

    private AlertFacts factsWithEvidence(List<Evidence> evidence) {
        AlertFacts f = decision.facts();
        return new AlertFacts(
                f.agencyId(),
                f.clientId(),
                f.raisedAt(),
                f.accounts(),
                f.overdueInvoices(),
                f.outstandingTotal(),
                f.outstandingByCurrency(),
                f.fixedIndemnity(),
                f.recommendation(),
                evidence);
    }
}
