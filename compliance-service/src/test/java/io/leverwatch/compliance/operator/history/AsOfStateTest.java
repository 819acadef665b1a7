package io.leverwatch.compliance.operator.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.testing.LegalCase;
import io.leverwatch.events.EventCatalog;
import io.leverwatch.kit.publish.EventFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The case of LEGAL.md read at several instants of business time and of receipt. The access events are received
 * late (a week after the rest), so that what the platform knew before they came differs from what happened.
 */
class AsOfStateTest {

    private static final Instant FIRST_RECEIPT = Instant.parse("2026-04-02T16:00:00Z");
    private static final Instant LATE_RECEIPT = Instant.parse("2026-04-09T12:00:00Z");
    private static final Instant RESTORATIONS_RECEIPT = Instant.parse("2026-04-21T08:00:00Z");

    private final LegalCase legalCase = new LegalCase("c-asof");
    private final List<InboxRecord> history = new ArrayList<>();

    AsOfStateTest() {
        legalCase.contractEvents().forEach(e -> received(e, FIRST_RECEIPT));
        legalCase.billingEvents().forEach(e -> received(e, FIRST_RECEIPT));
        legalCase.overdueEvents().forEach(e -> received(e, FIRST_RECEIPT));
        legalCase.accessEvents().forEach(e -> received(e, LATE_RECEIPT));
        legalCase.restorations().forEach(e -> received(e, RESTORATIONS_RECEIPT));
    }

    @Test
    void beforeTheLockoutTheInvoicesAreOverdueAndTheClientHasItsAccounts() {
        ContractState state = AsOfState.of(legalCase.contractId, history, at("2026-03-10T15:00:00Z"), null);

        assertThat(state.contract().status()).isEqualTo("ACTIVE");
        assertThat(state.contract().terminationEffectiveAt()).isEqualTo(at("2026-03-31T23:59:59Z"));
        assertThat(state.accounts()).hasSize(2).allSatisfy(account -> {
            assertThat(account.clientLockedOut()).isFalse();
            assertThat(account.usableBy()).containsExactly("CLIENT", "AGENCY");
            assertThat(account.heldInNameOf()).isEqualTo("CLIENT");
        });
        assertThat(state.invoices())
                .satisfiesExactly(
                        first -> {
                            assertThat(first.invoiceId()).isEqualTo(legalCase.firstInvoice);
                            assertThat(first.status()).isEqualTo("OVERDUE");
                            assertThat(first.overdueSince()).isEqualTo(at("2026-02-05T00:00:00Z"));
                            assertThat(first.outstanding()).isEqualTo(new Amount("1800.00", "EUR"));
                        },
                        second -> {
                            assertThat(second.status()).isEqualTo("OVERDUE");
                            assertThat(second.outstanding()).isEqualTo(new Amount("1500.00", "EUR"));
                        });
        assertThat(state.alerts()).isEmpty();
    }

    @Test
    void duringTheLockoutTheAlertIsTheOneTheSagaDecidesOnTheSameFacts() {
        Instant asOf = at("2026-04-05T00:00:00Z");

        ContractState state = AsOfState.of(legalCase.contractId, history, asOf, null);

        assertThat(state.contract().status()).isEqualTo("TERMINATED");
        assertThat(state.accounts()).allSatisfy(account -> {
            assertThat(account.clientLockedOut()).isTrue();
            assertThat(account.usableBy()).containsExactly("AGENCY");
        });
        AlertDecision decided = AlertDecider.decide(caseOf(asOf)).get(0);
        assertThat(state.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(decided.alertId());
            assertThat(alert.rule()).isEqualTo("ACCESS_LEVERAGE_OVER_UNPAID_INVOICES");
            assertThat(alert.severity()).isEqualTo("CRITICAL");
            assertThat(alert.status()).isEqualTo("OPEN");
            assertThat(alert.outstandingTotal()).isEqualTo(new Amount("3300.00", "EUR"));
            assertThat(alert.evidence()).isEqualTo(decided.facts().evidence());
        });
    }

    @Test
    void whatWasReceivedLaterIsNotKnownEarlier() {
        Instant asOf = at("2026-04-05T00:00:00Z");

        ContractState known = AsOfState.of(legalCase.contractId, history, asOf, at("2026-04-05T00:00:00Z"));

        assertThat(known.alerts()).isEmpty();
        assertThat(known.accounts()).noneMatch(ContractState.Account::clientLockedOut);
        assertThat(known.eventsReceivedLater())
                .isEqualTo(legalCase.accessEvents().size());
        assertThat(AsOfState.of(legalCase.contractId, history, asOf, LATE_RECEIPT)
                        .alerts())
                .hasSize(1);
    }

    @Test
    void onceAccessIsHandedBackTheAlertIsResolvedAndTheAgencyNoLongerHoldsTheAccounts() {
        ContractState state = AsOfState.of(legalCase.contractId, history, at("2026-04-25T00:00:00Z"), null);

        assertThat(state.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo("RESOLVED");
            assertThat(alert.resolvedAt()).isEqualTo(at("2026-04-20T10:05:00Z"));
        });
        assertThat(state.accounts()).allSatisfy(account -> {
            assertThat(account.clientLockedOut()).isFalse();
            assertThat(account.usableBy()).containsExactly("CLIENT");
        });
        assertThat(state.criticalPeriods())
                .singleElement()
                .satisfies(p -> assertThat(p.inProgress()).isTrue());
    }

    @Test
    void theOrderEventsArriveInChangesNothing() {
        List<InboxRecord> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(42));
        Instant asOf = at("2026-04-05T00:00:00Z");

        assertThat(AsOfState.of(legalCase.contractId, shuffled, asOf, null))
                .isEqualTo(AsOfState.of(legalCase.contractId, history, asOf, null));
    }

    private ContractCase caseOf(Instant asOf) {
        ContractCase contractCase = new ContractCase();
        history.stream()
                .filter(record -> record.happenedBy(asOf))
                .forEach(record -> contractCase.apply(record.toFact()));
        return contractCase;
    }

    private void received(Object payload, Instant receivedAt) {
        history.add(new InboxRecord(
                history.size() + 1,
                "evt-" + (history.size() + 1),
                EventCatalog.typeOf(payload.getClass()).orElseThrow(),
                "https://erp.example",
                EventFields.occurredAt(payload),
                receivedAt,
                payload));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
