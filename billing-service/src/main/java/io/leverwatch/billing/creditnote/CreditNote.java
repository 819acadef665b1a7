package io.leverwatch.billing.creditnote;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.leverwatch.events.billing.CreditNoteIssued;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A credit note: money the agency owes the client under a contract, which the client may set off against
 * an unpaid invoice (C. civ. art. 1347). Issued once and never changed.
 */
@Aggregate
public class CreditNote {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @AggregateIdentifier
    private String creditNoteId;

    protected CreditNote() {
        // Axon creates the aggregate empty, then issues it or replays its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueCreditNote command) {
        // A second issue with the same id lands on the existing credit note: refuse it by name.
        if (creditNoteId != null) {
            throw CreditNoteRejected.alreadyIssued(command.creditNoteId());
        }
        validate(command);
        apply(new CreditNoteIssued(
                command.creditNoteId(), command.contractId(), command.amount(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        creditNoteId = event.creditNoteId();
    }

    private static void validate(IssueCreditNote command) {
        String id = command.creditNoteId();
        if (id == null || id.isBlank()) {
            throw CreditNoteRejected.missing(id, "credit note id");
        }
        if (command.contractId() == null || command.contractId().isBlank()) {
            throw CreditNoteRejected.missing(id, "contract id");
        }
        if (command.amount() == null) {
            throw CreditNoteRejected.missing(id, "amount");
        }
        if (command.occurredAt() == null) {
            throw CreditNoteRejected.missing(id, "business time");
        }
        if (!CURRENCY.matcher(command.amount().currency()).matches()) {
            throw CreditNoteRejected.invalidCurrency(id, command.amount().currency());
        }
        if (command.amount().amount().signum() <= 0) {
            throw CreditNoteRejected.nonPositiveAmount(id, command.amount());
        }
    }
}
