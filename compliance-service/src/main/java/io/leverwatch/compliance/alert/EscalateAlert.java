package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the severity of the alert under the same rule (up as facts accumulate; late evidence can lower it). */
public record EscalateAlert(@TargetAggregateIdentifier String alertId, Severity severity) {}
