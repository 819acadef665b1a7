package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.Recommendation;
import io.leverwatch.compliance.leverage.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the rule of the alert (typically termination to leverage, when an invoice became overdue during the lockout). */
public record ReclassifyAlert(
        @TargetAggregateIdentifier String alertId, AlertRule rule, Severity severity, Recommendation recommendation) {}
