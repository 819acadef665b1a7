package io.leverwatch.compliance.operator.history;

import io.leverwatch.compliance.leverage.Evidence;
import io.leverwatch.compliance.leverage.LockedAccount;
import io.leverwatch.compliance.leverage.Recommendation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as it stood at {@code asOf} in business time, as the platform knew it at {@code knownAt} (null: as it
 * knows it now). Built by {@link AsOfState} from the events that happened by {@code asOf} and were received by
 * {@code knownAt}, with the saga's own decision core, so its alerts are those the saga decides on the same facts.
 *
 * @param eventsConsidered the events the state is built from
 * @param eventsReceivedLater events that had happened by {@code asOf} but were received after {@code knownAt}: what
 *     the platform did not know yet
 */
public record ContractState(
        String contractId,
        Instant asOf,
        Instant knownAt,
        int eventsConsidered,
        int eventsReceivedLater,
        Contract contract,
        List<Account> accounts,
        List<Invoice> invoices,
        List<CreditNote> creditNotes,
        List<CriticalPeriod> criticalPeriods,
        List<Alert> alerts) {

    public ContractState {
        accounts = List.copyOf(accounts);
        invoices = List.copyOf(invoices);
        creditNotes = List.copyOf(creditNotes);
        criticalPeriods = List.copyOf(criticalPeriods);
        alerts = List.copyOf(alerts);
    }

    /**
     * @param status UNKNOWN (no registration known), ACTIVE, or TERMINATED once the termination has taken effect
     * @param terminationEffectiveAt when the termination takes or took effect, once it is known
     */
    public record Contract(
            String status,
            String agencyId,
            String agencyName,
            String clientId,
            String clientName,
            String scope,
            LocalDate startDate,
            String terminatedBy,
            Instant terminationEffectiveAt,
            String terminationReason) {}

    /**
     * One account of the contract and who could use it.
     *
     * @param heldInNameOf CLIENT or AGENCY; null while the account's registration is not known
     * @param clientLockedOut whether the client was locked out (DESIGN §3: from a credentials change by the agency
     *     that left the owner without access, a revocation by the agency or a refused request, until restored)
     * @param lockedOutSince when the lockout began; null when the client is not locked out
     * @param usableBy who could use the account: CLIENT unless locked out; AGENCY unless the facts show it handed the
     *     account over (restored by HANDOVER, reset by the client, recovered from the platform, or changed by the
     *     client) and did not take control again since
     * @param lastAccessEvent the latest access event of the account
     */
    public record Account(
            String accountId,
            String platform,
            String label,
            String heldInNameOf,
            boolean clientLockedOut,
            Instant lockedOutSince,
            List<String> usableBy,
            Evidence lastAccessEvent) {

        public Account {
            usableBy = List.copyOf(usableBy);
        }
    }

    /**
     * @param status ISSUED (not overdue), OVERDUE, PAID (nothing outstanding), CANCELLED, or UNKNOWN when events
     *     about it are known but not its issue
     * @param outstanding what was left to pay: the latest stated outstanding, the issued amount before any, zero once
     *     cancelled
     * @param overdueSince when its overdue period began, while it is overdue
     */
    public record Invoice(
            String invoiceId,
            String status,
            Amount amount,
            Amount outstanding,
            LocalDate issuedOn,
            LocalDate dueOn,
            Instant overdueSince,
            boolean disputed,
            boolean formalNoticeSent) {}

    public record CreditNote(String creditNoteId, Amount amount, Instant issuedAt) {}

    /** @param inProgress whether {@code asOf} falls in the period */
    public record CriticalPeriod(Instant from, Instant to, String description, boolean inProgress) {}

    /**
     * An alert the facts called for at that instant: what the saga decided on them.
     *
     * @param status OPEN, or RESOLVED once every locked account of its episode was restored
     */
    public record Alert(
            String id,
            String rule,
            String severity,
            String status,
            Instant raisedAt,
            Instant resolvedAt,
            List<LockedAccount> accounts,
            List<String> overdueInvoices,
            Amount outstandingTotal,
            Amount fixedIndemnity,
            Recommendation recommendation,
            List<Evidence> evidence) {

        public Alert {
            accounts = List.copyOf(accounts);
            overdueInvoices = List.copyOf(overdueInvoices);
            evidence = List.copyOf(evidence);
        }
    }
}
