package io.leverwatch.compliance.leverage;

import io.leverwatch.events.Money;
import io.leverwatch.events.billing.CreditNoteIssued;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The recommendation matrix of DESIGN §3, read beside LEGAL.md "The lawful routes to recover an unpaid invoice".
 *
 * <p>Procedures are chosen on the invoices of the alert that are <em>still</em> overdue: an invoice paid in full or
 * cancelled is no longer overdue (DESIGN §3) and nothing is left to recover on it, though it still counts for the
 * fixed indemnity, which is due per late invoice.
 */
public final class RecommendationPolicy {

    public static final String FIXED_INDEMNITY_BASIS = "C. com. art. L441-10, D441-5";
    public static final String DISCLAIMER =
            "This recommendation is not legal advice: a lawyer should confirm it before any step is taken.";
    public static final String DISCLAIMER_FR =
            "Cette recommandation n'est pas un conseil juridique : un avocat doit la confirmer avant toute démarche.";

    private static final BigDecimal INDEMNITY_PER_INVOICE = new BigDecimal("40.00");
    private static final BigDecimal LAWYER_COMPULSORY_ABOVE = new BigDecimal("10000");

    /** The recommendation for an alert of the given rule. */
    public static Recommendation recommend(
            AlertRule rule, List<OverdueInvoice> overdueInvoices, List<CreditNoteIssued> creditNotes) {
        if (rule == AlertRule.ACCESS_WITHHELD_AFTER_TERMINATION) {
            return new Recommendation(
                    ImmediateAction.HAND_OVER_ACCESS,
                    "The contract has ended and the accounts were opened in the client's name: they are the client's"
                            + " and must be handed over, whatever dispute remains; the client can have access"
                            + " restored in summary proceedings (CPC art. 873 al. 1).",
                    List.of(),
                    DISCLAIMER,
                    DISCLAIMER_FR);
        }
        return new Recommendation(
                ImmediateAction.RESTORE_ACCESS,
                "Access to accounts held in the client's name is not a sum of money and cannot be withheld to press"
                        + " for payment: the client can obtain an order restoring it in summary proceedings"
                        + " (CPC art. 873 al. 1), under a daily penalty (CPCE art. L131-1), and claim damages.",
                RecoveryProcedures.forInvoices(
                        overdueInvoices.stream()
                                .filter(OverdueInvoice::stillOverdue)
                                .toList(),
                        creditNotes,
                        exceedsLawyerThreshold(overdueInvoices)),
                DISCLAIMER,
                DISCLAIMER_FR);
    }

    /** The fixed recovery indemnity: 40 EUR per late invoice (C. com. art. L441-10, D441-5). */
    public static Money fixedIndemnity(List<OverdueInvoice> overdueInvoices) {
        return new Money(INDEMNITY_PER_INVOICE.multiply(BigDecimal.valueOf(overdueInvoices.size())), "EUR");
    }

    /** The outstanding of the invoices, one total per currency (never added across currencies), by currency code. */
    public static List<Money> outstandingByCurrency(List<OverdueInvoice> overdueInvoices) {
        Map<String, Money> totals = overdueInvoices.stream()
                .map(OverdueInvoice::outstanding)
                .collect(Collectors.toMap(Money::currency, money -> money, Money::plus, TreeMap::new));
        return new ArrayList<>(totals.values());
    }

    /** The single-currency total; zero EUR with no invoices; null when the invoices are in several currencies. */
    public static Money outstandingTotal(List<OverdueInvoice> overdueInvoices) {
        List<Money> byCurrency = outstandingByCurrency(overdueInvoices);
        if (byCurrency.isEmpty()) {
            return Money.zero("EUR");
        }
        return byCurrency.size() == 1 ? byCurrency.get(0) : null;
    }

    // CPC art. 853: before the commercial court a lawyer is compulsory above 10,000 EUR.
    private static boolean exceedsLawyerThreshold(List<OverdueInvoice> overdueInvoices) {
        return outstandingByCurrency(overdueInvoices).stream()
                .anyMatch(total ->
                        total.currency().equals("EUR") && total.amount().compareTo(LAWYER_COMPULSORY_ABOVE) > 0);
    }

    private RecommendationPolicy() {}
}
