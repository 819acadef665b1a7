package io.leverwatch.compliance.leverage;

import io.leverwatch.events.Money;
import java.time.Instant;
import java.util.List;

/**
 * The parts of an alert that late or new facts can change without changing its rule, severity or status.
 *
 * @param clientId null while the contract's registration is not known
 * @param raisedAt the business time at which the rule's conditions first held (the start of the overlap)
 * @param accounts one entry per lockout of the episode, by lock time then account id
 * @param outstandingTotal the sum of {@code outstandingByCurrency} when it has one currency (zero EUR when there are
 *     no overdue invoices); null when the invoices are in several currencies, which are never added together
 * @param outstandingByCurrency the outstanding of the overdue invoices, one entry per currency, by currency code
 * @param fixedIndemnity 40 EUR per overdue invoice (C. com. art. L441-10, D441-5)
 * @param evidence the events the decision rests on, by business time then id
 */
public record AlertFacts(
        String agencyId,
        String clientId,
        Instant raisedAt,
        List<LockedAccount> accounts,
        List<OverdueInvoice> overdueInvoices,
        Money outstandingTotal,
        List<Money> outstandingByCurrency,
        Money fixedIndemnity,
        Recommendation recommendation,
        List<Evidence> evidence) {

    public AlertFacts {
        accounts = List.copyOf(accounts);
        overdueInvoices = List.copyOf(overdueInvoices);
        outstandingByCurrency = List.copyOf(outstandingByCurrency);
        evidence = List.copyOf(evidence);
    }

    public AlertFacts withRecommendation(Recommendation newRecommendation) {
        return new AlertFacts(
                agencyId,
                clientId,
                raisedAt,
                accounts,
                overdueInvoices,
                outstandingTotal,
                outstandingByCurrency,
                fixedIndemnity,
                newRecommendation,
                evidence);
    }
}
