package io.leverwatch.compliance.leverage;

import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.access.AccessRestored;
import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.Revoker;
import io.leverwatch.events.contract.AccountRegistered;
import io.leverwatch.events.contract.HeldInNameOf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the client was locked out of the accounts held in its name (DESIGN §3).
 *
 * <p>A lockout starts at the earliest of: a credentials change by the AGENCY after which the owner no longer has
 * access, a revocation of the client's role by the AGENCY, a refused access request; it ends at the first
 * {@code access.restored} of that account after it started. Accounts held in the AGENCY's name are its own service
 * (LEGAL.md, C. civ. art. 1219, 2286) and are never locked out in this sense; neither is an account whose
 * registration is not known yet.
 */
public final class LockoutTimeline {

    /** The lockouts of every account registered as held for the client, by start time then first event id. */
    public static List<Lockout> of(ContractCase contractCase) {
        Map<String, Fact> clientHeld = clientHeldAccounts(contractCase);
        List<Lockout> lockouts = new ArrayList<>();
        for (Fact registration : clientHeld.values()) {
            lockouts.addAll(lockoutsOf(registration, accessFactsOf(contractCase, accountIdOf(registration))));
        }
        lockouts.sort(LockoutTimeline::byStart);
        return lockouts;
    }

    /** True for the events that lock the client out of an account held in its name. */
    public static boolean startsLockout(Object payload) {
        if (payload instanceof CredentialsChanged change) {
            return change.changedBy() == Actor.AGENCY && !change.ownerRetainsAccess();
        }
        if (payload instanceof AccessRevoked revocation) {
            return revocation.revokedBy() == Revoker.AGENCY;
        }
        return payload instanceof AccessRequestRefused;
    }

    private static List<Lockout> lockoutsOf(Fact registration, List<Fact> accessFacts) {
        List<Lockout> lockouts = new ArrayList<>();
        List<Fact> locking = new ArrayList<>();
        for (Fact fact : accessFacts) {
            if (startsLockout(fact.payload())) {
                locking.add(fact);
            } else if (fact.payload() instanceof AccessRestored && !locking.isEmpty()) {
                Interval interval = new Interval(locking.get(0).businessTime(), fact.businessTime());
                // A lockout restored at the instant it began never took effect.
                if (interval.start().isBefore(interval.end())) {
                    lockouts.add(new Lockout(registration, interval, locking, fact));
                }
                locking = new ArrayList<>();
            }
        }
        if (!locking.isEmpty()) {
            lockouts.add(new Lockout(registration, Interval.from(locking.get(0).businessTime()), locking, null));
        }
        return lockouts;
    }

    // The first registration of an account, in business order, says in whose name it is held.
    private static Map<String, Fact> clientHeldAccounts(ContractCase contractCase) {
        Map<String, Fact> first = new LinkedHashMap<>();
        for (Fact fact : contractCase.factsOf(AccountRegistered.class)) {
            first.putIfAbsent(accountIdOf(fact), fact);
        }
        first.values().removeIf(fact -> ((AccountRegistered) fact.payload()).heldInNameOf() != HeldInNameOf.CLIENT);
        return first;
    }

    private static List<Fact> accessFactsOf(ContractCase contractCase, String accountId) {
        return contractCase.facts().stream()
                .filter(fact -> accountIdOfAccessEvent(fact.payload())
                        .filter(accountId::equals)
                        .isPresent())
                .toList();
    }

    private static Optional<String> accountIdOfAccessEvent(Object payload) {
        if (payload instanceof CredentialsChanged e) return Optional.of(e.accountId());
        if (payload instanceof AccessRevoked e) return Optional.of(e.accountId());
        if (payload instanceof AccessRequestRefused e) return Optional.of(e.accountId());
        if (payload instanceof AccessRestored e) return Optional.of(e.accountId());
        return Optional.empty();
    }

    private static String accountIdOf(Fact registration) {
        return ((AccountRegistered) registration.payload()).accountId();
    }

    private static int byStart(Lockout a, Lockout b) {
        return Fact.BUSINESS_ORDER.compare(a.firstEvent(), b.firstEvent());
    }

    private LockoutTimeline() {}
}
