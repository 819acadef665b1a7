package io.leverwatch.compliance.leverage;

import io.leverwatch.events.Money;
import java.util.List;

/**
 * The stretch of business time in which one invoice was overdue, with what the facts say about it now.
 *
 * @param interval from the earliest {@code invoice.overdue} to the payment that brought the outstanding to zero or
 *     the cancellation; open while neither is known
 * @param outstanding what is left to pay on the invoice as of its latest fact (zero once cancelled)
 * @param invoiceFacts every billing fact of the invoice, the evidence for the amounts
 */
public record OverduePeriod(
        String invoiceId,
        Interval interval,
        Money outstanding,
        boolean disputed,
        boolean formalNoticeSent,
        List<Fact> invoiceFacts) {

    public OverduePeriod {
        invoiceFacts = List.copyOf(invoiceFacts);
    }

    public OverdueInvoice toOverdueInvoice() {
        return new OverdueInvoice(invoiceId, outstanding, interval.start(), interval.end(), disputed, formalNoticeSent);
    }
}
