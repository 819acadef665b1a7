package io.leverwatch.compliance.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract the alert: late evidence shows its episode does not qualify; {@code supersededBy} names the alert that now covers it, if any. */
public record RetractAlert(@TargetAggregateIdentifier String alertId, String reason, String supersededBy) {}
