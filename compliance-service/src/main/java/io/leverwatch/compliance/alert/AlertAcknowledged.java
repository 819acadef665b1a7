package io.leverwatch.compliance.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An officer took note of the alert at {@code at} (wall-clock time of the action). */
@Revision("1")
public record AlertAcknowledged(String alertId, String officer, Instant at) {}
