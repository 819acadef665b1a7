package io.leverwatch.compliance.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a resolved alert: late evidence shows an account of the episode still locked out. */
public record ReopenAlert(@TargetAggregateIdentifier String alertId, String reason) {}
