package io.leverwatch.billing.ingest;

import io.leverwatch.billing.creditnote.IssueCreditNote;
import io.leverwatch.billing.invoice.CancelInvoice;
import io.leverwatch.billing.invoice.DeclareOverdue;
import io.leverwatch.billing.invoice.DisputeInvoice;
import io.leverwatch.billing.invoice.InvoiceRejected;
import io.leverwatch.billing.invoice.IssueInvoice;
import io.leverwatch.billing.invoice.RecordFormalNotice;
import io.leverwatch.billing.invoice.RecordPayment;
import io.leverwatch.events.EventTypes;
import io.leverwatch.events.Money;
import io.leverwatch.kit.contracts.KnownContracts;
import io.leverwatch.kit.ingest.CommandSender;
import io.leverwatch.kit.ingest.InboundEvent;
import io.leverwatch.kit.ingest.InboundEventHandler;
import io.leverwatch.kit.ingest.Ownership;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Turns the billing CloudEvents (DESIGN.md §2) into commands on the Invoice and CreditNote aggregates. */
@Component
class BillingEventHandler implements InboundEventHandler {

    private final CommandSender commands;
    private final KnownContracts contracts;
    private final InvoiceDirectory invoices;

    BillingEventHandler(CommandSender commands, KnownContracts contracts, InvoiceDirectory invoices) {
        this.commands = commands;
        this.contracts = contracts;
        this.invoices = invoices;
    }

    @Override
    public Set<String> types() {
        return Set.copyOf(EventTypes.BILLING);
    }

    /**
     * An issue names its contract; any other invoice event is about the contract its invoice was issued
     * under, and only the agency that issued the invoice may add to it. An unknown invoice is left to
     * {@link #handle}, which refuses it by name.
     */
    @Override
    public Ownership ownership(InboundEvent event) {
        if (event.has("contractId")) {
            return contracts.ownership(event.text("contractId"), event.agencyId());
        }
        Optional<InvoiceDirectory.IssuedInvoice> invoice = invoices.find(event.text("invoiceId"));
        if (invoice.isEmpty()) {
            return Ownership.UNKNOWN;
        }
        if (!event.agencyId().equals(invoice.get().agencyId())) {
            return Ownership.FOREIGN;
        }
        return contracts.ownership(invoice.get().contractId(), event.agencyId());
    }

    @Override
    public void handle(InboundEvent event) {
        String invoiceId = event.text("invoiceId");
        Object command =
                switch (event.type()) {
                    case EventTypes.INVOICE_ISSUED ->
                        new IssueInvoice(
                                invoiceId,
                                event.text("contractId"),
                                money(event),
                                LocalDate.parse(event.text("issuedOn")),
                                LocalDate.parse(event.text("dueOn")),
                                event.time());
                    case EventTypes.PAYMENT_RECEIVED -> new RecordPayment(invoiceId, money(event), event.time());
                    case EventTypes.INVOICE_OVERDUE -> new DeclareOverdue(invoiceId, event.time());
                    case EventTypes.INVOICE_DISPUTED ->
                        new DisputeInvoice(invoiceId, event.text("reason"), event.time());
                    case EventTypes.INVOICE_CANCELLED ->
                        new CancelInvoice(invoiceId, event.text("reason"), event.time());
                    case EventTypes.FORMAL_NOTICE_SENT -> new RecordFormalNotice(invoiceId, event.time());
                    case EventTypes.CREDIT_NOTE_ISSUED ->
                        new IssueCreditNote(
                                event.text("creditNoteId"), event.text("contractId"), money(event), event.time());
                    default -> throw new IllegalArgumentException("not a billing event: " + event.type());
                };
        try {
            commands.send(command, event);
        } catch (AggregateNotFoundException e) {
            throw InvoiceRejected.unknownInvoice(invoiceId);
        }
    }

    private static Money money(InboundEvent event) {
        return Money.of(event.text("amount"), event.text("currency"));
    }
}
