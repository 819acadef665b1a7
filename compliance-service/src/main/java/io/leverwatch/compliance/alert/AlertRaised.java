package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertDecision;
import org.axonframework.serialization.Revision;

/** An alert was raised (or raised again after a retraction) with the whole content of the decision. */
@Revision("1")
public record AlertRaised(String alertId, AlertDecision decision) {}
