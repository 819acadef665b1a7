package io.leverwatch.events.contract;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An agency registered a contract with a client. {@code occurredAt} is business time. */
@Revision("1")
public record ContractRegistered(
        String contractId,
        String agencyId,
        String agencyName,
        String clientId,
        String clientName,
        String scope,
        LocalDate startDate,
        Instant occurredAt) {}
