package io.leverwatch.access.account;

import io.leverwatch.events.access.AccessRevoked;
import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.CredentialsChanged;
import io.leverwatch.events.access.Revoker;
import java.time.Instant;

/**
 * Whether the client is locked out of an account, by business time (DESIGN.md §3): a credentials change
 * by the AGENCY with the owner losing access, a revocation by the AGENCY or a refused request locks the
 * client out, until access is restored.
 *
 * <p>Only the latest lockout and the latest restoration count, so the answer is the same whatever order
 * the events arrive in. A lockout and a restoration at the same instant leave the client with access.
 */
public record ClientLockout(Instant lastLockoutAt, Instant lastRestoreAt) {

    public static final ClientLockout NEVER = new ClientLockout(null, null);

    public static boolean locksOut(CredentialsChanged event) {
        return event.changedBy() == Actor.AGENCY && !event.ownerRetainsAccess();
    }

    public static boolean locksOut(AccessRevoked event) {
        return event.revokedBy() == Revoker.AGENCY;
    }

    public ClientLockout lockedOutAt(Instant at) {
        return new ClientLockout(latest(lastLockoutAt, at), lastRestoreAt);
    }

    public ClientLockout restoredAt(Instant at) {
        return new ClientLockout(lastLockoutAt, latest(lastRestoreAt, at));
    }

    public boolean isLockedOut() {
        return lastLockoutAt != null && (lastRestoreAt == null || lastLockoutAt.isAfter(lastRestoreAt));
    }

    private static Instant latest(Instant known, Instant candidate) {
        return known == null || candidate.isAfter(known) ? candidate : known;
    }
}
