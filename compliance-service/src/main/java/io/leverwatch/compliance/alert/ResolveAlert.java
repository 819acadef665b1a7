package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.Evidence;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark the alert resolved: every locked account of the episode was restored, by the given events. */
public record ResolveAlert(
        @TargetAggregateIdentifier String alertId, Instant resolvedAt, List<Evidence> restoringEvidence) {}
