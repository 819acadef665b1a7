package io.leverwatch.compliance.leverage;

import io.leverwatch.events.access.AccessRequestRefused;
import io.leverwatch.events.contract.AccountRegistered;
import java.util.List;
import java.util.Optional;

/**
 * One period in which the client was locked out of one account held in its name.
 *
 * @param registration the fact that registered the account as held for the client
 * @param lockingEvents the events that started or kept up the lockout, the first one started it
 * @param restoringEvent the {@code access.restored} that ended it; null while it lasts
 */
public record Lockout(Fact registration, Interval interval, List<Fact> lockingEvents, Fact restoringEvent) {

    public Lockout {
        lockingEvents = List.copyOf(lockingEvents);
    }

    public AccountRegistered account() {
        return (AccountRegistered) registration.payload();
    }

    public String accountId() {
        return account().accountId();
    }

    public Fact firstEvent() {
        return lockingEvents.get(0);
    }

    public Optional<Fact> restoring() {
        return Optional.ofNullable(restoringEvent);
    }

    /** The client's refused requests for access during this lockout. */
    public List<AccessRequestRefused> refusals() {
        return lockingEvents.stream()
                .flatMap(fact -> fact.payloadAs(AccessRequestRefused.class).stream())
                .toList();
    }
}
