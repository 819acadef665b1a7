package io.leverwatch.compliance.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An officer dismissed the alert at {@code at}, with this justification. */
@Revision("1")
public record AlertDismissed(String alertId, String officer, String justification, Instant at) {}
