package io.leverwatch.compliance.leverage;

import io.leverwatch.events.billing.CreditNoteIssued;
import io.leverwatch.events.contract.ContractRegistered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a rule's outcome on an episode into the content of an alert: parties, accounts, amounts, evidence. */
final class AlertAssembly {

    private final String contractId;
    private final Optional<Fact> contract;
    private final List<Fact> creditNotes;

    AlertAssembly(String contractId, ContractCase contractCase) {
        this.contractId = contractId;
        this.contract = contractCase.factsOf(ContractRegistered.class).stream().findFirst();
        this.creditNotes = contractCase.factsOf(CreditNoteIssued.class);
    }

    AlertDecision decision(LockoutEpisode episode, RuleOutcome outcome) {
        List<OverdueInvoice> invoices =
                outcome.overdue().stream().map(OverduePeriod::toOverdueInvoice).toList();
        Recommendation recommendation = RecommendationPolicy.recommend(
                outcome.rule(),
                invoices,
                creditNotes.stream().map(f -> (CreditNoteIssued) f.payload()).toList());
        AlertFacts facts = new AlertFacts(
                agencyId(episode),
                contract.map(f -> ((ContractRegistered) f.payload()).clientId()).orElse(null),
                outcome.raisedAt(),
                episode.lockouts().stream()
                        .map(LockedAccount::of)
                        .sorted(Comparator.comparing(LockedAccount::lockedSince)
                                .thenComparing(LockedAccount::accountId))
                        .toList(),
                invoices,
                RecommendationPolicy.outstandingTotal(invoices),
                RecommendationPolicy.outstandingByCurrency(invoices),
                RecommendationPolicy.fixedIndemnity(invoices),
                recommendation,
                evidence(episode, outcome, recommendation));
        return new AlertDecision(
                episode.alertId(contractId),
                contractId,
                episode.firstEvent().eventId(),
                outcome.rule(),
                outcome.severity(),
                episode.isOver() ? DecisionStatus.RESOLVED : DecisionStatus.OPEN,
                episode.interval().end(),
                facts);
    }

    // The contract's registration names the agency; before it is known, the account's registration does.
    private String agencyId(LockoutEpisode episode) {
        return contract.map(f -> ((ContractRegistered) f.payload()).agencyId())
                .orElse(episode.lockouts().get(0).account().agencyId());
    }

    private List<Evidence> evidence(LockoutEpisode episode, RuleOutcome outcome, Recommendation recommendation) {
        Map<String, Fact> facts = new TreeMap<>();
        contract.ifPresent(f -> facts.put(f.eventId(), f));
        for (Lockout lockout : episode.lockouts()) {
            facts.put(lockout.registration().eventId(), lockout.registration());
            lockout.lockingEvents().forEach(f -> facts.put(f.eventId(), f));
            lockout.restoring().ifPresent(f -> facts.put(f.eventId(), f));
        }
        outcome.overdue().forEach(period -> period.invoiceFacts().forEach(f -> facts.put(f.eventId(), f)));
        outcome.grounds().forEach(f -> facts.put(f.eventId(), f));
        boolean setOffRecommended = recommendation.procedures().stream()
                .anyMatch(procedure -> procedure.code() == ProcedureCode.COMPENSATION);
        if (setOffRecommended) {
            creditNotes.forEach(f -> facts.put(f.eventId(), f));
        }
        List<Fact> ordered = new ArrayList<>(facts.values());
        ordered.sort(Fact.BUSINESS_ORDER);
        return ordered.stream().map(Fact::toEvidence).toList();
    }
}
