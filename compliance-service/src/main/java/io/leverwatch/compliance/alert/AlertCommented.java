package io.leverwatch.compliance.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An officer commented on the alert at {@code at}. */
@Revision("1")
public record AlertCommented(String alertId, String author, String text, Instant at) {}
