package io.leverwatch.events;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which record each published CloudEvents type carries in its {@code data}, both ways. The outbound
 * topics carry these records as JSON; compliance-service reads them back with this catalog.
 */
public final class EventCatalog {

    private static final Map<String, Class<?>> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register(EventTypes.CONTRACT_REGISTERED, ContractRegistered.class);
        register(EventTypes.ACCOUNT_REGISTERED, AccountRegistered.class);
        register(EventTypes.CRITICAL_PERIOD_DECLARED, CriticalPeriodDeclared.class);
        register(EventTypes.CONTRACT_TERMINATED, ContractTerminated.class);
        register(EventTypes.INVOICE_ISSUED, InvoiceIssued.class);
        register(EventTypes.PAYMENT_RECEIVED, PaymentReceived.class);
        register(EventTypes.INVOICE_OVERDUE, InvoiceOverdue.class);
        register(EventTypes.INVOICE_DISPUTED, InvoiceDisputed.class);
        register(EventTypes.INVOICE_CANCELLED, InvoiceCancelled.class);
        register(EventTypes.FORMAL_NOTICE_SENT, FormalNoticeSent.class);
        register(EventTypes.CREDIT_NOTE_ISSUED, CreditNoteIssued.class);
        register(EventTypes.CREDENTIALS_CHANGED, CredentialsChanged.class);
        register(EventTypes.ACCESS_REVOKED, AccessRevoked.class);
        register(EventTypes.ACCESS_REQUESTED, AccessRequested.class);
        register(EventTypes.ACCESS_REQUEST_REFUSED, AccessRequestRefused.class);
        register(EventTypes.ACCESS_RESTORED, AccessRestored.class);
    }

    private static void register(String type, Class<?> recordClass) {
        BY_TYPE.put(type, recordClass);
        BY_CLASS.put(recordClass, type);
    }

    public static Optional<Class<?>> recordFor(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Optional<String> typeOf(Class<?> recordClass) {
        return Optional.ofNullable(BY_CLASS.get(recordClass));
    }

    public static Map<String, Class<?>> all() {
        return Map.copyOf(BY_TYPE);
    }

    private EventCatalog() {}
}
