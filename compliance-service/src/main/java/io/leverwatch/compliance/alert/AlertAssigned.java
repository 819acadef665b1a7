package io.leverwatch.compliance.alert;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The alert was assigned to {@code assignee} by {@code by} at {@code at}. */
@Revision("1")
public record AlertAssigned(String alertId, String assignee, String by, Instant at) {}
