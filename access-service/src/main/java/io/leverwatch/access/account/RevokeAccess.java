package io.leverwatch.access.account;

import io.leverwatch.events.access.AccountRole;
import io.leverwatch.events.access.Revoker;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the client's role on the account was removed. {@code occurredAt} is business time. */
public record RevokeAccess(
        @TargetAggregateIdentifier String accountId, Revoker revokedBy, AccountRole role, Instant occurredAt) {}
