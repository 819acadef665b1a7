package io.leverwatch.compliance.leverage;

import io.leverwatch.events.Money;
import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRequested;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.AccountRole;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.access.RestoreMeans;
import io.leverwatch.events.access.Revoker;
import io.leverwatch.events.billing.CreditNoteIssued;
import io.leverwatch.events.billing.FormalNoticeSent;
import io.leverwatch.events.billing.InvoiceCancelled;
import io.leverwatch.events.billing.InvoiceDisputed;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds the history of one contract as facts, with event ids in the order they are written ({@code evt-001}, ...)
 * and business times on a day/hour grid. Two histories written the same way have the same ids.
 */
public final class History {

    public static final String CONTRACT = "contract-1";
    public static final String AGENCY = "agency-1";
    public static final String CLIENT = "client-1";
    public static final String CRM = "urn:agency-1:crm";
    public static final String BILLING = "urn:agency-1:billing";
    public static final String VAULT = "urn:agency-1:vault";

    /** Monday 3 March 2025, 00:00 UTC. */
    public static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");

    private final List<Fact> facts = new ArrayList<>();
    private int sequence;

    public static Instant day(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    public static Instant at(int day, int hour) {
        return day(day).plus(Duration.ofHours(hour));
    }

    public static ContractCase caseOf(Collection<Fact> facts) {
        ContractCase contractCase = new ContractCase();
        facts.forEach(contractCase::apply);
        return contractCase;
    }

    public List<Fact> facts() {
        return List.copyOf(facts);
    }

    public Fact contractRegistered(Instant at) {
        return add(
                CRM,
                new ContractRegistered(
                        CONTRACT,
                        AGENCY,
                        "Agence Lumière",
                        CLIENT,
                        "Boulangerie Martin",
                        "community management",
                        LocalDate.ofInstant(at, ZoneOffset.UTC),
                        at));
    }

    public Fact account(String accountId, HeldInNameOf heldFor, Instant at) {
        return add(
                CRM,
                new AccountRegistered(
                        CONTRACT, AGENCY, accountId, Platform.FACEBOOK, "Page " + accountId, heldFor, at));
    }

    public Fact criticalPeriod(Instant from, Instant to, Instant at) {
        return add(CRM, new CriticalPeriodDeclared(CONTRACT, AGENCY, from, to, "spring promotion", at));
    }

    public Fact terminated(Instant effectiveAt, Instant at) {
        return add(CRM, new ContractTerminated(CONTRACT, AGENCY, Party.CLIENT, effectiveAt, "end of contract", at));
    }

    public Fact invoiceIssued(String invoiceId, String amount, Instant at) {
        LocalDate issuedOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return add(BILLING, new InvoiceIssued(invoiceId, CONTRACT, eur(amount), issuedOn, issuedOn.plusDays(30), at));
    }

    public Fact overdue(String invoiceId, String outstanding, Instant at) {
        return add(
                BILLING, new InvoiceOverdue(invoiceId, CONTRACT, eur(outstanding), OverdueCause.DUE_DATE_PASSED, at));
    }

    public Fact payment(String invoiceId, String amount, String outstanding, Instant at) {
        return add(BILLING, new PaymentReceived(invoiceId, CONTRACT, eur(amount), eur(outstanding), at));
    }

    public Fact cancelled(String invoiceId, Instant at) {
        return add(BILLING, new InvoiceCancelled(invoiceId, CONTRACT, "issued in error", at));
    }

    public Fact disputed(String invoiceId, Instant at) {
        return add(BILLING, new InvoiceDisputed(invoiceId, CONTRACT, "work not delivered", at));
    }

    public Fact formalNotice(String invoiceId, Instant at) {
        return add(BILLING, new FormalNoticeSent(invoiceId, CONTRACT, at));
    }

    public Fact creditNote(String creditNoteId, String amount, Instant at) {
        return add(BILLING, new CreditNoteIssued(creditNoteId, CONTRACT, eur(amount), at));
    }

    public Fact credentialsChanged(String accountId, Actor by, boolean ownerRetainsAccess, Instant at) {
        return add(
                VAULT,
                new CredentialsChanged(accountId, CONTRACT, by, ownerRetainsAccess, ChangeReason.UNSPECIFIED, at));
    }

    /** The most common lockout: the agency changes the password and the client no longer has access. */
    public Fact lockedOut(String accountId, Instant at) {
        return credentialsChanged(accountId, Actor.AGENCY, false, at);
    }

    public Fact revoked(String accountId, Revoker by, Instant at) {
        return add(VAULT, new AccessRevoked(accountId, CONTRACT, by, AccountRole.ADMIN, at));
    }

    public Fact requested(String accountId, Instant at) {
        return add(VAULT, new AccessRequested(accountId, CONTRACT, at));
    }

    public Fact refused(String accountId, RefusalReason reason, Instant at) {
        return add(VAULT, new AccessRequestRefused(accountId, CONTRACT, reason, "not until paid", at));
    }

    public Fact restored(String accountId, Instant at) {
        return add(VAULT, new AccessRestored(accountId, CONTRACT, RestoreMeans.HANDOVER, at));
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private Fact add(String source, Object payload) {
        Fact fact = Fact.of("evt-%03d".formatted(++sequence), source, payload);
        facts.add(fact);
        return fact;
    }
}
