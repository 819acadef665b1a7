package io.leverwatch.compliance.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer closes the alert without action; the justification is required. */
public record DismissAlert(@TargetAggregateIdentifier String alertId, String officer, String justification) {}
