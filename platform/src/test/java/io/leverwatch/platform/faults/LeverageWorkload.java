package io.leverwatch.platform.faults;

import io.leverwatch.events.Money;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.OverdueCause;
import io.leverwatch.events.billing.PaymentReceived;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A run with known expected alerts, as the bench's inbox generator builds it: each contract is registered with a
 * client-held Facebook account and an invoice; one contract in ten is a leverage case (invoice overdue, codes changed
 * by the agency, access refused pending payment) and must end as exactly one alert, the others pay in full and rotate
 * codes keeping the owner's access and must raise none. Contract ids start with the run's prefix, so runs in one
 * database are told apart.
 */
public final class LeverageWorkload {

    private static final Instant REGISTERED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant LOCKED_OUT = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant REFUSED = Instant.parse("2026-03-11T08:00:00Z");
    private static final Money AMOUNT = Money.of("1200.00", "EUR");

    private final String prefix;
    private final int contracts;

    public LeverageWorkload(String prefix, int contracts) {
        this.prefix = prefix;
        this.contracts = contracts;
    }

    public String prefix() {
        return prefix;
    }

    public int contracts() {
        return contracts;
    }

    public String contract(int i) {
        return prefix + i;
    }

    public boolean isLeverage(int i) {
        return i % 10 == 0;
    }

    /** The contracts that must each end with exactly one alert; no other contract of the run may have one. */
    public Set<String> leverageContracts() {
        return IntStream.range(0, contracts)
                .filter(this::isLeverage)
                .mapToObj(this::contract)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every event compliance must store once: five per contract, six for a leverage case. */
    public int expectedEvents() {
        return IntStream.range(0, contracts).map(i -> isLeverage(i) ? 6 : 5).sum();
    }

    /** What contract-service publishes for contract i: the registration and its Facebook account. */
    public List<Object> contractEvents(int i) {
        String c = contract(i);
        return List.of(
                new ContractRegistered(
                        c,
                        FaultStack.AGENCY,
                        "Agence Pixel",
                        "client-" + c,
                        "Client " + i,
                        "community management",
                        LocalDate.of(2026, 1, 5),
                        REGISTERED),
                new AccountRegistered(
                        c, FaultStack.AGENCY, account(i), Platform.FACEBOOK, "Page", HeldInNameOf.CLIENT, REGISTERED));
    }

    /** What billing-service publishes for contract i: the invoice, then overdue (leverage) or paid in full. */
    public List<Object> billingEvents(int i) {
        String c = contract(i);
        String invoice = c + "-inv";
        Object outcome = isLeverage(i)
                ? new InvoiceOverdue(
                        invoice, c, AMOUNT, OverdueCause.DUE_DATE_PASSED, Instant.parse("2026-03-02T00:00:00Z"))
                : new PaymentReceived(invoice, c, AMOUNT, Money.zero("EUR"), Instant.parse("2026-02-20T09:00:00Z"));
        return List.of(
                new InvoiceIssued(
                        invoice,
                        c,
                        AMOUNT,
                        LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 3, 1),
                        Instant.parse("2026-02-01T09:00:00Z")),
                outcome);
    }

    /** What access-service publishes for contract i once the account is attached: the facts of {@link #accessCloudEvents}. */
    public List<Object> accessEvents(int i) {
        String c = contract(i);
        if (!isLeverage(i)) {
            return List.of(new CredentialsChanged(
                    account(i), c, Actor.AGENCY, true, ChangeReason.ROUTINE_ROTATION, LOCKED_OUT));
        }
        return List.of(
                new CredentialsChanged(account(i), c, Actor.AGENCY, false, ChangeReason.PAYMENT_DEFAULT, LOCKED_OUT),
                new AccessRequestRefused(account(i), c, RefusalReason.PAYMENT_PENDING, "pay first", REFUSED));
    }

    /**
     * What the agency's vault sends access-service for contract i, as CloudEvents with fixed ids (so that sending one
     * again is a duplicate): codes changed by the agency and the client's request refused pending payment (leverage),
     * or a routine rotation that keeps the owner's access.
     */
    public List<Map<String, Object>> accessCloudEvents(int i) {
        String id = "fault-" + contract(i);
        if (!isLeverage(i)) {
            return List.of(cloudEvent(
                    id + "-rotation",
                    "leverwatch.access.credentials-changed",
                    LOCKED_OUT.toString(),
                    Map.of(
                            "accountId",
                            account(i),
                            "changedBy",
                            "AGENCY",
                            "ownerRetainsAccess",
                            true,
                            "reason",
                            "ROUTINE_ROTATION")));
        }
        return List.of(
                cloudEvent(
                        id + "-lockout",
                        "leverwatch.access.credentials-changed",
                        LOCKED_OUT.toString(),
                        Map.of(
                                "accountId",
                                account(i),
                                "changedBy",
                                "AGENCY",
                                "ownerRetainsAccess",
                                false,
                                "reason",
                                "PAYMENT_DEFAULT")),
                cloudEvent(
                        id + "-refusal",
                        "leverwatch.access.request-refused",
                        REFUSED.toString(),
                        Map.of("accountId", account(i), "reason", "PAYMENT_PENDING", "statement", "pay first")));
    }

    private String account(int i) {
        return contract(i) + "-fb";
    }

    private static Map<String, Object> cloudEvent(String id, String type, String time, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "https://vault.agence-pixel.example");
        event.put("type", type);
        event.put("time", time);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }
}
