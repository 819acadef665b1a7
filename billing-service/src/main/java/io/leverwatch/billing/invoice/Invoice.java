package io.leverwatch.billing.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.leverwatch.events.Money;
import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.OverdueCause;
import io.leverwatch.events.billing.PaymentReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An invoice the agency issued to its client: what is outstanding on it and whether it is overdue.
 *
 * <p>Overdue is decided on business time (DESIGN.md §3): from 00:00 UTC of the day after the due date
 * ({@link OverduePolicy}), or from an earlier declaration by the agency. The first overdue event wins: once
 * an invoice is overdue, neither the deadline nor a declaration adds another one, and compliance-service
 * takes the earliest overdue time it has seen. The period ends with the payment that settles the invoice
 * or with its cancellation; compliance-service computes that from the events.
 *
 * <p>The wall clock ({@link Clock}, a Spring bean) is used for one thing only: to tell, when the invoice
 * is issued, whether its due date has already passed (history sent late) or a deadline must wait for it.
 */
@Aggregate
public class Invoice {

    /** Name of the deadline that marks the invoice overdue when its due date passes unpaid. */
    public static final String OVERDUE_DEADLINE = "invoice-overdue";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @AggregateIdentifier
    private String invoiceId;

    private String contractId;
    private Money outstanding;
    private Instant overdueFrom;
    private boolean overdue;
    private boolean cancelled;

    protected Invoice() {
        // Axon creates the aggregate empty, then issues it or replays its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueInvoice command, Clock clock, DeadlineManager deadlines) {
        // A second issue with the same id lands on the existing invoice: refuse it rather than overwrite it.
        if (invoiceId != null) {
            throw InvoiceRejected.alreadyIssued(command.invoiceId());
        }
        validate(command);
        apply(new InvoiceIssued(
                command.invoiceId(),
                command.contractId(),
                command.amount(),
                command.issuedOn(),
                command.dueOn(),
                command.occurredAt()));
        if (OverduePolicy.hasPassed(overdueFrom, clock.instant())) {
            markOverdue(OverdueCause.DUE_DATE_PASSED, overdueFrom);
        } else {
            deadlines.schedule(overdueFrom, OVERDUE_DEADLINE);
        }
    }

    @CommandHandler
    void handle(RecordPayment command, DeadlineManager deadlines) {
        requireBusinessTime(command.occurredAt());
        Money amount = command.amount();
        if (amount == null) {
            throw InvoiceRejected.missing(invoiceId, "payment amount");
        }
        if (cancelled) {
            throw InvoiceRejected.cancelled(invoiceId, "it takes no payment");
        }
        if (isPaidInFull()) {
            throw InvoiceRejected.alreadyPaid(invoiceId, "there is nothing left to pay");
        }
        if (amount.amount().signum() <= 0) {
            throw InvoiceRejected.nonPositiveAmount(invoiceId, "payment", amount);
        }
        if (!amount.sameCurrencyAs(outstanding)) {
            throw InvoiceRejected.currencyMismatch(invoiceId, outstanding.currency(), amount.currency());
        }
        if (amount.isGreaterThan(outstanding)) {
            throw InvoiceRejected.overpayment(invoiceId, amount, outstanding);
        }
        overdueIfDueDatePassedBy(command.occurredAt());
        apply(new PaymentReceived(invoiceId, contractId, amount, outstanding.minus(amount), command.occurredAt()));
        if (isPaidInFull()) {
            deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        }
    }

    /**
     * The agency's own overdue declaration. It adds nothing when the invoice is already overdue (the first
     * overdue event wins, even if the declaration names an earlier time), paid in full or cancelled. A
     * declaration dated on or after the due date has passed is late news: the invoice has been overdue
     * since the due date passed, so that is what is recorded.
     */
    @CommandHandler
    void handle(DeclareOverdue command) {
        requireBusinessTime(command.occurredAt());
        if (overdue || isPaidInFull() || cancelled) {
            return;
        }
        if (OverduePolicy.hasPassed(overdueFrom, command.occurredAt())) {
            markOverdue(OverdueCause.DUE_DATE_PASSED, overdueFrom);
        } else {
            markOverdue(OverdueCause.DECLARED_BY_AGENCY, command.occurredAt());
        }
    }

    @CommandHandler
    void handle(DisputeInvoice command) {
        requireBusinessTime(command.occurredAt());
        requireText(command.reason(), "reason for the dispute");
        if (cancelled) {
            throw InvoiceRejected.cancelled(invoiceId, "there is nothing left to dispute");
        }
        overdueIfDueDatePassedBy(command.occurredAt());
        apply(new InvoiceDisputed(invoiceId, contractId, command.reason(), command.occurredAt()));
    }

    @CommandHandler
    void handle(CancelInvoice command, DeadlineManager deadlines) {
        requireBusinessTime(command.occurredAt());
        requireText(command.reason(), "reason for the cancellation");
        if (cancelled) {
            throw InvoiceRejected.cancelled(invoiceId, "it was already cancelled");
        }
        if (isPaidInFull()) {
            throw InvoiceRejected.alreadyPaid(invoiceId, "it can no longer be cancelled");
        }
        overdueIfDueDatePassedBy(command.occurredAt());
        apply(new InvoiceCancelled(invoiceId, contractId, command.reason(), command.occurredAt()));
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
    }

    @CommandHandler
    void handle(RecordFormalNotice command) {
        requireBusinessTime(command.occurredAt());
        if (cancelled) {
            throw InvoiceRejected.cancelled(invoiceId, "there is nothing to give formal notice for");
        }
        if (isPaidInFull()) {
            throw InvoiceRejected.alreadyPaid(invoiceId, "there is nothing to give formal notice for");
        }
        overdueIfDueDatePassedBy(command.occurredAt());
        apply(new FormalNoticeSent(invoiceId, contractId, command.occurredAt()));
    }

    /** The due date passed: the invoice is overdue unless it was settled or declared overdue meanwhile. */
    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onDueDatePassed() {
        if (!overdue && !isPaidInFull() && !cancelled) {
            markOverdue(OverdueCause.DUE_DATE_PASSED, overdueFrom);
        }
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoiceId = event.invoiceId();
        contractId = event.contractId();
        outstanding = event.amount();
        overdueFrom = OverduePolicy.overdueFrom(event.dueOn());
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        outstanding = event.outstanding();
    }

    @EventSourcingHandler
    void on(InvoiceOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(InvoiceCancelled event) {
        cancelled = true;
    }

    /**
     * A fact dated on or after the due date passed, while the invoice is still unpaid and not yet overdue,
     * means the deadline has not fired yet (scheduler late or down): record the overdue period that
     * business time says began at the due date before recording the fact itself, so the history is
     * faithful whatever the wall clock did.
     */
    private void overdueIfDueDatePassedBy(Instant businessTime) {
        if (!overdue && !isPaidInFull() && !cancelled && OverduePolicy.hasPassed(overdueFrom, businessTime)) {
            markOverdue(OverdueCause.DUE_DATE_PASSED, overdueFrom);
        }
    }

    private void markOverdue(OverdueCause cause, Instant from) {
        apply(new InvoiceOverdue(invoiceId, contractId, outstanding, cause, from));
    }

    private boolean isPaidInFull() {
        return outstanding.isZero();
    }

    private static void validate(IssueInvoice command) {
        String id = command.invoiceId();
        requireText(id, id, "invoice id");
        requireText(id, command.contractId(), "contract id");
        if (command.amount() == null) {
            throw InvoiceRejected.missing(id, "amount");
        }
        if (command.issuedOn() == null) {
            throw InvoiceRejected.missing(id, "issue date");
        }
        if (command.dueOn() == null) {
            throw InvoiceRejected.missing(id, "due date");
        }
        if (command.occurredAt() == null) {
            throw InvoiceRejected.missing(id, "business time");
        }
        if (!CURRENCY.matcher(command.amount().currency()).matches()) {
            throw InvoiceRejected.invalidCurrency(id, command.amount().currency());
        }
        if (command.amount().amount().signum() <= 0) {
            throw InvoiceRejected.nonPositiveAmount(id, "amount", command.amount());
        }
        if (command.dueOn().isBefore(command.issuedOn())) {
            throw InvoiceRejected.dueBeforeIssue(id, command.issuedOn(), command.dueOn());
        }
    }

    private void requireBusinessTime(Instant occurredAt) {
        if (occurredAt == null) {
            throw InvoiceRejected.missing(invoiceId, "business time");
        }
    }

    private void requireText(String value, String field) {
        requireText(invoiceId, value, field);
    }

    private static void requireText(String invoiceId, String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvoiceRejected.missing(invoiceId, field);
        }
    }
}
