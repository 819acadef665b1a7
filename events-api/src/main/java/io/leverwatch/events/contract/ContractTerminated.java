package io.leverwatch.events.contract;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The contract ends at {@code effectiveAt}. */
@Revision("1")
public record ContractTerminated(
        String contractId,
        String agencyId,
        Party terminatedBy,
        Instant effectiveAt,
        String reason,
        Instant occurredAt) {}
