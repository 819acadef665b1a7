package io.leverwatch.compliance.dashboard;

import io.leverwatch.compliance.alert.AlertStatus;
import io.leverwatch.compliance.leverage.AlertRule;
import io.leverwatch.compliance.leverage.Severity;
import io.leverwatch.compliance.query.AlertFilter;
import io.leverwatch.compliance.query.AlertQueries;
import io.leverwatch.compliance.query.AlertView;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /}: the alerts, most severe then newest first, with the counts and the chart above them. An htmx
 * request (the page refreshing itself on a live change) gets only the part that changes.
 */
@Controller
class AlertListController {

    static final int LIMIT = 200;
    static final List<String> MOST_SEVERE_FIRST =
            List.of(Severity.CRITICAL.name(), Severity.HIGH.name(), Severity.MEDIUM.name());

    /** The list's filters as the form shows them; a blank or unknown value does not filter. */
    public record Filters(String status, String severity, String agency, String rule) {

        public boolean any() {
            return status != null || severity != null || agency != null || rule != null;
        }
    }

    private final AlertQueries queries;
    private final AlertStatistics statistics;
    private final Clock clock;

    AlertListController(AlertQueries queries, AlertStatistics statistics, Clock clock) {
        this.queries = queries;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/")
    String alerts(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String rule,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Filters filters = new Filters(
                known(status, AlertStatus.values()),
                known(severity, Severity.values()),
                agency == null || agency.isBlank() ? null : agency.trim(),
                known(rule, AlertRule.values()));
        List<AlertView> alerts = queries.find(new AlertFilter(
                one(filters.status()), one(filters.severity()), one(filters.rule()), null, filters.agency(), LIMIT));
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth last = statistics
                .latestRaisedAt()
                .map(latest -> YearMonth.from(latest.atZone(ZoneOffset.UTC)))
                .filter(latest -> latest.isAfter(now))
                .orElse(now);
        model.addAttribute("filters", filters);
        model.addAttribute("alerts", alerts.size() > LIMIT ? alerts.subList(0, LIMIT) : alerts);
        model.addAttribute("truncated", alerts.size() > LIMIT);
        model.addAttribute("counts", statistics.counts());
        model.addAttribute(
                "chart", AlertChart.of(last, statistics.raisedByMonth(last.minusMonths(AlertChart.MONTHS - 1))));
        model.addAttribute("agencies", statistics.agencies());
        model.addAttribute(
                "statuses", Arrays.stream(AlertStatus.values()).map(Enum::name).toList());
        model.addAttribute("severities", MOST_SEVERE_FIRST);
        model.addAttribute(
                "rules", Arrays.stream(AlertRule.values()).map(Enum::name).toList());
        model.addAttribute("updatedAt", clock.instant());
        model.addAttribute("htmx", htmx != null);
        model.addAttribute("listUrl", listUrl(filters));
        return htmx != null ? "dashboard/alerts :: live" : "dashboard/alerts";
    }

    // The list as filtered now, which the page fetches again on every live change.
    private static String listUrl(Filters filters) {
        return UriComponentsBuilder.fromPath("/")
                .queryParamIfPresent("status", Optional.ofNullable(filters.status()))
                .queryParamIfPresent("severity", Optional.ofNullable(filters.severity()))
                .queryParamIfPresent("agency", Optional.ofNullable(filters.agency()))
                .queryParamIfPresent("rule", Optional.ofNullable(filters.rule()))
                .encode()
                .build()
                .toUriString();
    }

    private static String known(String value, Enum<?>[] allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(allowed).anyMatch(e -> e.name().equals(upper)) ? upper : null;
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
