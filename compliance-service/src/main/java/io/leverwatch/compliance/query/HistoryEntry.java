package io.leverwatch.compliance.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One line of an alert's audit trail.
 *
 * @param sequence the event's place in the alert's life, from 0
 * @param what RAISED, FACTS_UPDATED, RECLASSIFIED, ESCALATED, RESOLVED, REOPENED, RETRACTED, ACKNOWLEDGED, ASSIGNED,
 *     COMMENTED or DISMISSED
 * @param actor the officer's user name, or {@code system} for what the saga decided
 * @param actorKind OFFICER or SYSTEM
 * @param at when an officer acted, or when the system recorded its change
 * @param summary one readable sentence
 * @param details the change's own data (a comment's text, the new severity, a justification, ...)
 */
public record HistoryEntry(
        long sequence,
        String eventId,
        String what,
        String actor,
        String actorKind,
        Instant at,
        String summary,
        JsonNode details) {}
