package io.leverwatch.compliance.alert;

import static io.leverwatch.compliance.leverage.History.AGENCY;
import static io.leverwatch.compliance.leverage.History.CLIENT;
import static io.leverwatch.compliance.leverage.History.CONTRACT;
import static io.leverwatch.compliance.leverage.History.at;
import static io.leverwatch.compliance.leverage.History.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.DecisionStatus;
import io.leverwatch.compliance.leverage.Evidence;
import io.leverwatch.compliance.leverage.Fact;
import io.leverwatch.compliance.leverage.History;
import io.leverwatch.compliance.leverage.ImmediateAction;
import io.leverwatch.compliance.leverage.LockedAccount;
import io.leverwatch.compliance.leverage.Procedure;
import io.leverwatch.compliance.leverage.ProcedureCode;
import io.leverwatch.compliance.leverage.Severity;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.access.Revoker;
import io.leverwatch.events.contract.HeldInNameOf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DESIGN §3, case by case: given a contract's history, when one more event arrives, then these commands. */
class AccessLeverageSagaTest {

    private SagaTestFixture<AccessLeverageSaga> fixture;
    private RecordingCommandBus commandBus;
    private History history;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AccessLeverageSaga.class);
        fixture.registerResource(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus())
                .build());
        commandBus = (RecordingCommandBus) fixture.getCommandBus();
        history = new History();
        history.contractRegistered(day(0));
        history.account("facebook", HeldInNameOf.CLIENT, day(0));
    }

    @Nested
    class LeverageOverUnpaidInvoices {

        @Test
        void raisesHighAlertWhenClientIsLockedOutWhileAnInvoiceIsOverdue() {
            history.invoiceIssued("INV-1", "1200.00", day(1));
            Fact overdue = history.overdue("INV-1", "1200.00", day(10));
            Fact lockout = history.lockedOut("facebook", day(12));

            whenLastEventIsPublished()
                    .expectAssociationWith("contractId", CONTRACT)
                    .expectAssociationWith("accountId", "facebook");

            AlertDecision alert = raised();
            assertThat(alert.rule()).isEqualTo(AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES);
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.status()).isEqualTo(DecisionStatus.OPEN);
            assertThat(alert.contractId()).isEqualTo(CONTRACT);
            assertThat(alert.facts().agencyId()).isEqualTo(AGENCY);
            assertThat(alert.facts().clientId()).isEqualTo(CLIENT);
            assertThat(alert.facts().raisedAt()).isEqualTo(day(12));
            assertThat(alert.facts().accounts())
                    .extracting(LockedAccount::accountId, LockedAccount::lockedSince, LockedAccount::restoredAt)
                    .containsExactly(tuple("facebook", day(12), null));
            assertThat(alert.facts().overdueInvoices()).singleElement().satisfies(invoice -> {
                assertThat(invoice.invoiceId()).isEqualTo("INV-1");
                assertThat(invoice.outstanding()).isEqualTo(History.eur("1200.00"));
                assertThat(invoice.overdueSince()).isEqualTo(day(10));
            });
            assertThat(alert.facts().outstandingTotal()).isEqualTo(History.eur("1200.00"));
            assertThat(alert.facts().fixedIndemnity().amount()).isEqualByComparingTo("40");
            assertThat(alert.facts().recommendation().immediateAction()).isEqualTo(ImmediateAction.RESTORE_ACCESS);
            assertThat(alert.facts().recommendation().procedures())
                    .extracting(Procedure::code)
                    .containsExactly(
                            ProcedureCode.MISE_EN_DEMEURE,
                            ProcedureCode.INJONCTION_DE_PAYER,
                            ProcedureCode.REFERE_PROVISION);
            assertThat(alert.facts().evidence())
                    .extracting(Evidence::eventId)
                    .contains(overdue.eventId(), lockout.eventId());
            assertThat(alert.facts().evidence())
                    .filteredOn(e -> e.eventId().equals(lockout.eventId()))
                    .singleElement()
                    .isEqualTo(new Evidence(lockout.eventId(), lockout.type(), day(12), History.VAULT));
        }

        @Test
        void raisesAlertFromTheOverdueWhenTheInvoiceBecomesOverdueDuringTheLockout() {
            history.invoiceIssued("INV-1", "1200.00", day(1));
            history.lockedOut("facebook", day(5));
            history.overdue("INV-1", "1200.00", day(10));

            whenLastEventIsPublished();

            assertThat(raised().facts().raisedAt()).isEqualTo(day(10));
        }

        @Test
        void raisesCriticalAlertWhenRefusalCitesPayment() {
            history.overdue("INV-1", "800.00", day(10));
            history.refused("facebook", RefusalReason.PAYMENT_PENDING, day(12));

            whenLastEventIsPublished();

            assertThat(raised().severity()).isEqualTo(Severity.CRITICAL);
        }

        @Test
        void escalatesToCriticalWhenALaterRefusalCitesPayment() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            history.refused("facebook", RefusalReason.PAYMENT_PENDING, day(13));

            whenLastEventIsPublished();

            assertThat(dispatched())
                    .first()
                    .isInstanceOfSatisfying(
                            EscalateAlert.class,
                            escalate -> assertThat(escalate.severity()).isEqualTo(Severity.CRITICAL));
            assertThat(dispatched()).hasAtLeastOneElementOfType(UpdateAlertFacts.class);
        }

        @Test
        void staysHighWhenTheRefusalGivesAnotherReason() {
            history.overdue("INV-1", "800.00", day(10));
            history.refused("facebook", RefusalReason.DISPUTE, day(12));

            whenLastEventIsPublished();

            assertThat(raised().severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void raisesCriticalAlertWhenADeclaredCriticalPeriodOverlapsTheLockout() {
            Fact promotion = history.criticalPeriod(day(14), day(21), day(2));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));

            whenLastEventIsPublished();

            assertThat(raised().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(raised().facts().evidence())
                    .extracting(Evidence::eventId)
                    .contains(promotion.eventId());
        }

        @Test
        void staysHighWhenTheCriticalPeriodEndedBeforeTheLockout() {
            history.criticalPeriod(day(3), day(8), day(2));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));

            whenLastEventIsPublished();

            assertThat(raised().severity()).isEqualTo(Severity.HIGH);
        }
    }

    @Nested
    class WithheldAfterTermination {

        @Test
        void raisesMediumAlertWhenAccessIsWithheldAfterTermination() {
            Fact termination = history.terminated(day(20), day(15));
            history.lockedOut("facebook", day(21));

            whenLastEventIsPublished();

            AlertDecision alert = raised();
            assertThat(alert.rule()).isEqualTo(AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION);
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.facts().raisedAt()).isEqualTo(day(21));
            assertThat(alert.facts().recommendation().immediateAction()).isEqualTo(ImmediateAction.HAND_OVER_ACCESS);
            assertThat(alert.facts().recommendation().procedures()).isEmpty();
            assertThat(alert.facts().evidence()).extracting(Evidence::eventId).contains(termination.eventId());
        }

        @Test
        void raisesFromTheEffectiveTerminationWhenTheLockoutBeganBefore() {
            history.lockedOut("facebook", day(5));
            history.terminated(day(20), day(15));

            whenLastEventIsPublished();

            assertThat(raised().facts().raisedAt()).isEqualTo(day(20));
        }

        @Test
        void raisesHighAlertWhenACriticalPeriodOverlapsTheLockout() {
            history.criticalPeriod(day(18), day(25), day(2));
            history.terminated(day(20), day(15));
            history.lockedOut("facebook", day(21));

            whenLastEventIsPublished();

            assertThat(raised().rule()).isEqualTo(AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION);
            assertThat(raised().severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void doesNotAlertOnALockoutRestoredBeforeTerminationTookEffect() {
            history.lockedOut("facebook", day(5));
            history.restored("facebook", day(6));
            history.terminated(day(20), day(15));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void reclassifiesToLeverageWhenAnInvoiceBecomesOverdueDuringTheLockout() {
            history.terminated(day(20), day(15));
            history.invoiceIssued("INV-9", "500.00", day(16));
            history.lockedOut("facebook", day(21));
            String alertId = alertIdOfLastLockout();
            history.overdue("INV-9", "500.00", day(25));

            whenLastEventIsPublished();

            assertThat(dispatched()).first().isInstanceOfSatisfying(ReclassifyAlert.class, reclassify -> {
                assertThat(reclassify.alertId()).isEqualTo(alertId);
                assertThat(reclassify.rule()).isEqualTo(AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES);
                assertThat(reclassify.severity()).isEqualTo(Severity.HIGH);
                assertThat(reclassify.recommendation().immediateAction()).isEqualTo(ImmediateAction.RESTORE_ACCESS);
            });
            assertThat(dispatched()).noneMatch(command -> command instanceof RaiseAlert);
        }

        @Test
        void prefersLeverageWhenAnInvoiceIsOverdueAfterTermination() {
            history.overdue("INV-1", "300.00", day(10));
            history.terminated(day(20), day(15));
            history.lockedOut("facebook", day(21));

            whenLastEventIsPublished();

            assertThat(raised().rule()).isEqualTo(AlertRule.ACCESS_LEVERAGE_OVER_UNPAID_INVOICES);
        }
    }

    @Nested
    class NotAlerts {

        @Test
        void accountHeldInTheAgencysName() {
            history.account("hosting", HeldInNameOf.AGENCY, day(0));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("hosting", day(12));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void credentialsChangedByTheClient() {
            history.overdue("INV-1", "800.00", day(10));
            history.credentialsChanged("facebook", Actor.CLIENT, false, day(12));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void credentialsChangedOrRoleRevokedByThePlatform() {
            history.overdue("INV-1", "800.00", day(10));
            history.credentialsChanged("facebook", Actor.PLATFORM, false, day(12));
            history.revoked("facebook", Revoker.PLATFORM, day(13));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void rotationWhereTheOwnerKeepsAccess() {
            history.overdue("INV-1", "800.00", day(10));
            history.credentialsChanged("facebook", Actor.AGENCY, true, day(12));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void overdueInvoiceWithNoLockout() {
            history.invoiceIssued("INV-1", "800.00", day(1));
            history.requested("facebook", day(11));
            history.overdue("INV-1", "800.00", day(10));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void lockoutThatEndedBeforeTheInvoiceBecameOverdue() {
            history.lockedOut("facebook", day(3));
            history.restored("facebook", day(10));
            history.overdue("INV-1", "800.00", day(10));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void invoicePaidInFullBeforeItWasOverdue() {
            history.invoiceIssued("INV-1", "800.00", day(1));
            history.payment("INV-1", "800.00", "0.00", day(8));
            history.lockedOut("facebook", day(12));
            history.overdue("INV-1", "800.00", day(10)); // declared by the agency, after the payment

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void lockoutAfterTheInvoiceWasCancelled() {
            history.overdue("INV-1", "800.00", day(10));
            history.cancelled("INV-1", day(11));
            history.lockedOut("facebook", day(12));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }

        @Test
        void lockoutOfAnAccountWhoseRegistrationIsNotKnownYet() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("instagram", day(12));

            whenLastEventIsPublished().expectNoDispatchedCommands();
        }
    }

    @Nested
    class Episodes {

        @Test
        void raisesWhenTheRegistrationOfALockedAccountArrivesLate() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("instagram", day(12));
            history.account("instagram", HeldInNameOf.CLIENT, day(0));

            whenLastEventIsPublished();

            assertThat(raised().facts().accounts())
                    .extracting(LockedAccount::accountId)
                    .containsExactly("instagram");
        }

        @Test
        void raisesOneAlertWhenTwoAccountsAreLockedInOverlappingPeriods() {
            history.account("x", HeldInNameOf.CLIENT, day(0));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            history.lockedOut("x", day(13));

            List<Object> commands = allCommands();

            assertThat(commands).filteredOn(RaiseAlert.class::isInstance).hasSize(1);
            AlertDecision alert =
                    AlertBook.replaying(commands).visible().values().iterator().next();
            assertThat(alert.facts().accounts())
                    .extracting(LockedAccount::accountId)
                    .containsExactly("facebook", "x");
        }

        @Test
        void raisesTwoAlertsWithDifferentIdsForLockoutRestoreLockout() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            history.restored("facebook", day(13));
            history.lockedOut("facebook", day(15));

            Map<String, AlertDecision> alerts =
                    AlertBook.replaying(allCommands()).visible();

            assertThat(alerts).hasSize(2);
            assertThat(alerts.values())
                    .extracting(AlertDecision::status)
                    .containsExactlyInAnyOrder(DecisionStatus.RESOLVED, DecisionStatus.OPEN);
        }

        @Test
        void resolvesItselfWhenEveryLockedAccountIsRestored() {
            history.account("x", HeldInNameOf.CLIENT, day(0));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            history.lockedOut("x", day(13));
            Fact firstRestore = history.restored("facebook", day(14));
            Fact lastRestore = history.restored("x", day(16));

            whenLastEventIsPublished();

            assertThat(dispatched())
                    .filteredOn(ResolveAlert.class::isInstance)
                    .singleElement()
                    .isInstanceOfSatisfying(ResolveAlert.class, resolve -> {
                        assertThat(resolve.resolvedAt()).isEqualTo(day(16));
                        assertThat(resolve.restoringEvidence())
                                .extracting(Evidence::eventId)
                                .containsExactly(firstRestore.eventId(), lastRestore.eventId());
                    });
        }

        @Test
        void doesNotResolveWhileAnotherAccountOfTheEpisodeIsStillLocked() {
            history.account("x", HeldInNameOf.CLIENT, day(0));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            history.lockedOut("x", day(13));
            history.restored("facebook", day(14));

            whenLastEventIsPublished();

            assertThat(dispatched()).singleElement().isInstanceOf(UpdateAlertFacts.class);
        }

        @Test
        void reopensWhenALateLockoutShowsAnAccountStillLocked() {
            history.account("x", HeldInNameOf.CLIENT, day(0));
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            history.restored("facebook", day(14));
            history.lockedOut("x", day(13));

            whenLastEventIsPublished();

            assertThat(dispatched()).hasAtLeastOneElementOfType(ReopenAlert.class);
        }

        @Test
        void retractsTheAlertWhenALatePaymentShowsTheInvoiceWasPaidBeforeTheLockout() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            String alertId = alertIdOfLastLockout();
            history.payment("INV-1", "800.00", "0.00", day(11));

            whenLastEventIsPublished();

            assertThat(dispatched()).singleElement().isInstanceOfSatisfying(RetractAlert.class, retract -> {
                assertThat(retract.alertId()).isEqualTo(alertId);
                assertThat(retract.supersededBy()).isNull();
            });
        }

        @Test
        void endsTheOverdueAtTheCancellationOfTheInvoice() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", at(10, 12));
            history.cancelled("INV-1", day(11));

            whenLastEventIsPublished();

            assertThat(dispatched()).singleElement().isInstanceOfSatisfying(UpdateAlertFacts.class, update -> {
                assertThat(update.facts().overdueInvoices()).singleElement().satisfies(invoice -> {
                    assertThat(invoice.overdueUntil()).isEqualTo(day(11));
                    assertThat(invoice.outstanding().isZero()).isTrue();
                });
                assertThat(update.facts().recommendation().procedures()).isEmpty();
            });
        }
    }

    @Nested
    class Determinism {

        @Test
        void derivesTheAlertIdFromTheContractAndTheEpisodesFirstEvent() {
            history.overdue("INV-1", "800.00", day(10));
            Fact lockout = history.lockedOut("facebook", day(12));

            whenLastEventIsPublished();

            String key = CONTRACT + "|" + lockout.eventId();
            assertThat(raised().alertId())
                    .isEqualTo("alert-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
            assertThat(raised().episodeFirstEventId()).isEqualTo(lockout.eventId());
        }

        @Test
        void givesTheSameIdWhenTheSameHistoryIsReplayed() {
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            String firstRun = AlertBook.replaying(allCommands())
                    .visible()
                    .keySet()
                    .iterator()
                    .next();

            setUp();
            history.overdue("INV-1", "800.00", day(10));
            history.lockedOut("facebook", day(12));
            String secondRun = AlertBook.replaying(allCommands())
                    .visible()
                    .keySet()
                    .iterator()
                    .next();

            assertThat(secondRun).isEqualTo(firstRun);
        }

        @Test
        void givesTheSameAlertsWhenTheRestoreArrivesBeforeTheLockout() {
            History inOrder = new History();
            inOrder.contractRegistered(day(0));
            inOrder.account("facebook", HeldInNameOf.CLIENT, day(0));
            inOrder.overdue("INV-1", "800.00", day(10));
            Fact lockout = inOrder.lockedOut("facebook", day(12));
            Fact restore = inOrder.restored("facebook", day(14));
            List<Fact> facts = inOrder.facts();
            Map<String, AlertDecision> expected =
                    AlertBook.replaying(commandsFor(facts)).visible();

            setUp();
            List<Fact> outOfOrder = new ArrayList<>(facts);
            outOfOrder.remove(restore);
            outOfOrder.add(outOfOrder.indexOf(lockout), restore);
            Map<String, AlertDecision> actual =
                    AlertBook.replaying(commandsFor(outOfOrder)).visible();

            assertThat(actual).isEqualTo(expected).hasSize(1);
            assertThat(actual.values().iterator().next().status()).isEqualTo(DecisionStatus.RESOLVED);
        }

        @Test
        void ignoresARedeliveredEvent() {
            history.overdue("INV-1", "800.00", day(10));
            Fact lockout = history.lockedOut("facebook", day(12));

            given(history.facts()).whenPublishingA(message(lockout)).expectNoDispatchedCommands();
        }
    }

    // --- given / when helpers -------------------------------------------------------------------------------------

    /** Given every fact of the history but the last, when the last one is published. */
    private FixtureExecutionResult whenLastEventIsPublished() {
        List<Fact> facts = history.facts();
        return given(facts.subList(0, facts.size() - 1))
                .whenPublishingA(message(facts.get(facts.size() - 1)))
                .expectSuccessfulHandlerExecution();
    }

    private ContinuedGivenState given(List<Fact> facts) {
        ContinuedGivenState state = fixture.givenAPublished(message(facts.get(0)));
        for (Fact fact : facts.subList(1, facts.size())) {
            state = state.andThenAPublished(message(fact));
        }
        return state;
    }

    /** Every command the saga sends for the history, given and when phases together. */
    private List<Object> allCommands() {
        return commandsFor(history.facts());
    }

    private List<Object> commandsFor(List<Fact> facts) {
        ContinuedGivenState state = given(facts.subList(0, facts.size() - 1));
        // The recording bus keeps the given phase's commands until the when phase starts.
        List<Object> commands = new ArrayList<>(dispatched());
        state.whenPublishingA(message(facts.get(facts.size() - 1))).expectSuccessfulHandlerExecution();
        commands.addAll(dispatched());
        return commands;
    }

    private String alertIdOfLastLockout() {
        List<Fact> facts = history.facts();
        String key = CONTRACT + "|" + facts.get(facts.size() - 1).eventId();
        return "alert-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private List<Object> dispatched() {
        return commandBus.getDispatchedCommands().stream()
                .<Object>map(Message::getPayload)
                .toList();
    }

    private AlertDecision raised() {
        List<RaiseAlert> raises = dispatched().stream()
                .filter(RaiseAlert.class::isInstance)
                .map(RaiseAlert.class::cast)
                .toList();
        assertThat(raises).as("RaiseAlert commands").hasSize(1);
        return raises.get(0).decision();
    }

    private static GenericEventMessage<Object> message(Fact fact) {
        return new GenericEventMessage<>(
                fact.eventId(),
                fact.payload(),
                Map.of(AccessLeverageSaga.SOURCE_METADATA, fact.source()),
                fact.businessTime());
    }
}
