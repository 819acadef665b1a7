package io.leverwatch.compliance.leverage;

import static io.leverwatch.compliance.leverage.History.at;

import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.RefusalReason;
import io.leverwatch.events.access.Revoker;
import io.leverwatch.events.contract.HeldInNameOf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random but plausible histories of one contract over a few days: accounts held for either party, invoices that go
 * overdue and get paid, cancelled, disputed or noticed, lockouts, refusals and restores. Times fall on an hour grid so
 * that ties in business time are common, and registrations may come at any time (even after the access events).
 */
public final class RandomHistories {

    private static final int HOURS = 24 * 6;

    /** Histories as jqwik arbitraries; the seed makes every failing history reproducible. */
    public static Arbitrary<List<Fact>> histories() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed)));
    }

    /** The facts in a random arrival order, some of them delivered twice. */
    public static List<Fact> arrivalOrder(List<Fact> history, Random random) {
        List<Fact> arrival = new ArrayList<>(history);
        for (Fact fact : history) {
            if (random.nextInt(5) == 0) {
                arrival.add(fact);
            }
        }
        Collections.shuffle(arrival, random);
        return arrival;
    }

    public static List<Fact> inBusinessOrder(List<Fact> history) {
        return history.stream().sorted(Fact.BUSINESS_ORDER).toList();
    }

    static List<Fact> generate(Random random) {
        History history = new History();
        if (random.nextInt(5) > 0) {
            history.contractRegistered(time(random));
        }
        List<String> accounts = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(3); i <= n; i++) {
            String accountId = "account-" + i;
            accounts.add(accountId);
            if (random.nextInt(8) > 0) {
                history.account(
                        accountId, random.nextInt(4) > 0 ? HeldInNameOf.CLIENT : HeldInNameOf.AGENCY, time(random));
            }
        }
        for (int i = 1, n = random.nextInt(4); i <= n; i++) {
            invoice(history, "INV-" + i, random);
        }
        if (random.nextInt(4) == 0) {
            history.creditNote("CN-1", "150.00", time(random));
        }
        if (random.nextInt(3) == 0) {
            history.terminated(time(random), time(random));
        }
        if (random.nextInt(3) == 0) {
            Instant from = time(random);
            history.criticalPeriod(from, from.plusSeconds(3600L * (1 + random.nextInt(48))), time(random));
        }
        for (String accountId : accounts) {
            for (int i = 0, n = random.nextInt(5); i < n; i++) {
                access(history, accountId, random);
            }
        }
        return history.facts();
    }

    private static void invoice(History history, String invoiceId, Random random) {
        history.invoiceIssued(invoiceId, "1000.00", time(random));
        if (random.nextInt(4) > 0) {
            history.overdue(invoiceId, "1000.00", time(random));
        }
        if (random.nextInt(3) == 0) {
            history.payment(invoiceId, "400.00", "600.00", time(random));
        }
        if (random.nextInt(3) == 0) {
            history.payment(invoiceId, "600.00", "0.00", time(random));
        }
        if (random.nextInt(6) == 0) {
            history.cancelled(invoiceId, time(random));
        }
        if (random.nextInt(4) == 0) {
            history.disputed(invoiceId, time(random));
        }
        if (random.nextInt(4) == 0) {
            history.formalNotice(invoiceId, time(random));
        }
    }

    private static void access(History history, String accountId, Random random) {
        Instant at = time(random);
        switch (random.nextInt(8)) {
            case 0, 1 -> history.lockedOut(accountId, at);
            case 2 ->
                history.credentialsChanged(accountId, Actor.values()[random.nextInt(3)], random.nextBoolean(), at);
            case 3 -> history.revoked(accountId, random.nextBoolean() ? Revoker.AGENCY : Revoker.PLATFORM, at);
            case 4 -> history.refused(accountId, RefusalReason.values()[random.nextInt(3)], at);
            case 5 -> history.requested(accountId, at);
            default -> history.restored(accountId, at);
        }
    }

    private static Instant time(Random random) {
        int hour = random.nextInt(HOURS);
        return at(hour / 24, hour % 24);
    }

    private RandomHistories() {}
}
