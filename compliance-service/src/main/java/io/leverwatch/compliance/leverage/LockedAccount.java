package io.leverwatch.compliance.leverage;

import io.leverwatch.events.contract.Platform;
import java.time.Instant;

/** An account of the episode and how long the client was locked out of it; {@code restoredAt} null while it lasts. */
public record LockedAccount(
        String accountId, Platform platform, String label, Instant lockedSince, Instant restoredAt) {

    static LockedAccount of(Lockout lockout) {
        return new LockedAccount(
                lockout.accountId(),
                lockout.account().platform(),
                lockout.account().label(),
                lockout.interval().start(),
                lockout.interval().end());
    }
}
