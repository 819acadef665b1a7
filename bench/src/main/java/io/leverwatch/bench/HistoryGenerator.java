package io.leverwatch.bench;

import io.leverwatch.events.Money;
import io.leverwatch.events.Topics;
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
import io.leverwatch.events.contract.ContractTerminated;
import io.leverwatch.events.contract.HeldInNameOf;
import io.leverwatch.events.contract.Party;
import io.leverwatch.events.contract.Platform;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic history, one contract at a time (nothing is kept: memory stays flat whatever the number of contracts),
 * that knows its ground truth. Contract {@code i} is always the same story for the same seed:
 *
 * <ul>
 *   <li>one in ten ({@link Kind#LEVERAGE}): an invoice falls overdue and the agency locks the client out of a
 *       client-held account (codes changed, or access refused) pending payment: one alert;
 *   <li>one in twenty ({@link Kind#WITHHELD_AFTER_TERMINATION}): everything paid, the contract ends and the agency
 *       changes the codes of the client's account so that the client cannot get in: one alert;
 *   <li>one in twenty ({@link Kind#TERMINATED_HANDED_OVER}): everything paid, the contract ends and the client changes
 *       its own codes: no alert;
 *   <li>the others ({@link Kind#PAID}): one to three invoices, each paid before it falls due (in one or two
 *       payments), one or two accounts (one of them sometimes the agency's own), a routine rotation of codes that
 *       keeps the client's access: no alert.
 * </ul>
 *
 * The event whose publication decides the alert is always the story's last.
 */
final class HistoryGenerator {

    static final String[] AGENCIES = {"agency-pixel", "agency-nova"};
    private static final Instant EPOCH = Instant.parse("2025-01-06T09:00:00Z");

    enum Kind {
        PAID,
        TERMINATED_HANDED_OVER,
        LEVERAGE,
        WITHHELD_AFTER_TERMINATION
    }

    /** One event as a service publishes it: on its topic, keyed by contract. */
    record Published(String topic, String contractId, Object payload) {}

    /** One contract's events in publication order, and whether compliance must raise an alert on it. */
    record Story(String contractId, Kind kind, List<Published> events) {

        boolean alertExpected() {
            return kind == Kind.LEVERAGE || kind == Kind.WITHHELD_AFTER_TERMINATION;
        }
    }

    private final String prefix;
    private final long seed;

    /** @param prefix of every contract id, so that several loads on one platform never share a contract */
    HistoryGenerator(String prefix, long seed) {
        this.prefix = prefix;
        this.seed = seed;
    }

    static Kind kindOf(int index) {
        return switch (index % 20) {
            case 0, 10 -> Kind.LEVERAGE;
            case 5 -> Kind.WITHHELD_AFTER_TERMINATION;
            case 15 -> Kind.TERMINATED_HANDED_OVER;
            default -> Kind.PAID;
        };
    }

    /** How many of the first {@code contracts} stories end in an alert. */
    static int expectedAlerts(int contracts) {
        int alerts = 0;
        for (int i = 0; i < contracts; i++) {
            Kind kind = kindOf(i);
            if (kind == Kind.LEVERAGE || kind == Kind.WITHHELD_AFTER_TERMINATION) {
                alerts++;
            }
        }
        return alerts;
    }

    Story story(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String c = prefix + index;
        String agency = AGENCIES[index % AGENCIES.length];
        Kind kind = kindOf(index);
        Instant start = EPOCH.plus(Duration.ofDays(index % 300)).plusSeconds(random.nextInt(3_600));
        Clock time = new Clock(start);
        List<Published> events = new ArrayList<>();

        events.add(contract(new ContractRegistered(
                c,
                agency,
                agency.equals("agency-pixel") ? "Agence Pixel" : "Nova Digital",
                "client-" + index,
                "Client " + index,
                "community management",
                LocalDate.ofInstant(start, ZoneOffset.UTC),
                time.now())));
        String account = c + "-fb";
        events.add(contract(new AccountRegistered(
                c,
                agency,
                account,
                Platform.FACEBOOK,
                "Page",
                HeldInNameOf.CLIENT,
                time.later(Duration.ofMinutes(5)))));
        if (random.nextInt(3) == 0) {
            events.add(contract(new AccountRegistered(
                    c,
                    agency,
                    c + "-ads",
                    Platform.GOOGLE_ADS,
                    "Agency ads account",
                    HeldInNameOf.AGENCY,
                    time.later(Duration.ofMinutes(10)))));
        }

        if (kind == Kind.LEVERAGE) {
            Money amount = amount(random);
            Instant issued = time.later(Duration.ofDays(25));
            events.add(billing(new InvoiceIssued(
                    c + "-inv-1", c, amount, day(issued), day(issued).plusDays(30), issued)));
            events.add(billing(new InvoiceOverdue(
                    c + "-inv-1", c, amount, OverdueCause.DUE_DATE_PASSED, time.later(Duration.ofDays(31)))));
            Instant lockout = time.later(Duration.ofDays(5 + random.nextInt(10)));
            events.add(
                    random.nextBoolean()
                            ? access(new CredentialsChanged(
                                    account, c, Actor.AGENCY, false, ChangeReason.PAYMENT_DEFAULT, lockout))
                            : access(new AccessRequestRefused(
                                    account, c, RefusalReason.PAYMENT_PENDING, "pay first", lockout)));
            return new Story(c, kind, events);
        }

        int invoices = kind == Kind.PAID ? 1 + random.nextInt(3) : 1;
        for (int n = 1; n <= invoices; n++) {
            Money amount = amount(random);
            Instant issued = time.later(Duration.ofDays(20 + random.nextInt(15)));
            String invoice = c + "-inv-" + n;
            events.add(billing(new InvoiceIssued(
                    invoice, c, amount, day(issued), day(issued).plusDays(30), issued)));
            if (random.nextInt(4) == 0) {
                Money half = Money.of(
                        amount.amount()
                                .divide(BigDecimal.valueOf(2))
                                .setScale(2)
                                .toPlainString(),
                        "EUR");
                Money rest = Money.of(amount.amount().subtract(half.amount()).toPlainString(), "EUR");
                events.add(billing(new PaymentReceived(invoice, c, half, rest, time.later(Duration.ofDays(5)))));
                events.add(billing(
                        new PaymentReceived(invoice, c, rest, Money.zero("EUR"), time.later(Duration.ofDays(10)))));
            } else {
                events.add(billing(new PaymentReceived(
                        invoice, c, amount, Money.zero("EUR"), time.later(Duration.ofDays(10 + random.nextInt(15))))));
            }
        }
        switch (kind) {
            case PAID ->
                events.add(access(new CredentialsChanged(
                        account,
                        c,
                        Actor.AGENCY,
                        true,
                        ChangeReason.ROUTINE_ROTATION,
                        time.later(Duration.ofDays(3)))));
            case TERMINATED_HANDED_OVER -> {
                Instant end = time.later(Duration.ofDays(10));
                events.add(contract(new ContractTerminated(c, agency, Party.CLIENT, end, "end of term", end)));
                events.add(access(new CredentialsChanged(
                        account, c, Actor.CLIENT, true, ChangeReason.CONTRACT_END, time.later(Duration.ofDays(1)))));
            }
            case WITHHELD_AFTER_TERMINATION -> {
                Instant end = time.later(Duration.ofDays(10));
                events.add(contract(new ContractTerminated(c, agency, Party.CLIENT, end, "end of term", end)));
                events.add(access(new CredentialsChanged(
                        account, c, Actor.AGENCY, false, ChangeReason.CONTRACT_END, time.later(Duration.ofDays(1)))));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new Story(c, kind, events);
    }

    private static Money amount(SplittableRandom random) {
        return Money.of(
                BigDecimal.valueOf(300 + random.nextInt(4_700)).setScale(2).toPlainString(), "EUR");
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Published contract(Object payload) {
        return new Published(Topics.CONTRACT_EVENTS, contractIdOf(payload), payload);
    }

    private static Published billing(Object payload) {
        return new Published(Topics.BILLING_EVENTS, contractIdOf(payload), payload);
    }

    private static Published access(Object payload) {
        return new Published(Topics.ACCESS_EVENTS, contractIdOf(payload), payload);
    }

    private static String contractIdOf(Object payload) {
        return io.leverwatch.kit.publish.EventFields.contractId(payload);
    }

    /** Business time moving forward through a story. */
    private static final class Clock {
        private Instant now;

        Clock(Instant start) {
            this.now = start;
        }

        Instant now() {
            return now;
        }

        Instant later(Duration step) {
            now = now.plus(step);
            return now;
        }
    }
}
