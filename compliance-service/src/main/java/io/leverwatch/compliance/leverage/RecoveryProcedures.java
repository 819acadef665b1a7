package io.leverwatch.compliance.leverage;

import io.leverwatch.events.billing.CreditNoteIssued;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Which recovery procedures fit the invoices still overdue, and why, in LEGAL.md's order. */
final class RecoveryProcedures {

    static List<Procedure> forInvoices(
            List<OverdueInvoice> stillOverdue, List<CreditNoteIssued> creditNotes, boolean lawyerCompulsory) {
        List<OverdueInvoice> withoutNotice =
                stillOverdue.stream().filter(i -> !i.formalNoticeSent()).toList();
        List<OverdueInvoice> undisputed =
                stillOverdue.stream().filter(i -> !i.disputed()).toList();
        List<OverdueInvoice> disputed =
                stillOverdue.stream().filter(OverdueInvoice::disputed).toList();
        List<Procedure> procedures = new ArrayList<>();
        if (!withoutNotice.isEmpty()) {
            procedures.add(Procedure.of(
                    ProcedureCode.MISE_EN_DEMEURE,
                    "No formal notice to pay has been sent for " + describe(withoutNotice)
                            + "; it is the usual first step before any court step and starts interest at the"
                            + " legal rate."));
        }
        if (!undisputed.isEmpty()) {
            procedures.add(Procedure.of(
                    ProcedureCode.INJONCTION_DE_PAYER,
                    "The amount of " + describe(undisputed) + " is fixed by the invoice and not disputed: the"
                            + " president of the commercial court of the client's seat can order payment on request"
                            + " (CPC art. 1406); the order is enforceable when issued (CPC art. 1410)."));
            procedures.add(Procedure.of(
                    ProcedureCode.REFERE_PROVISION,
                    "The debt on " + describe(undisputed) + " is not disputed, so it is not seriously contestable:"
                            + " an interim payment can be ordered in summary proceedings"
                            + (lawyerCompulsory ? "; above 10,000 EUR a lawyer is compulsory (CPC art. 853)." : ".")));
        }
        if (!disputed.isEmpty()) {
            procedures.add(Procedure.of(
                    ProcedureCode.ASSIGNATION_AU_FOND,
                    "The client disputes " + describe(disputed) + ": the debt has to be established on the merits"
                            + " before the commercial court (limitation 5 years)."));
        }
        if (!creditNotes.isEmpty() && !stillOverdue.isEmpty()) {
            procedures.add(Procedure.of(
                    ProcedureCode.COMPENSATION,
                    "The agency owes the client " + describeCreditNotes(creditNotes) + " under the same contract:"
                            + " reciprocal debts that are fungible, certain, liquid and due are set off against the"
                            + " unpaid invoices."));
        }
        return procedures;
    }

    private static String describe(List<OverdueInvoice> invoices) {
        String list = invoices.stream()
                .map(i -> i.invoiceId() + " (" + i.outstanding() + " outstanding)")
                .collect(Collectors.joining(", "));
        return (invoices.size() == 1 ? "invoice " : "invoices ") + list;
    }

    private static String describeCreditNotes(List<CreditNoteIssued> creditNotes) {
        String list = creditNotes.stream()
                .map(note -> note.creditNoteId() + " (" + note.amount() + ")")
                .collect(Collectors.joining(", "));
        return (creditNotes.size() == 1 ? "credit note " : "credit notes ") + list;
    }

    private RecoveryProcedures() {}
}
