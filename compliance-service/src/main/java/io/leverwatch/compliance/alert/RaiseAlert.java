package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Raise the alert the saga decided on; a no-op if the alert exists (a replay or a redelivery), unless it was retracted. */
public record RaiseAlert(@TargetAggregateIdentifier String alertId, AlertDecision decision) {}
