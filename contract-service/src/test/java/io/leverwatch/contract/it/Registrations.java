package io.leverwatch.contract.it;

import static io.leverwatch.kit.test.CloudEvents.event;

import java.util.Map;

/** The contract registration the contract-service tests send, as a CloudEvent ready to post. */
final class Registrations {

    private Registrations() {}

    static Map<String, Object> registration(String contractId, String agencyId) {
        return event(
                "leverwatch.contract.registered",
                "2026-01-05T09:00:00Z",
                Map.of(
                        "contractId", contractId,
                        "agencyId", agencyId,
                        "agencyName", "Agence Pixel",
                        "clientId", "client-martin",
                        "clientName", "Boulangerie Martin",
                        "scope", "community management",
                        "startDate", "2026-01-05"));
    }
}
