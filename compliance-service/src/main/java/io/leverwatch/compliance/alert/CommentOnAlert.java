package io.leverwatch.compliance.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An officer adds a comment to the alert's case. */
public record CommentOnAlert(@TargetAggregateIdentifier String alertId, String author, String text) {}
