package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.Severity;
import org.axonframework.serialization.Revision;

/** The severity of the alert changed under the same rule; compare the two to tell an escalation from a downgrade. */
@Revision("1")
public record AlertEscalated(String alertId, Severity previousSeverity, Severity severity) {}
