package io.leverwatch.compliance.operator.history;

import io.leverwatch.compliance.leverage.AlertDecider;
import io.leverwatch.compliance.leverage.AlertDecision;
import io.leverwatch.compliance.leverage.ContractCase;
import io.leverwatch.compliance.leverage.Fact;
import io.leverwatch.compliance.leverage.Lockout;
import io.leverwatch.compliance.leverage.LockoutTimeline;
import io.leverwatch.compliance.leverage.OverdueInvoice;
import io.leverwatch.compliance.leverage.OverduePeriod;
import io.leverwatch.compliance.leverage.OverduePeriods;
import io.leverwatch.compliance.operator.history.ContractState.Account;
import io.leverwatch.compliance.operator.history.ContractState.Alert;
import io.leverwatch.compliance.operator.history.ContractState.Contract;
import io.leverwatch.compliance.operator.history.ContractState.CreditNote;
import io.leverwatch.compliance.operator.history.ContractState.CriticalPeriod;
import io.leverwatch.compliance.operator.history.ContractState.Invoice;
import io.leverwatch.events.Money;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.RestoreMeans;
import io.leverwatch.events.billing.CreditNoteIssued;
import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.PaymentReceived;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import io.leverwatch.events.contract.HeldInNameOf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contract's state at an instant of business time, as known at an instant of receipt: the facts that happened by
 * {@code asOf} and were received by {@code knownAt}, read with the decision core ({@link ContractCase},
 * {@link LockoutTimeline}, {@link OverduePeriods}, {@link AlertDecider}). Pure: the same events and instants always
 * give the same state.
 */
public final class AsOfState {

    /** @param knownAt null to count every event received so far */
    public static ContractState of(String contractId, List<InboxRecord> history, Instant asOf, Instant knownAt) {
        ContractCase contractCase = new ContractCase();
        int receivedLater = 0;
        for (InboxRecord record : history) {
            if (!record.happenedBy(asOf)) {
                continue;
            }
            if (record.knownAt(knownAt)) {
                contractCase.apply(record.toFact());
            } else {
                receivedLater++;
            }
        }
        return new ContractState(
                contractId,
                asOf,
                knownAt,
                contractCase.size(),
                receivedLater,
                contract(contractCase, asOf),
                accounts(contractCase),
                invoices(contractCase),
                contractCase.payloadsOf(CreditNoteIssued.class).stream()
                        .map(note -> new CreditNote(note.creditNoteId(), Amount.of(note.amount()), note.occurredAt()))
                        .toList(),
                contractCase.payloadsOf(CriticalPeriodDeclared.class).stream()
                        .map(period -> new CriticalPeriod(
                                period.from(),
                                period.to(),
                                period.description(),
                                !asOf.isBefore(period.from()) && asOf.isBefore(period.to())))
                        .toList(),
                AlertDecider.decide(contractCase).stream().map(AsOfState::alert).toList());
    }

    private static Contract contract(ContractCase contractCase, Instant asOf) {
        Optional<ContractRegistered> registration =
                contractCase.payloadsOf(ContractRegistered.class).stream().findFirst();
        Optional<ContractTerminated> termination = contractCase.payloadsOf(ContractTerminated.class).stream()
                .min(Comparator.comparing(ContractTerminated::effectiveAt));
        String status = registration.isEmpty()
                ? "UNKNOWN"
                : termination.filter(t -> !t.effectiveAt().isAfter(asOf)).isPresent() ? "TERMINATED" : "ACTIVE";
        return new Contract(
                status,
                registration.map(ContractRegistered::agencyId).orElse(null),
                registration.map(ContractRegistered::agencyName).orElse(null),
                registration.map(ContractRegistered::clientId).orElse(null),
                registration.map(ContractRegistered::clientName).orElse(null),
                registration.map(ContractRegistered::scope).orElse(null),
                registration.map(ContractRegistered::startDate).orElse(null),
                termination.map(t -> t.terminatedBy().name()).orElse(null),
                termination.map(ContractTerminated::effectiveAt).orElse(null),
                termination.map(ContractTerminated::reason).orElse(null));
    }

    // Client-held accounts are read with the saga's own LockoutTimeline; the others (held by the agency, or not yet
    // registered) with the same rule, walked here, since the timeline leaves them out on purpose.
    private static List<Account> accounts(ContractCase contractCase) {
        Map<String, AccountRegistered> registered = new LinkedHashMap<>();
        contractCase.payloadsOf(AccountRegistered.class).forEach(a -> registered.putIfAbsent(a.accountId(), a));
        Map<String, List<Fact>> accessFacts = new LinkedHashMap<>();
        registered.keySet().forEach(id -> accessFacts.put(id, new ArrayList<>()));
        for (Fact fact : contractCase.facts()) {
            accountOf(fact.payload())
                    .ifPresent(id -> accessFacts
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(fact));
        }
        Map<String, Lockout> ongoingLockouts = new LinkedHashMap<>();
        for (Lockout lockout : LockoutTimeline.of(contractCase)) {
            if (lockout.interval().isOngoing()) {
                ongoingLockouts.put(lockout.accountId(), lockout);
            }
        }
        List<Account> accounts = new ArrayList<>();
        accessFacts.forEach((accountId, facts) -> {
            AccountRegistered registration = registered.get(accountId);
            Instant lockedOutSince = registration != null && registration.heldInNameOf() == HeldInNameOf.CLIENT
                    ? Optional.ofNullable(ongoingLockouts.get(accountId))
                            .map(lockout -> lockout.interval().start())
                            .orElse(null)
                    : walkLockout(facts);
            List<String> usableBy = new ArrayList<>();
            if (lockedOutSince == null) {
                usableBy.add("CLIENT");
            }
            if (agencyHolds(facts)) {
                usableBy.add("AGENCY");
            }
            accounts.add(new Account(
                    accountId,
                    registration == null ? null : registration.platform().name(),
                    registration == null ? null : registration.label(),
                    registration == null ? null : registration.heldInNameOf().name(),
                    lockedOutSince != null,
                    lockedOutSince,
                    usableBy,
                    facts.isEmpty() ? null : facts.get(facts.size() - 1).toEvidence()));
        });
        return accounts;
    }

    // The rule of LockoutTimeline, for one account's access facts in business order: the start of a lockout that
    // still lasts, or null.
    private static Instant walkLockout(List<Fact> facts) {
        Instant since = null;
        for (Fact fact : facts) {
            if (LockoutTimeline.startsLockout(fact.payload())) {
                since = since == null ? fact.businessTime() : since;
            } else if (fact.payload() instanceof AccessRestored) {
                since = null;
            }
        }
        return since;
    }

    private static boolean agencyHolds(List<Fact> facts) {
        boolean holds = true;
        for (Fact fact : facts) {
            Object payload = fact.payload();
            if (payload instanceof AccessRestored restored) {
                holds = restored.means() != RestoreMeans.HANDOVER
                        && restored.means() != RestoreMeans.RESET_BY_CLIENT
                        && restored.means() != RestoreMeans.PLATFORM_RECOVERY;
            } else if (payload instanceof CredentialsChanged change) {
                holds = change.changedBy() == Actor.AGENCY;
            } else if (LockoutTimeline.startsLockout(payload)) {
                holds = true;
            }
        }
        return holds;
    }

    private static Optional<String> accountOf(Object payload) {
        if (payload instanceof CredentialsChanged e) return Optional.of(e.accountId());
        if (payload instanceof AccessRevoked e) return Optional.of(e.accountId());
        if (payload instanceof AccessRequestRefused e) return Optional.of(e.accountId());
        if (payload instanceof AccessRestored e) return Optional.of(e.accountId());
        if (payload instanceof AccessRequested e) return Optional.of(e.accountId());
        return Optional.empty();
    }

    private static List<Invoice> invoices(ContractCase contractCase) {
        Map<String, List<Object>> byInvoice = new LinkedHashMap<>();
        for (Fact fact : contractCase.facts()) {
            invoiceOf(fact.payload())
                    .ifPresent(id -> byInvoice
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(fact.payload()));
        }
        Map<String, OverduePeriod> ongoing = new LinkedHashMap<>();
        OverduePeriods.of(contractCase).stream()
                .filter(period -> period.interval().isOngoing())
                .forEach(period -> ongoing.put(period.invoiceId(), period));
        List<Invoice> invoices = new ArrayList<>();
        byInvoice.forEach((invoiceId, payloads) -> invoices.add(invoice(invoiceId, payloads, ongoing.get(invoiceId))));
        return invoices;
    }

    private static Invoice invoice(String invoiceId, List<Object> payloads, OverduePeriod overdue) {
        InvoiceIssued issued = null;
        Money outstanding = null;
        boolean cancelled = false;
        for (Object payload : payloads) {
            if (payload instanceof InvoiceIssued e && issued == null) {
                issued = e;
                outstanding = outstanding == null ? e.amount() : outstanding;
            } else if (payload instanceof InvoiceOverdue e) {
                outstanding = e.outstanding();
            } else if (payload instanceof PaymentReceived e) {
                outstanding = e.outstanding();
            } else if (payload instanceof InvoiceCancelled) {
                cancelled = true;
            }
        }
        if (cancelled && outstanding != null) {
            outstanding = Money.zero(outstanding.currency());
        }
        String status;
        if (cancelled) {
            status = "CANCELLED";
        } else if (outstanding != null && outstanding.amount().signum() <= 0) {
            status = "PAID";
        } else if (overdue != null) {
            status = "OVERDUE";
        } else {
            status = issued == null ? "UNKNOWN" : "ISSUED";
        }
        return new Invoice(
                invoiceId,
                status,
                issued == null ? null : Amount.of(issued.amount()),
                Amount.of(outstanding),
                issued == null ? null : issued.issuedOn(),
                issued == null ? null : issued.dueOn(),
                "OVERDUE".equals(status) ? overdue.interval().start() : null,
                payloads.stream().anyMatch(p -> p instanceof InvoiceDisputed),
                payloads.stream().anyMatch(p -> p instanceof FormalNoticeSent));
    }

    private static Optional<String> invoiceOf(Object payload) {
        if (payload instanceof InvoiceIssued e) return Optional.of(e.invoiceId());
        if (payload instanceof PaymentReceived e) return Optional.of(e.invoiceId());
        if (payload instanceof InvoiceOverdue e) return Optional.of(e.invoiceId());
        if (payload instanceof InvoiceDisputed e) return Optional.of(e.invoiceId());
        if (payload instanceof InvoiceCancelled e) return Optional.of(e.invoiceId());
        if (payload instanceof FormalNoticeSent e) return Optional.of(e.invoiceId());
        return Optional.empty();
    }

    private static Alert alert(AlertDecision decision) {
        return new Alert(
                decision.alertId(),
                decision.rule().name(),
                decision.severity().name(),
                decision.status().name(),
                decision.facts().raisedAt(),
                decision.resolvedAt(),
                decision.facts().accounts(),
                decision.facts().overdueInvoices().stream()
                        .map(OverdueInvoice::invoiceId)
                        .toList(),
                Amount.of(decision.facts().outstandingTotal()),
                Amount.of(decision.facts().fixedIndemnity()),
                decision.facts().recommendation(),
                decision.facts().evidence());
    }

    private AsOfState() {}
}
