package io.leverwatch.compliance.leverage;

import java.time.Instant;

/** One event an alert rests on, as the officer and the evidence bundle cite it. */
public record Evidence(String eventId, String type, Instant time, String source) {}
