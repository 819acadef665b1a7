package io.leverwatch.compliance.testing;

import io.leverwatch.events.Money;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.access.RestoreMeans;
import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.events.billing.InvoiceOverdue;
import io.leverwatch.events.billing.OverdueCause;
import io.leverwatch.events.billing.PaymentReceived;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.ContractRegistered;
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.CriticalPeriodDeclared;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Party;
import io.leverwatch.events.contract.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The case of LEGAL.md as the services publish it: a community-management contract, Facebook and X accounts opened
 * in the client's name, two invoices left unpaid (one paid in part), termination, codes changed by the agency, the
 * client's request refused "until payment", a promotion starting. Then access restored to both accounts.
 */
public final class LegalCase {

    public static final String AGENCY = "agency-pixel";
    public static final String CLIENT = "client-maison-lefevre";

    public final String contractId;
    public final String facebook;
    public final String x;
    public final String firstInvoice;
    public final String secondInvoice;

    public LegalCase(String contractId) {
        this.contractId = contractId;
        this.facebook = "fb-" + contractId;
        this.x = "x-" + contractId;
        this.firstInvoice = "PIX-001-" + contractId;
        this.secondInvoice = "PIX-002-" + contractId;
    }

    /** What contract-service publishes. */
    public List<Object> contractEvents() {
        return List.of(
                new ContractRegistered(
                        contractId,
                        AGENCY,
                        "Agence Pixel",
                        CLIENT,
                        "Maison Lefèvre",
                        "Community management of the client's Facebook page and X account",
                        LocalDate.parse("2025-09-01"),
                        at("2025-09-01T09:00:00Z")),
                new AccountRegistered(
                        contractId,
                        AGENCY,
                        facebook,
                        Platform.FACEBOOK,
                        "Facebook page Maison Lefèvre",
                        HeldInNameOf.CLIENT,
                        at("2025-09-01T10:00:00Z")),
                new AccountRegistered(
                        contractId,
                        AGENCY,
                        x,
                        Platform.X_TWITTER,
                        "X account @maisonlefevre",
                        HeldInNameOf.CLIENT,
                        at("2025-09-01T10:05:00Z")),
                new ContractTerminated(
                        contractId,
                        AGENCY,
                        Party.CLIENT,
                        at("2026-03-31T23:59:59Z"),
                        "The client ends the contract with one month's notice",
                        at("2026-03-01T09:00:00Z")),
                new CriticalPeriodDeclared(
                        contractId,
                        AGENCY,
                        at("2026-04-10T00:00:00Z"),
                        at("2026-04-30T23:59:59Z"),
                        "Spring promotion announced on the client's pages",
                        at("2026-03-20T09:00:00Z")));
    }

    /** What billing-service publishes from the agency's events. */
    public List<Object> billingEvents() {
        return List.of(
                new InvoiceIssued(
                        firstInvoice,
                        contractId,
                        eur("1800.00"),
                        LocalDate.parse("2026-01-05"),
                        LocalDate.parse("2026-02-04"),
                        at("2026-01-05T09:00:00Z")),
                new InvoiceIssued(
                        secondInvoice,
                        contractId,
                        eur("1800.00"),
                        LocalDate.parse("2026-02-05"),
                        LocalDate.parse("2026-03-06"),
                        at("2026-02-05T09:00:00Z")),
                new PaymentReceived(
                        secondInvoice, contractId, eur("300.00"), eur("1500.00"), at("2026-03-10T14:00:00Z")));
    }

    /** What billing-service derives itself when the due dates pass: the two InvoiceOverdue events. */
    public List<Object> overdueEvents() {
        return List.of(
                new InvoiceOverdue(
                        firstInvoice,
                        contractId,
                        eur("1800.00"),
                        OverdueCause.DUE_DATE_PASSED,
                        at("2026-02-05T00:00:00Z")),
                new InvoiceOverdue(
                        secondInvoice,
                        contractId,
                        eur("1800.00"),
                        OverdueCause.DUE_DATE_PASSED,
                        at("2026-03-07T00:00:00Z")));
    }

    /** What access-service publishes: the codes changed by the agency, the request and its refusal. */
    public List<Object> accessEvents() {
        return List.of(
                new CredentialsChanged(
                        facebook,
                        contractId,
                        Actor.AGENCY,
                        false,
                        ChangeReason.PAYMENT_DEFAULT,
                        at("2026-04-01T08:00:00Z")),
                new CredentialsChanged(
                        x, contractId, Actor.AGENCY, false, ChangeReason.PAYMENT_DEFAULT, at("2026-04-01T08:05:00Z")),
                new AccessRequested(facebook, contractId, at("2026-04-02T09:00:00Z")),
                new AccessRequestRefused(
                        facebook,
                        contractId,
                        RefusalReason.PAYMENT_PENDING,
                        "Access will be handed back once the two invoices are paid.",
                        at("2026-04-02T15:00:00Z")));
    }

    /** The agency hands both accounts back. */
    public List<Object> restorations() {
        return List.of(
                new AccessRestored(facebook, contractId, RestoreMeans.HANDOVER, at("2026-04-20T10:00:00Z")),
                new AccessRestored(x, contractId, RestoreMeans.HANDOVER, at("2026-04-20T10:05:00Z")));
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
