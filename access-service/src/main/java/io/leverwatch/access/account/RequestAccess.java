package io.leverwatch.access.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the client asked for its access to the account. {@code occurredAt} is business time. */
public record RequestAccess(@TargetAggregateIdentifier String accountId, Instant occurredAt) {}
