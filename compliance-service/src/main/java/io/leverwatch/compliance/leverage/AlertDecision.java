package io.leverwatch.compliance.leverage;

import java.time.Instant;

/**
 * What the rules decide about one lockout episode of a contract: the content of one alert.
 *
 * @param alertId derived from the contract and {@code episodeFirstEventId}, the same on every replay
 * @param episodeFirstEventId the earliest lockout-starting event of the episode
 * @param status RESOLVED when every locked account of the episode has been restored
 * @param resolvedAt when the last locked account was restored; null while the episode lasts
 */
public record AlertDecision(
        String alertId,
        String contractId,
        String episodeFirstEventId,
        AlertRule rule,
        Severity severity,
        DecisionStatus status,
        Instant resolvedAt,
        AlertFacts facts) {}
