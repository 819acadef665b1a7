package io.leverwatch.compliance.dashboard;

import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.CredentialsChanged;
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
import java.util.Optional;

/**
 * What an evidence event says, in a sentence of the reader's language: a message key ({@code evidence.says.*}) and
 * its arguments, so that an officer need not read the raw event.
 */
public final class EvidenceDescriptions {

    /** A message key and its arguments, ready for {@code #messages.msgWithParams}. */
    public record Description(String key, Object[] args) {}

    static Optional<Description> of(Object payload, Formats formats) {
        Description d = null;
        if (payload instanceof ContractRegistered e) {
            d = says("contract-registered", e.agencyName(), e.clientName(), e.scope(), formats.date(e.startDate()));
        } else if (payload instanceof AccountRegistered e) {
            d = says("account-registered", e.label(), e.platform(), e.heldInNameOf(), e.accountId());
        } else if (payload instanceof CriticalPeriodDeclared e) {
            d = says("critical-period", formats.time(e.from()), formats.time(e.to()), e.description());
        } else if (payload instanceof ContractTerminated e) {
            d = says("terminated", e.terminatedBy(), formats.time(e.effectiveAt()), e.reason());
        } else if (payload instanceof InvoiceIssued e) {
            d = says("invoice-issued", e.invoiceId(), formats.money(e.amount()), formats.date(e.dueOn()));
        } else if (payload instanceof PaymentReceived e) {
            d = says("payment", e.invoiceId(), formats.money(e.amount()), formats.money(e.outstanding()));
        } else if (payload instanceof InvoiceOverdue e) {
            d = says("overdue", e.invoiceId(), formats.money(e.outstanding()));
        } else if (payload instanceof InvoiceDisputed e) {
            d = says("disputed", e.invoiceId(), e.reason());
        } else if (payload instanceof InvoiceCancelled e) {
            d = says("cancelled", e.invoiceId(), e.reason());
        } else if (payload instanceof FormalNoticeSent e) {
            d = says("formal-notice", e.invoiceId());
        } else if (payload instanceof CreditNoteIssued e) {
            d = says("credit-note", e.creditNoteId(), formats.money(e.amount()));
        } else if (payload instanceof CredentialsChanged e) {
            d = says(
                    e.ownerRetainsAccess() ? "credentials-changed-kept" : "credentials-changed",
                    e.accountId(),
                    e.changedBy(),
                    e.reason());
        } else if (payload instanceof AccessRevoked e) {
            d = says("revoked", e.accountId(), e.revokedBy(), e.role());
        } else if (payload instanceof AccessRequested e) {
            d = says("requested", e.accountId());
        } else if (payload instanceof AccessRequestRefused e) {
            d = says(
                    "refused",
                    e.accountId(),
                    e.reason(),
                    e.statement() == null || e.statement().isBlank() ? "—" : e.statement());
        } else if (payload instanceof AccessRestored e) {
            d = says("restored", e.accountId(), e.means());
        }
        return Optional.ofNullable(d);
    }

    private static Description says(String what, Object... args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] == null ? "—" : String.valueOf(args[i]);
        }
        return new Description("evidence.says." + what, values);
    }

    private EvidenceDescriptions() {}
}
