package io.leverwatch.compliance.web;

import io.leverwatch.compliance.alert.AlertStatus;
import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.Severity;
import io.leverwatch.compliance.query.AlertFilter;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/alerts} and {@code GET /api/alerts/{id}}: the alerts as officers, operators and auditors read
 * them. Filters take one value, several ({@code status=OPEN,ACKNOWLEDGED}) or none; without a status, retracted
 * alerts are left out. At most {@code limit} alerts are listed (default 1000).
 */
@RestController
class AlertsController {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final AlertQueries queries;

    AlertsController(AlertQueries queries) {
        this.queries = queries;
    }

    /** {@code {"alerts": [...], "truncated": false}}; {@code truncated} says that more alerts match than listed. */
    @GetMapping("/api/alerts")
    Map<String, Object> alerts(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) List<String> rule,
            @RequestParam(required = false) String contractId,
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        AlertFilter filter = new AlertFilter(
                values("status", status, AlertStatus.values()),
                values("severity", severity, Severity.values()),
                values("rule", rule, AlertRule.values()),
                blankToNull(contractId),
                blankToNull(agencyId),
                max);
        List<AlertView> alerts = queries.find(filter);
        boolean truncated = alerts.size() > max;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", truncated ? alerts.subList(0, max) : alerts);
        body.put("truncated", truncated);
        return body;
    }

    @GetMapping("/api/alerts/{alertId}")
    AlertView alert(@PathVariable String alertId) {
        return queries.findWithHistory(alertId).orElseThrow(() -> AlertActionsController.notFound(alertId));
    }

    // Refuses an unknown value with a problem naming the parameter, rather than silently matching nothing.
    private static List<String> values(String parameter, List<String> given, Enum<?>[] allowed) {
        if (given == null) {
            return List.of();
        }
        List<String> names = Arrays.stream(allowed).map(Enum::name).toList();
        List<String> values = given.stream()
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(v -> v.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        for (String value : values) {
            if (!names.contains(value)) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, parameter + " must be one of " + names + ", not " + value);
            }
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
