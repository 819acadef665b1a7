package io.leverwatch.events.contract;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A period in which losing access harms the client most (a launch, a promotion). */
@Revision("1")
public record CriticalPeriodDeclared(
        String contractId, String agencyId, Instant from, Instant to, String description, Instant occurredAt) {}
