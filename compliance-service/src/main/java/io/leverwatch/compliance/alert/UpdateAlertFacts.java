package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertFacts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the facts of the alert (accounts, invoices, amounts, recommendation, evidence) with what the facts now show. */
public record UpdateAlertFacts(@TargetAggregateIdentifier String alertId, AlertFacts facts) {}
