package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.alert.AlertStatus;
import io.leverwatch.compliance.leverage.Severity;
import java.util.Map;

/** The dashboard's counts: the alerts (retracted ones left out) by severity and by status. */
public record AlertCounts(Map<Severity, Long> bySeverity, Map<AlertStatus, Long> byStatus, long total) {

    /** @param severity a severity's name */
    public long ofSeverity(String severity) {
        return bySeverity.getOrDefault(Severity.valueOf(severity), 0L);
    }

    /** @param status a status's name */
    public long ofStatus(String status) {
        return byStatus.getOrDefault(AlertStatus.valueOf(status), 0L);
    }
}
