package io.leverwatch.compliance.alert;

import org.axonframework.serialization.Revision;

/** A resolved alert is open again: late evidence shows an account of the episode still locked out. */
@Revision("1")
public record AlertReopened(String alertId, String reason) {}
