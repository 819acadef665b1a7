package io.leverwatch.access.account;

import io.leverwatch.events.access.RestoreMeans;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the client can use the account again. {@code occurredAt} is business time. */
public record RestoreAccess(@TargetAggregateIdentifier String accountId, RestoreMeans means, Instant occurredAt) {}
