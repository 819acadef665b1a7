package io.leverwatch.access.account;

import io.leverwatch.events.access.Actor;
import io.leverwatch.events.access.ChangeReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the account's credentials changed. {@code occurredAt} is business time. */
public record ChangeCredentials(
        @TargetAggregateIdentifier String accountId,
        Actor changedBy,
        boolean ownerRetainsAccess,
        ChangeReason reason,
        Instant occurredAt) {}
