package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertFacts;
import org.axonframework.serialization.Revision;

/** The facts of the alert changed: these replace the previous ones. */
@Revision("1")
public record AlertFactsUpdated(String alertId, AlertFacts facts) {}
