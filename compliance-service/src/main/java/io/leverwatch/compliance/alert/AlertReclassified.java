package io.leverwatch.compliance.alert;

import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.Recommendation;
import io.leverwatch.compliance.leverage.Severity;
import org.axonframework.serialization.Revision;

/** The alert now falls under another rule, with this severity and recommendation. */
@Revision("1")
public record AlertReclassified(
        String alertId, AlertRule previousRule, AlertRule rule, Severity severity, Recommendation recommendation) {}
