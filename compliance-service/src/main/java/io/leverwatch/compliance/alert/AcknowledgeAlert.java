package io.leverwatch.compliance.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer takes note of the alert. Acknowledging an acknowledged alert is a no-op. */
public record AcknowledgeAlert(@TargetAggregateIdentifier String alertId, String officer) {}
