package io.leverwatch.compliance.alert;

import org.axonframework.serialization.Revision;

/** Late evidence shows the episode does not qualify; {@code supersededBy} names the alert that now covers it, if any. */
@Revision("1")
public record AlertRetracted(String alertId, String reason, String supersededBy) {}
