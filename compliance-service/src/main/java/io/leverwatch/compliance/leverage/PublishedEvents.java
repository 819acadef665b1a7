package io.leverwatch.compliance.leverage;

import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.PaymentReceived;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.Optional;

/** What every events-api record has in common, read without a shared interface (the records are published as is). */
final class PublishedEvents {

    static Instant occurredAt(Object payload) {
        return (Instant) component(payload, "occurredAt");
    }

    static String contractId(Object payload) {
        return (String) component(payload, "contractId");
    }

    /** The invoice a billing event is about; empty for credit notes and non-billing events. */
    static Optional<String> invoiceId(Object payload) {
        if (payload instanceof InvoiceIssued e) return Optional.of(e.invoiceId());
        if (payload instanceof PaymentReceived e) return Optional.of(e.invoiceId());
        if (payload instanceof InvoiceOverdue e) return Optional.of(e.invoiceId());
        if (payload instanceof InvoiceDisputed e) return Optional.of(e.invoiceId());
        if (payload instanceof InvoiceCancelled e) return Optional.of(e.invoiceId());
        if (payload instanceof FormalNoticeSent e) return Optional.of(e.invoiceId());
        return Optional.empty();
    }

    // Every published record declares contractId and occurredAt components (events-api).
    private static Object component(Object payload, String name) {
        try {
            return payload.getClass().getMethod(name).invoke(payload);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException(payload.getClass().getSimpleName() + " has no " + name, e);
        }
    }

    private PublishedEvents() {}
}
