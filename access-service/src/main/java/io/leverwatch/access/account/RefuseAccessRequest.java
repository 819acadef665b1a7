package io.leverwatch.access.account;

import io.leverwatch.events.access.RefusalReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the agency refused the client's request for access. {@code statement} is optional free text;
 * {@code occurredAt} is business time.
 */
public record RefuseAccessRequest(
        @TargetAggregateIdentifier String accountId, RefusalReason reason, String statement, Instant occurredAt) {}
