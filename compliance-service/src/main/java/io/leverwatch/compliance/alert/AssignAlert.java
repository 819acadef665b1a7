package io.leverwatch.compliance.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer assigns the alert to a colleague (or themself). */
public record AssignAlert(@TargetAggregateIdentifier String alertId, String assignee, String by) {}
