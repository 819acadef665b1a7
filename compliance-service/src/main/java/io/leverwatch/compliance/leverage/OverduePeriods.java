package io.leverwatch.compliance.leverage;

import io.leverwatch.events.Money;
import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.PaymentReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each invoice of a contract was overdue (DESIGN §3). billing-service emits {@code invoice.overdue} itself at
 * the start of the day after the due date, so the period starts at the earliest such event; it is never computed
 * from {@code dueOn}, which would decide on time that has not happened yet. It ends when the invoice is paid in full
 * or cancelled.
 */
public final class OverduePeriods {

    /** The non-empty overdue periods of the contract's invoices, by start then invoice id. */
    public static List<OverduePeriod> of(ContractCase contractCase) {
        Map<String, List<Fact>> factsByInvoice = new LinkedHashMap<>();
        for (Fact fact : contractCase.facts()) {
            PublishedEvents.invoiceId(fact.payload())
                    .ifPresent(id -> factsByInvoice
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(fact));
        }
        List<OverduePeriod> periods = new ArrayList<>();
        factsByInvoice.forEach((invoiceId, facts) -> periodOf(invoiceId, facts).ifPresent(periods::add));
        periods.sort(Comparator.comparing((OverduePeriod p) -> p.interval().start())
                .thenComparing(OverduePeriod::invoiceId));
        return periods;
    }

    private static Optional<OverduePeriod> periodOf(String invoiceId, List<Fact> facts) {
        Optional<Fact> start = facts.stream()
                .filter(f -> f.payload() instanceof InvoiceOverdue)
                .findFirst();
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Instant end = facts.stream()
                .filter(OverduePeriods::endsOverdue)
                .map(Fact::businessTime)
                .findFirst()
                .orElse(null);
        Interval interval = new Interval(start.get().businessTime(), end);
        // Paid in full or cancelled before it was ever overdue: the invoice was never late.
        if (end != null && !end.isAfter(interval.start())) {
            return Optional.empty();
        }
        return Optional.of(new OverduePeriod(
                invoiceId,
                interval,
                outstanding(facts),
                facts.stream().anyMatch(f -> f.payload() instanceof InvoiceDisputed),
                facts.stream().anyMatch(f -> f.payload() instanceof FormalNoticeSent),
                facts));
    }

    private static boolean endsOverdue(Fact fact) {
        return fact.payload() instanceof InvoiceCancelled
                || fact.payload() instanceof PaymentReceived payment
                        && payment.outstanding().amount().signum() <= 0;
    }

    // The latest stated outstanding wins; the issued amount is the fallback; nothing is owed on a cancelled invoice.
    private static Money outstanding(List<Fact> factsInBusinessOrder) {
        Money outstanding = null;
        for (Fact fact : factsInBusinessOrder) {
            Object payload = fact.payload();
            if (payload instanceof InvoiceIssued issued && outstanding == null) {
                outstanding = issued.amount();
            } else if (payload instanceof InvoiceOverdue overdue) {
                outstanding = overdue.outstanding();
            } else if (payload instanceof PaymentReceived payment) {
                outstanding = payment.outstanding();
            }
        }
        Optional<Fact> cancelled = factsInBusinessOrder.stream()
                .filter(f -> f.payload() instanceof InvoiceCancelled)
                .findFirst();
        return cancelled.isPresent() && outstanding != null ? Money.zero(outstanding.currency()) : outstanding;
    }

    private OverduePeriods() {}
}
