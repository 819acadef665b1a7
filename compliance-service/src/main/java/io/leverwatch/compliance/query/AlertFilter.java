package io.leverwatch.compliance.query;

import java.util.List;

/**
 * Which alerts a listing shows. Empty lists and null values do not filter, except that without a status the
 * RETRACTED alerts (late evidence showed they do not qualify) are left out.
 *
 * @param limit at most this many, most severe then newest first
 */
public record AlertFilter(
        List<String> statuses,
        List<String> severities,
        List<String> rules,
        String contractId,
        String agencyId,
        int limit) {

    public AlertFilter {
        statuses = List.copyOf(statuses);
        severities = List.copyOf(severities);
        rules = List.copyOf(rules);
    }
}
